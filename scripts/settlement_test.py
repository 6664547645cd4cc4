#!/usr/bin/env python3
"""Three-way agreement test of the settlement contract (fixtures/settlement/SPEC.md).

Real proofs come from the project's prover (`zkrollup prove --circuit stub:2`); everything else
(VK decoding and hash, batch hashes, the three public inputs, queue hashes, withdraw trees and proofs) is an
independent Python implementation of SPEC.md. One scenario file is run three ways: on pyrevm (the
compiled Rollup.vy, fixtures/settlement/Rollup.bin), and by `zkrollup settlement replay` on the
Swift mirror and on the project's own EVM. Every step must give the outcome the scenario states
(success or the exact revert string) on all three. Also prints a gas table (--gas-report FILE
writes it as JSON).

Usage: settlement_test.py PATH/TO/zkrollup [--gas-report FILE] [--keep DIR] [--circuit stub:N]

Coverage note: stub:N uses every selector column and one range8 lookup, and each of its three public
inputs enters its constraints, so a wrong scalar on any fixed column, in the lookup terms or in any
of the three Lagrange terms of PI(zeta) fails the pairing; --circuit runs the same with another
circuit of the contract's shape that takes --public-input.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

import pyrevm
from eth_abi import decode, encode
from eth_hash.auto import keccak

R = 21888242871839275222246405745257275088548364400416034343698204186575808495617
P = 21888242871839275222246405745257275088696311157297823662689037894645226208583
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ART = os.path.join(ROOT, "fixtures", "settlement")
GAS = 30_000_000
FUND = 10**24
CHAIN_ID = 53077
DEPTH = 20

passed = failed = 0


def check(cond, what, detail=""):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {what}" + (f": {detail}" if detail else ""), flush=True)


def hx(b):
    return "0x" + bytes(b).hex()


def unhex(s):
    return bytes.fromhex(s[2:] if s.startswith("0x") else s)


def num(x):
    """A JSON number: an integer when small, else 0x-hex (the scenario format allows both)."""
    return x if x < 2**53 else hex(x)


def w(x):
    """A 32-byte word: int, 20-byte address (0x-hex) or bytes32."""
    if isinstance(x, int):
        return x.to_bytes(32, "big")
    if isinstance(x, str):
        return unhex(x).rjust(32, b"\0")
    assert len(x) == 32
    return bytes(x)


def H(*words):
    return keccak(b"".join(w(x) for x in words))


# ---------------------------------------------------------------- SPEC.md, independently

def batch_hash(h, data_hash):
    return H(h["index"], h["parent"], h["prev"], h["post"], h["withdraw"], h["mq"], data_hash)


def binding(h, data_hash):
    """PI[0]: keccak(chainId ‖ withdrawRoot ‖ messageQueueHash ‖ dataHash) mod r."""
    return int.from_bytes(H(CHAIN_ID, h["withdraw"], h["mq"], data_hash), "big") % R


def public_inputs(h, data_hash):
    """The proof's three public inputs: the binding, then the prev and post state roots as integers."""
    return [binding(h, data_hash), int.from_bytes(h["prev"], "big"), int.from_bytes(h["post"], "big")]


def queue_next(prev, k, sender, to, value):
    return H(prev, k, sender, to, value)


class WithdrawTree:
    """The depth-20 keccak tree of SPEC.md with leaves keccak(i ‖ to ‖ amount) at 0, 1, …"""

    def __init__(self, leaves):
        self.leaves = leaves
        zero = [b"\0" * 32]
        for _ in range(DEPTH):
            zero.append(keccak(zero[-1] + zero[-1]))
        level = [H(i, to, amount) for i, (to, amount) in enumerate(leaves)]
        self.levels = [level]
        for hgt in range(DEPTH):
            if len(level) % 2:
                level = level + [zero[hgt]]
            level = [keccak(level[j] + level[j + 1]) for j in range(0, len(level), 2)]
            self.levels.append(level)
        self.zero = zero
        self.root = level[0] if level else zero[DEPTH]

    def proof(self, i):
        out = []
        for hgt in range(DEPTH):
            sib = i >> hgt ^ 1
            lvl = self.levels[hgt]
            out.append(lvl[sib] if sib < len(lvl) else self.zero[hgt])
        return out


def parse_vk(binary):
    """Decodes the Plonk VK binary (VerificationKey+Encoding.swift) into the constructor's arguments
    and rebuilds the encoding as SPEC.md states it (so the contract's constructor hash must agree)."""
    b = binary
    assert b[:4] == b"PVK1" and b[4] == 1, "vk magic/version"
    log_n = b[5]
    ell = int.from_bytes(b[6:10], "big")
    ints = [int.from_bytes(b[i:i + 32], "big") for i in range(10, 10 + 32 * 7, 32)]
    omega, k1, k2, g2 = ints[0], ints[1], ints[2], ints[3:7]
    o = 10 + 32 * 7
    gates = []
    for _ in range(int.from_bytes(b[o:o + 2], "big")):
        n = int.from_bytes(b[o + 2:o + 4], "big")
        name = b[o + 4:o + 4 + n].decode()
        o += 4 + n
        gates.append((name, int.from_bytes(b[o:o + 2], "big"), int.from_bytes(b[o + 2:o + 4], "big")))
        o += 4
    count = int.from_bytes(b[o:o + 2], "big")
    o += 2
    fixed = [[int.from_bytes(b[o + 64 * i:o + 64 * i + 32], "big"), int.from_bytes(b[o + 64 * i + 32:o + 64 * i + 64], "big")]
             for i in range(count)]
    assert o + 64 * count == len(b), "vk trailing bytes"
    spec = (b"PVK1\x01" + bytes([log_n]) + (3).to_bytes(4, "big") + w(pow(5, (R - 1) >> log_n, R)) + w(5) + w(25)
            + b"".join(w(x) for x in g2) + b"\x00\x01\x00\x15poseidon.t3.circom.w6\x00\x0b\x00\x06\x00\x19"
            + b"".join(w(x) + w(y) for x, y in fixed))
    return dict(log_n=log_n, ell=ell, omega=omega, k=(k1, k2), g2=g2, gates=gates, fixed=fixed,
                hash=keccak(binary), spec_hash=keccak(spec))


# ---------------------------------------------------------------- the prover

CIRCUIT = "stub:2"  # --circuit: any circuit of the contract's shape that takes --public-input


def prove(zk, pis, workdir, tag):
    """A proof for the three public inputs `pis` (--public-input takes them comma-separated)."""
    out, vk = os.path.join(workdir, f"proof-{tag}.json"), os.path.join(workdir, f"vk-{tag}.json")
    proc = subprocess.run([zk, "prove", "--circuit", CIRCUIT, "--public-input", ",".join(hx(w(x)) for x in pis),
                           "--out", out, "--vk-out", vk], capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        sys.exit(f"zkrollup prove failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
    env = json.load(open(out))
    check(env["version"] == 1 and [int(x, 16) for x in env["publicInputs"]] == pis, f"proof {tag}: envelope")
    proof = unhex(env["proof"])
    check(len(proof) == 1472, f"proof {tag}: 1472 bytes")
    return proof, vk, env["vkHash"]


# ---------------------------------------------------------------- pyrevm

class Chain:
    def __init__(self, abi):
        self.evm = pyrevm.EVM(spec_id="CANCUN")
        self.fns = {}
        for item in abi:
            if item["type"] == "function":
                types = [self._t(i) for i in item["inputs"]]
                sel = keccak(f"{item['name']}({','.join(types)})".encode())[:4]
                self.fns[item["name"]] = (sel, types, [self._t(o) for o in item["outputs"]])

    @staticmethod
    def _t(p):
        if p["type"].startswith("tuple"):
            return "(" + ",".join(Chain._t(c) for c in p["components"]) + ")" + p["type"][5:]
        return p["type"]

    def deploy(self, owner, args, froms):
        """Deploys; returns None, or the revert reason when the constructor reverts."""
        for a in {owner, *froms}:
            self.evm.set_balance(a, FUND)
        code = unhex(open(os.path.join(ART, "Rollup.bin")).read().strip())
        ctor = encode(["address", "uint256", "bytes32", "uint256", "uint256[4]", "uint256[2][25]"], args)
        try:
            self.addr = self.evm.deploy(owner, code + ctor, gas=GAS)
        except RuntimeError as e:
            return revert_reason(str(e))
        self.code_size = len(self.evm.get_code(self.addr))
        return None

    def call(self, sender, name, *args, value=0):
        """A transaction: {"ok", "reason", "gasUsed", "out"}."""
        sel, types, outs = self.fns[name]
        data = sel + encode(types, list(args))
        try:
            ret = self.evm.message_call(sender, self.addr, data, value=value, gas=GAS)
            res = dict(ok=True, reason=None, out=decode(outs, bytes(ret)) if outs else ())
        except RuntimeError as e:
            text = str(e)
            res = dict(ok=False, reason=revert_reason(text), out=None)
        res["gasUsed"] = self.evm.result.gas_used
        res["logs"] = [log.data for log in self.evm.result.logs] if res["ok"] else []
        res["calldata"] = data
        return res

    def view(self, name, *args):
        r = self.call("0x" + "00" * 19 + "01", name, *args)
        assert r["ok"], (name, r)
        out = r["out"][0]
        return list(out) if isinstance(out, tuple) else out


def check_log(res, signature, indexed, data, what):
    """The step emitted exactly this event (SPEC.md's Events: topic 0, indexed words, data words)."""
    want = ([keccak(signature.encode())] + [w(x) for x in indexed], b"".join(w(x) for x in data))
    check([(list(t), bytes(d)) for t, d in res["logs"]] == [want], f"{what}: {signature.split('(')[0]} event")


def revert_reason(text):
    if "output: 0x" not in text:
        return "<halt: " + text[:120] + ">"
    out = unhex(text.split("output: ")[1].split()[0].rstrip("},"))
    if out[:4] == bytes.fromhex("08c379a0"):
        return decode(["string"], out[4:])[0]
    return "<revert " + hx(out) + ">"


def intrinsic(calldata):
    return 21000 + sum(4 if b == 0 else 16 for b in calldata)


# ---------------------------------------------------------------- the scenario

def addr(n):
    return "0x" + f"{n:040x}"


OWNER, SEQ, ALICE, BOB, CAROL, DAVE = (addr(0x1000 + i) for i in range(6))


def build(zk, workdir):
    """Returns (scenario, per-step Python checks on pyrevm {step index: fn(chain, result)}, the VK JSON)."""
    rnd = random.Random(53077)
    rb = lambda n: bytes(rnd.getrandbits(8) for _ in range(n))  # noqa: E731
    rs = lambda: w(rnd.randrange(R))  # noqa: E731  a state root: chain v2's are Poseidon roots, below r
    genesis = rs()
    steps, post = [], {}

    def step(name, sender, function, expect, value=0, after=None, **kw):
        if after:
            post[len(steps)] = after
        steps.append(dict(name=name, **{"from": sender}, value=num(value), function=function, **kw, expect=expect))

    def header_json(h):
        return dict(index=h["index"], parentBatchHash=hx(h["parent"]), prevStateRoot=hx(h["prev"]),
                    postStateRoot=hx(h["post"]), withdrawRoot=hx(h["withdraw"]), messageQueueHash=hx(h["mq"]))

    def commit(name, sender, h, data, expect, after=None):
        step(name, sender, "commitBatch", expect, header=header_json(h), batchData=hx(data), after=after)

    def finalize(name, index, proof, expect, sender=DAVE):
        step(name, sender, "finalizeBatch", expect, index=index, proof=hx(proof))

    def verify(name, proof, pis, expect):
        step(name, DAVE, "verifyProof", expect, proof=hx(proof), publicInputs=[hex(x) for x in pis])

    def claim(name, sender, batch, leaf, to, amount, proof, expect, after=None):
        step(name, sender, "claimWithdrawal", expect, batchIndex=batch, leafIndex=leaf, to=to, amount=num(amount),
             proof=[hx(x) for x in proof], after=after)

    # Deposits: the rolling queue hash.
    queue = [b"\0" * 32]
    deposits = [(ALICE, addr(0xa1), 3 * 10**18), (BOB, addr(0xb0b), 2 * 10**18), (ALICE, addr(0xa2), 10**18)]

    def deposit(k):
        sender, to, value = deposits[k]
        queue.append(queue_next(queue[k], k, sender, to, value))

        def after(ch, res, k=k, qh=queue[k + 1], sender=sender, to=to, value=value):
            check(ch.view("messageQueueHash", k + 1) == qh, f"messageQueueHash({k + 1}) = Python queue hash")
            check_log(res, "DepositQueued(uint256,address,address,uint256,bytes32)", [k, sender, to], [value, qh],
                      f"deposit {k}")
            check(ch.view("messageQueueLength") == k + 1, "messageQueueLength")
        step(f"deposit {k}", sender, "depositETH", None, value=value, to=to, after=after)

    step("deposit of zero wei", ALICE, "depositETH", "deposit amount is zero", to=addr(0xa1))
    deposit(0)
    deposit(1)

    # Batch 1: two deposits, a 3-leaf withdraw tree.
    tree1 = WithdrawTree([(CAROL, 10**18), (addr(0xc2), 5 * 10**17), (CAROL, 12345)])
    data1 = rb(1000)
    b0 = dict(index=0, parent=b"\0" * 32, prev=genesis, post=genesis, withdraw=b"\0" * 32, mq=b"\0" * 32)
    g_hash = batch_hash(b0, b"\0" * 32)
    h1 = dict(index=1, parent=g_hash, prev=genesis, post=rs(), withdraw=tree1.root, mq=queue[2])
    dh1 = keccak(data1)
    pi1 = public_inputs(h1, dh1)
    commit("commit 1 by a non-sequencer", ALICE, h1, data1, "only sequencer")
    commit("commit 1 with index 2", SEQ, dict(h1, index=2), data1, "batch index not next")
    commit("commit 1 with a wrong parent hash", SEQ, dict(h1, parent=rb(32)), data1, "wrong parent batch hash")
    commit("commit 1 with a wrong prev root", SEQ, dict(h1, prev=rb(32)), data1, "prev state root mismatch")
    commit("commit 1 with a wrong prev root and a post root of r", SEQ, dict(h1, prev=rb(32), post=w(R)), data1,
           "prev state root mismatch")
    commit("commit 1 with a post root of r", SEQ, dict(h1, post=w(R)), data1, "state root not below r")
    commit("commit 1 with a post root of 2^256 - 1", SEQ, dict(h1, post=b"\xff" * 32), data1, "state root not below r")
    commit("commit 1 with a post root of r and an unknown queue hash", SEQ, dict(h1, post=w(R), mq=rb(32)), data1,
           "state root not below r")
    commit("commit 1 with an unknown queue hash", SEQ, dict(h1, mq=rb(32)), data1, "unknown message queue hash")

    def after1(ch, res):
        check(ch.view("batchHash", 0) == g_hash, "genesis batchHash = Python")
        check(ch.view("batchHash", 1) == batch_hash(h1, dh1), "batchHash(1) = Python")
        check(ch.view("batchPublicInputs", 1) == pi1, "batchPublicInputs(1) = Python")
        g = int.from_bytes(genesis, "big")
        check(ch.view("batchPublicInputs", 0) == [0, g, g], "batchPublicInputs(0) = (0, genesis, genesis)")
        check(ch.view("lastCommittedBatch") == 1, "lastCommittedBatch = 1")
        check_log(res, "BatchCommitted(uint256,bytes32,bytes32)", [1], [batch_hash(h1, dh1), dh1], "commit 1")
    commit("commit 1", SEQ, h1, data1, None, after=after1)
    proof1, vk_path, vk_hash = prove(zk, pi1, workdir, "1")

    # Batch 2 (reverted later) and its proof, the "proof for another batch".
    tree2 = WithdrawTree([(DAVE, 7)])
    h2 = dict(index=2, parent=batch_hash(h1, dh1), prev=h1["post"], post=rs(), withdraw=tree2.root, mq=queue[2])
    pi2 = public_inputs(h2, keccak(b""))
    proof2, vk2, vk_hash2 = prove(zk, pi2, workdir, "2")
    check(vk_hash2 == vk_hash and json.load(open(vk2))["vk"] == json.load(open(vk_path))["vk"],
          "the stub's VK does not depend on the public input")

    finalize("finalize 0", 0, proof1, "batch already finalized")
    finalize("finalize 2 (not committed)", 2, proof1, "batch not committed")
    verify("verifyProof valid", proof1, pi1, None)
    for i in range(46):  # 14 points (28 coordinate words), then 18 scalars
        bad = bytearray(proof1)
        for j in range(32 * i, 32 * i + 32):
            bad[j] ^= 0xFF
        verify(f"verifyProof word {i} flipped", bytes(bad), pi1,
               "proof coordinate not below p" if i < 28 else "proof scalar not below r")

    def flip(word, mask=1):
        bad = bytearray(proof1)
        bad[32 * word + 31] ^= mask
        return bytes(bad)

    def infinity(point):
        return proof1[:64 * point] + b"\0" * 64 + proof1[64 * point + 64:]

    def coordinate_equal_p(point):
        return proof1[:64 * point] + w(P) + proof1[64 * point + 32:]

    verify("verifyProof x of [a] low bit flipped", flip(0), pi1, "proof point not on curve")
    verify("verifyProof y of W_zeta_omega low bit flipped", flip(27), pi1, "proof point not on curve")
    verify("verifyProof x of [z] = p", coordinate_equal_p(7), pi1, "proof coordinate not below p")
    verify("verifyProof a(zeta) low bit flipped", flip(28), pi1, "pairing check failed")
    verify("verifyProof phi(zeta omega) low bit flipped", flip(45), pi1, "pairing check failed")
    verify("verifyProof scalar = r", proof1[:1440] + w(R), pi1, "proof scalar not below r")
    verify("verifyProof [a] = infinity", infinity(0), pi1, "pairing check failed")
    verify("verifyProof W_zeta_omega = infinity", infinity(13), pi1, "pairing check failed")
    verify("verifyProof binding + r", proof1, [pi1[0] + R, pi1[1], pi1[2]], "public input not below r")
    verify("verifyProof prev root + r", proof1, [pi1[0], pi1[1] + R, pi1[2]], "public input not below r")
    verify("verifyProof post root + r", proof1, [pi1[0], pi1[1], pi1[2] + R], "public input not below r")
    verify("verifyProof post root 2^256 - 1", proof1, [pi1[0], pi1[1], 2**256 - 1], "public input not below r")
    verify("verifyProof binding r - 1", proof1, [R - 1, pi1[1], pi1[2]], "pairing check failed")
    verify("verifyProof prev root + 1", proof1, [pi1[0], (pi1[1] + 1) % R, pi1[2]], "pairing check failed")
    verify("verifyProof post root + 1", proof1, [pi1[0], pi1[1], (pi1[2] + 1) % R], "pairing check failed")
    verify("verifyProof roots swapped", proof1, [pi1[0], pi1[2], pi1[1]], "pairing check failed")
    verify("verifyProof 1471 bytes", proof1[:1471], pi1, "proof length")
    verify("verifyProof 1471 bytes and a public input of r", proof1[:1471], [R, 0, 0], "proof length")
    verify("verifyProof empty", b"", pi1, "proof length")
    verify("verifyProof proof for another batch", proof2, pi1, "pairing check failed")
    finalize("finalize 1 with another batch's proof", 1, proof2, "pairing check failed")
    # Proofs for batch 1's binding with one state root changed: the roots are bound by the proof itself.
    wrong_post, _, _ = prove(zk, [pi1[0], pi1[1], int.from_bytes(rs(), "big")], workdir, "1-wrong-post")
    wrong_prev, _, _ = prove(zk, [pi1[0], int.from_bytes(rs(), "big"), pi1[2]], workdir, "1-wrong-prev")
    finalize("finalize 1 with a proof for another post root", 1, wrong_post, "pairing check failed")
    finalize("finalize 1 with a proof for another prev root", 1, wrong_prev, "pairing check failed")
    finalize("finalize 1 with a coordinate flipped", 1, flip(2, 0xFF), "proof point not on curve")

    def after_fin1(ch, res):
        check(ch.view("lastFinalizedBatch") == 1, "lastFinalizedBatch = 1")
        check(ch.view("finalizedStateRoot") == h1["post"], "finalizedStateRoot = batch 1's post root")
        check(ch.view("batchWithdrawRoot", 1) == tree1.root, "batchWithdrawRoot(1) = Python tree root")
        check_log(res, "BatchFinalized(uint256,bytes32,bytes32,bytes32)", [1],
                  [batch_hash(h1, dh1), h1["post"], tree1.root], "finalize 1")
    step("finalize 1", DAVE, "finalizeBatch", None, index=1, proof=hx(proof1), after=after_fin1)
    finalize("finalize 1 twice", 1, proof1, "batch already finalized")

    # Batches 2 and 3, finalizing out of order, reverting, re-committing.
    deposit(2)
    commit("commit 2 with an older queue hash", SEQ, dict(h2, mq=queue[1]), b"", "message queue goes back")
    commit("commit 2", SEQ, h2, b"", None)
    h3 = dict(index=3, parent=batch_hash(h2, keccak(b"")), prev=h2["post"], post=rs(), withdraw=b"\0" * 32, mq=queue[3])
    commit("commit 3", SEQ, h3, rb(100), None)
    finalize("finalize 3 before 2", 3, proof1, "batch not next to finalize")
    step("revertBatch by a non-owner", SEQ, "revertBatch", "only owner", index=2)
    step("revertBatch of a finalized batch", OWNER, "revertBatch", "batch already finalized", index=1)
    step("revertBatch of an uncommitted batch", OWNER, "revertBatch", "batch not committed", index=4)
    def after_revert(ch, res):
        check(ch.view("lastCommittedBatch") == 1, "lastCommittedBatch = 1 after revert")
        check_log(res, "BatchReverted(uint256,uint256)", [2], [2], "revert 2")
    step("revertBatch 2", OWNER, "revertBatch", None, index=2, after=after_revert)
    finalize("finalize 2 after its revert", 2, proof2, "batch not committed")
    commit("commit 3 after the revert", SEQ, h3, b"", "batch index not next")
    tree2b = WithdrawTree([(DAVE, 10**30), (DAVE, 1)])
    h2b = dict(h2, post=rs(), withdraw=tree2b.root, mq=queue[3])
    data2b = rb(300)
    pi2b = public_inputs(h2b, keccak(data2b))
    proof2b, _, _ = prove(zk, pi2b, workdir, "2b")
    commit("re-commit 2", SEQ, h2b, data2b, None,
           after=lambda ch, res: check(ch.view("batchPublicInputs", 2) == pi2b, "batchPublicInputs(2) after re-commit"))
    finalize("finalize 2 with the reverted batch's proof", 2, proof2, "pairing check failed")
    finalize("finalize 2", 2, proof2b, None)

    # Withdrawals.
    def paid(to, amount):
        def after(ch, res):
            check(ch.evm.get_balance(to) == ch.balance_before + amount, f"{to} received {amount} wei")
            check_log(res, "WithdrawalClaimed(uint256,uint256,address,uint256)", [1, 0, to], [amount], "claim 1/0")
        return after
    claim("claim from an unfinalized batch", DAVE, 3, 0, DAVE, 1, tree1.proof(0), "batch not finalized")
    claim("claim with leaf index 2^20", DAVE, 1, 1 << 20, CAROL, 10**18, tree1.proof(0), "leaf index out of range")
    claim("claim 1/0", DAVE, 1, 0, CAROL, 10**18, tree1.proof(0), None, after=paid(CAROL, 10**18))
    claim("claim 1/0 twice", DAVE, 1, 0, CAROL, 10**18, tree1.proof(0), "withdrawal already claimed")
    bad = tree1.proof(1)
    bad[3] = rb(32)
    claim("claim 1/1 with a wrong Merkle proof", DAVE, 1, 1, addr(0xc2), 5 * 10**17, bad, "invalid withdrawal proof")
    claim("claim 1/2 with a wrong amount", CAROL, 1, 2, CAROL, 12346, tree1.proof(2), "invalid withdrawal proof")
    claim("claim 1/2", CAROL, 1, 2, CAROL, 12345, tree1.proof(2), None,
          after=lambda ch, res: check(ch.view("isClaimed", 1, 2) and not ch.view("isClaimed", 1, 1), "isClaimed"))
    claim("claim 2/0 more than the contract holds", DAVE, 2, 0, DAVE, 10**30, tree2b.proof(0), "withdrawal transfer failed")
    claim("claim 2/1", DAVE, 2, 1, DAVE, 1, tree2b.proof(1), None)
    claim("claim from genesis", DAVE, 0, 0, CAROL, 10**18, tree1.proof(0), "invalid withdrawal proof")

    vk_json = json.load(open(vk_path))
    scenario = dict(deploy=dict(owner=OWNER, sequencer=SEQ, l2ChainId=CHAIN_ID, genesisStateRoot=hx(genesis),
                                vk=os.path.basename(vk_path)), steps=steps)
    return scenario, post, vk_json


def ctor_args(scenario, vk):
    d = scenario["deploy"]
    return [d["sequencer"], d["l2ChainId"], unhex(d["genesisStateRoot"]), vk["log_n"], vk["g2"], vk["fixed"]]


def run_pyrevm(scenario, vk, post, abi):
    ch = Chain(abi)
    reason = ch.deploy(scenario["deploy"]["owner"], ctor_args(scenario, vk), [s["from"] for s in scenario["steps"]])
    check(reason is None, "pyrevm: deployment", repr(reason))
    results = []
    for i, s in enumerate(scenario["steps"]):
        f, val = s["function"], int(str(s.get("value", 0)), 0)
        if f == "commitBatch":
            h = s["header"]
            args = [(h["index"], unhex(h["parentBatchHash"]), unhex(h["prevStateRoot"]), unhex(h["postStateRoot"]),
                     unhex(h["withdrawRoot"]), unhex(h["messageQueueHash"])), unhex(s["batchData"])]
        elif f == "finalizeBatch":
            args = [s["index"], unhex(s["proof"])]
        elif f == "verifyProof":
            args = [unhex(s["proof"]), [int(x, 16) for x in s["publicInputs"]]]
        elif f == "revertBatch":
            args = [s["index"]]
        elif f == "depositETH":
            args = [s["to"]]
        elif f == "claimWithdrawal":
            args = [s["batchIndex"], s["leafIndex"], s["to"], int(str(s["amount"]), 0), [unhex(x) for x in s["proof"]]]
        if f == "claimWithdrawal":
            ch.balance_before = ch.evm.get_balance(s["to"])
        res = ch.call(s["from"], f, *args, value=val)
        if f == "verifyProof" and res["ok"]:
            check(res["out"] == (True,), f"step {i} {s['name']}: verifyProof returns true")
        results.append(res)
        if i in post and res["ok"]:
            post[i](ch, res)
    return ch, results


def check_genesis_bound(zk, scenario, vk, abi, workdir):
    """The constructor refuses a genesis root of r (pyrevm), and so does the Swift deployment (replay);
    r - 1 is accepted."""
    for root, want in [(R, "state root not below r"), (2**256 - 1, "state root not below r"), (R - 1, None)]:
        bad = dict(scenario, deploy=dict(scenario["deploy"], genesisStateRoot=hx(w(root))), steps=[])
        got = Chain(abi).deploy(OWNER, ctor_args(bad, vk), [])
        check(got == want, f"pyrevm: constructor with genesis root {hex(root)}", f"got {got!r}, want {want!r}")
        path = os.path.join(workdir, f"scenario-genesis-{root:x}.json")
        with open(path, "w") as f:
            json.dump(bad, f)
        proc = subprocess.run([zk, "settlement", "replay", "--scenario", path], capture_output=True, text=True, timeout=600)
        ok = proc.returncode == 0 if want is None else proc.returncode != 0 and want in proc.stderr
        check(ok, f"replay: deployment with genesis root {hex(root)}", f"exit {proc.returncode}: {proc.stderr.strip()[-300:]}")


def run_swift(zk, path):
    """`zkrollup settlement replay`: {step index: its JSON line}; {} (a failed check) if it cannot run."""
    proc = subprocess.run([zk, "settlement", "replay", "--scenario", path], capture_output=True, text=True, timeout=1800)
    lines = [json.loads(x) for x in proc.stdout.splitlines() if x.strip().startswith("{")]
    check(proc.returncode == 0 and lines, "zkrollup settlement replay ran",
          f"exit {proc.returncode}: {proc.stderr.strip()[-1000:]}")
    return {x["step"]: x for x in lines}


def gas_table(abi, vk, scenario, results, swift):
    """Gas of the main calls. pyrevm 0.3.7's message_call never commits its journal, so an address
    or slot touched by an earlier call stays warm (100 instead of 2,100/2,600 gas): its figures for
    calls that read storage are lower bounds. The project's EVM starts every transaction cold, as a
    chain does; both are shown, and the verifier alone (verifyProof, no storage) must agree."""
    names = {s["name"]: i for i, s in enumerate(scenario["steps"])}
    table = {}
    # "first": the first such call moves a counter off zero (a 20,000-gas fresh SSTORE).
    for key, step in [("finalizeBatch first", "finalize 1"), ("finalizeBatch", "finalize 2"),
                      ("verifyProof", "verifyProof valid"), ("depositETH first", "deposit 0"),
                      ("depositETH", "deposit 1"), ("claimWithdrawal", "claim 1/0")]:
        i = names[step]
        r = results[i]
        cold = ((swift.get(i) or {}).get("evm") or {}).get("gasUsed")
        table[key] = dict(gasUsed=r["gasUsed"], execution=r["gasUsed"] - intrinsic(r["calldata"]),
                          coldGasUsed=cold, coldExecution=None if cold is None else cold - intrinsic(r["calldata"]))
    if swift:
        check(table["verifyProof"]["coldGasUsed"] == table["verifyProof"]["gasUsed"],
              "verifyProof gas: the project's EVM = pyrevm", repr(table["verifyProof"]))
    # commitBatch by batch-data size, on a fresh chain (random bytes, so calldata is mostly non-zero).
    ch = Chain(abi)
    check(ch.deploy(OWNER, ctor_args(scenario, vk), [SEQ]) is None, "gas run: deployment")
    rnd = random.Random(1)
    parent, prev = ch.view("batchHash", 0), unhex(scenario["deploy"]["genesisStateRoot"])
    sizes = {}
    # A first commit (not counted) moves lastCommittedBatch off zero, so each counted one is typical.
    for i, n in enumerate([0, 0, 1000, 10000, 60000], start=1):
        data = bytes(rnd.getrandbits(8) for _ in range(n))
        h = dict(index=i, parent=parent, prev=prev, post=w(int.from_bytes(keccak(bytes([i])), "big") % R),
                 withdraw=keccak(b"w"), mq=b"\0" * 32)
        r = ch.call(SEQ, "commitBatch", (i, h["parent"], h["prev"], h["post"], h["withdraw"], h["mq"]), data)
        check(r["ok"], f"gas run: commit of {n} bytes", r["reason"])
        if i > 1:
            sizes[n] = dict(gasUsed=r["gasUsed"], execution=r["gasUsed"] - intrinsic(r["calldata"]))
        parent, prev = batch_hash(h, keccak(data)), h["post"]
    table["commitBatch"] = sizes
    table["commitBatch per byte"] = round((sizes[60000]["gasUsed"] - sizes[0]["gasUsed"]) / 60000, 2)
    table["commitBatch per byte (execution)"] = round((sizes[60000]["execution"] - sizes[0]["execution"]) / 60000, 2)
    table["deployed code size"] = ch.code_size
    table["init code size"] = len(unhex(open(os.path.join(ART, "Rollup.bin")).read().strip()))
    return table


def main():
    global CIRCUIT
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("zkrollup")
    ap.add_argument("--gas-report")
    ap.add_argument("--circuit", default=CIRCUIT, help=f"the circuit to prove (default {CIRCUIT})")
    ap.add_argument("--keep", help="write the scenario, proofs and VK here (default: a temp dir)")
    a = ap.parse_args()
    CIRCUIT = a.circuit
    zk = os.path.abspath(a.zkrollup)
    abi = json.load(open(os.path.join(ART, "Rollup.abi.json")))
    workdir = a.keep or tempfile.mkdtemp(prefix="settlement-")
    os.makedirs(workdir, exist_ok=True)

    scenario, post, vk_json = build(zk, workdir)
    vk = parse_vk(unhex(vk_json["vk"]))
    check(vk["ell"] == 3 and vk["gates"] == [("poseidon.t3.circom.w6", 11, 6)] and len(vk["fixed"]) == 25, "VK shape")
    check(vk["omega"] == pow(5, (R - 1) >> vk["log_n"], R) and vk["k"] == (5, 25), "VK ω, k1, k2")
    check(vk["hash"] == unhex(vk_json["vkHash"]), "keccak(VK binary) = the VK JSON's vkHash")
    check(vk["spec_hash"] == vk["hash"], "the SPEC.md encoding of the VK = the prover's binary")
    path = os.path.join(workdir, "scenario.json")
    with open(path, "w") as f:
        json.dump(scenario, f, indent=1)

    ch, results = run_pyrevm(scenario, vk, post, abi)
    check(ch.view("vkHash") == vk["hash"], "the contract's vkHash() = Python's")
    check_genesis_bound(zk, scenario, vk, abi, workdir)
    swift = run_swift(zk, path)
    gas_diff = 0
    for i, (s, r) in enumerate(zip(scenario["steps"], results)):
        want = s["expect"]
        label = f"step {i} {s['name']}"
        check(r["ok"] == (want is None) and r["reason"] == want, f"{label}: pyrevm", f"got {r['reason']!r}, want {want!r}")
        if not swift:
            continue
        x = swift.get(i)
        check(x is not None and x.get("name") == s["name"], f"{label}: replayed", repr(x))
        if x is None:
            continue
        for side in ("mirror", "evm"):
            o = x.get(side) or {}
            check(o.get("ok") == (want is None) and o.get("reason") == want, f"{label}: {side}",
                  f"got {o.get('reason')!r}, want {want!r}")
        if (x.get("evm") or {}).get("gasUsed") not in (None, r["gasUsed"]):
            gas_diff += 1
    if swift:
        check(len(swift) == len(scenario["steps"]), "replay printed one line per step")
        print(f"gas: the project's EVM and pyrevm differ on {gas_diff} of {len(results)} steps (pyrevm keeps slots warm across calls; informational)")

    table = gas_table(abi, vk, scenario, results, swift)
    print("gas (Cancun; gasUsed incl. 21000 + calldata, execution = gasUsed - intrinsic; gasUsed/execution on pyrevm,\n"
          "whose journal keeps slots warm across calls, cold* on the project's EVM, every transaction cold as on chain):")
    for k, v in table.items():
        print(f"  {k:34} {json.dumps(v)}")
    if a.gas_report:
        with open(a.gas_report, "w") as f:
            json.dump(table, f, indent=1)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
