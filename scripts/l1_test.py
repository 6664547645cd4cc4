#!/usr/bin/env python3
"""End-to-end test of chain v1 settlement: `zkrollup l1 --dev` and `zkrollup sequencer --l1-*`.

web3.py and eth-account are the independent clients. Starts the v1 dev chain (the settlement
contract deployed from its committed bytecode) and the sequencer following it, then checks:
deposits sent with web3.py are credited on chain v2, in order, and are spendable; the queue hash
the contract computes equals the one recomputed here and the one the sequencer's batches carry
(`rollup_getBatch`, the block's withdrawals-root slot); the sequencer commits and finalizes its
batches on v1 with real batch-circuit proofs (the contract deployed with the batch circuit's key; set
ZKROLLUP_L1_CIRCUIT=stub:8 for the settlement stub) with the batch hash and state roots predicted here; a
transaction the circuit cannot prove yet is refused at admission; a deposit made
while the sequencer is down (killed with -9) is credited after the restart; the CLI's calls are
refused with the contract's reasons (non-sequencer commit, tampered proof, zero deposit); a
batch with deposits exports and re-executes from its file alone.

Usage: l1_test.py [PATH/TO/zkrollup]   (ZKROLLUP_L1_CIRCUIT: batch:DEPTH:CAPACITY or stub:N; default batch:16:4)
"""
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

from eth_account import Account
from eth_utils import keccak
from trie import HexaryTrie
import rlp
from web3 import Web3

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MNEMONIC = "test test test test test test test test test test test junk"
Account.enable_unaudited_hdwallet_features()
KEYS = [Account.from_mnemonic(MNEMONIC, account_path=f"m/44'/60'/0'/0/{i}") for i in range(10)]
ABI = json.load(open(os.path.join(ROOT, "fixtures/settlement/Rollup.abi.json")))
L2_CHAIN_ID = 1337
R = 21888242871839275222246405745257275088548364400416034343698204186575808495617
CIRCUIT = os.environ.get("ZKROLLUP_L1_CIRCUIT", "batch:16:4")
BATCH_CIRCUIT = CIRCUIT.startswith("batch")
FINALITY_TIMEOUT = 300 if BATCH_CIRCUIT else 90
passed = 0


def check(cond, what):
    global passed
    if not cond:
        raise AssertionError(what)
    passed += 1


def binary():
    return sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "release", "zkrollup")


def start(args, log_path, pattern):
    """Starts a zkrollup service on port 0 and returns (process, its URL) once it prints it."""
    log = open(log_path, "w")
    proc = subprocess.Popen([binary()] + args, stdout=subprocess.PIPE, stderr=log, text=True)
    line = proc.stdout.readline()
    m = re.search(pattern + r".*JSON-RPC on (http://\S+)", line)
    if not m:
        proc.kill()
        raise AssertionError(f"{args[0]} did not start: {line!r} {open(log_path).read()[-2000:]}")
    return proc, m.group(1)


def key_hex(account):
    return "0x" + bytes(account.key).hex()


def word(x):
    return x.to_bytes(32, "big")


def wait(what, cond, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        v = cond()
        if v:
            return v
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def rpc_error(w3, method, params):
    return w3.provider.make_request(method, params).get("error")


def cli(*args):
    return subprocess.run([binary()] + list(args), capture_output=True, text=True, timeout=120)


def main():
    work = tempfile.mkdtemp(prefix="zkrollup-l1-test-")
    procs = []
    try:
        run(work, procs)
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    print(f"l1 test: {passed} checks passed")


def run(work, procs):
    l1, l1_url = start(["l1", "--dev", "--data-dir", f"{work}/l1", "--rpc", "127.0.0.1:0", "--circuit", CIRCUIT],
                       f"{work}/l1.log", "rollup contract")
    procs.append(l1)
    v1 = Web3(Web3.HTTPProvider(l1_url))
    check(v1.eth.chain_id == 9000, "v1 dev chain id")
    record = json.load(open(f"{work}/l1/rollup.json"))
    address = Web3.to_checksum_address(record["address"])
    created = "0x" + keccak(rlp.encode([bytes.fromhex(KEYS[0].address[2:]), 0]))[12:].hex()
    check(address == Web3.to_checksum_address(created), "contract at CREATE(owner, 0)")
    rollup = v1.eth.contract(address=address, abi=ABI)
    check(len(v1.eth.get_code(address)) > 20000, "contract code deployed")
    check(rollup.functions.sequencer().call() == KEYS[1].address, "sequencer is dev key 1")
    check(rollup.functions.l2ChainId().call() == L2_CHAIN_ID, "l2 chain id")
    check(rollup.functions.lastFinalizedBatch().call() == 0, "only genesis finalized")

    depositor = KEYS[2]
    alice, bob = Account.create(), Account.create()

    def deposit(to, value):
        nonce = v1.eth.get_transaction_count(depositor.address, "pending")
        tx = rollup.functions.depositETH(to).build_transaction(
            {"from": depositor.address, "value": value, "nonce": nonce, "chainId": 9000})
        h = v1.eth.send_raw_transaction(depositor.sign_transaction(tx).raw_transaction)
        r = v1.eth.wait_for_transaction_receipt(h, timeout=30)
        check(r["status"] == 1, "depositETH succeeds")
        return rollup.events.DepositQueued().process_receipt(r)[0]["args"]

    # A deposit before the sequencer exists: it must be found by scanning from block 0.
    expected_queue = [b"\x00" * 32]
    deposits = []

    def record_deposit(ev, to, value):
        k = len(deposits)
        check(ev["index"] == k and ev["to"] == to and ev["value"] == value and ev["sender"] == depositor.address,
              f"DepositQueued {k} fields")
        h = keccak(expected_queue[-1] + word(k) + word(int(depositor.address, 16)) + word(int(to, 16)) + word(value))
        check(ev["queueHash"] == h, f"contract queue hash {k} = keccak(prev ‖ k ‖ sender ‖ to ‖ value)")
        check(rollup.functions.messageQueueHash(k + 1).call() == h, f"messageQueueHash({k + 1}) view")
        expected_queue.append(h)
        deposits.append((to, value))

    record_deposit(deposit(alice.address, 3 * 10**18), alice.address, 3 * 10**18)

    seq_args = ["sequencer", "--data-dir", f"{work}/l2", "--rpc", "127.0.0.1:0", "--block-time", "100",
                "--batch-blocks", "3", "--batch-seconds", "2", "--l1-rpc", l1_url, "--l1-poll-ms", "100",
                "--l1-key", key_hex(KEYS[1]),
                "--l1-prove", CIRCUIT]
    seq, l2_url = start(seq_args, f"{work}/l2.log", "zkrollup sequencer")
    procs.append(seq)
    v2 = Web3(Web3.HTTPProvider(l2_url))
    record_deposit(deposit(bob.address, 7), bob.address, 7)
    record_deposit(deposit(alice.address, 11), alice.address, 11)

    def credited():
        return v2.eth.get_balance(alice.address) == 3 * 10**18 + 11 and v2.eth.get_balance(bob.address) == 7
    wait("deposits credited on chain v2", credited)
    check(True, "three deposits credited on chain v2 with the exact amounts")

    # The credit is spendable: alice pays bob on chain v2.
    tx = {"to": bob.address, "value": 10**18, "gas": 21000, "maxFeePerGas": 2 * 10**9, "maxPriorityFeePerGas": 10**9,
          "nonce": 0, "chainId": L2_CHAIN_ID, "type": 2}
    h = v2.eth.send_raw_transaction(alice.sign_transaction(tx).raw_transaction)
    check(v2.eth.wait_for_transaction_receipt(h, timeout=30)["status"] == 1, "deposited ETH is spendable on v2")

    # Blocks: the deposits appear in order, their trie root sits in the withdrawals-root slot.
    head = v2.eth.block_number
    seen = []
    for n in range(1, head + 1):
        b = v2.provider.make_request("eth_getBlockByNumber", [hex(n), False])["result"]
        msgs = b["l1Messages"]
        t = HexaryTrie({})
        for i, m in enumerate(msgs):
            t[rlp.encode(i)] = rlp.encode([int(m["index"], 16), bytes.fromhex(m["sender"][2:]), bytes.fromhex(m["to"][2:]),
                                           int(m["value"], 16)])
        check(b["withdrawalsRoot"] == "0x" + t.root_hash.hex(), f"block {n}: withdrawals-root slot = trie root of its deposits")
        seen += [int(m["index"], 16) for m in msgs]
    check(seen == list(range(len(deposits))), "each deposit credited once, in queue order")

    # Settlement: every batch up to the one holding the last deposit is committed and finalized.
    def batch(i):
        return v2.provider.make_request("rollup_getBatch", [hex(i)])["result"]
    last_block = max(n for n in range(1, head + 1)
                     if v2.provider.make_request("eth_getBlockByNumber", [hex(n), False])["result"]["l1Messages"])
    target = int(v2.provider.make_request("rollup_getBatchByBlock", [hex(last_block)])["result"]["index"], 16)
    wait("batch finalized on v1", lambda: rollup.functions.lastFinalizedBatch().call() >= target, timeout=FINALITY_TIMEOUT)
    wait("sequencer marks it finalized", lambda: batch(target)["status"] == "finalized")
    for i in range(1, target + 1):
        b = batch(i)
        count = int(b["messageCount"], 16)
        check(b["messageQueueHash"] == "0x" + expected_queue[count].hex(), f"batch {i}: queue hash = recomputed queue hash {count}")
        check(rollup.functions.messageQueueHash(count).call().hex() == b["messageQueueHash"][2:],
              f"batch {i}: queue hash = the contract's messageQueueHash({count})")
        parent = rollup.functions.batchHash(i - 1).call()
        fields = [word(i), parent] + [bytes.fromhex(b[k][2:]) for k in ("prevStateRoot", "postStateRoot")]
        empty = b"\x00" * 32
        for _ in range(20):
            empty = keccak(empty + empty)
        fields += [empty, bytes.fromhex(b["messageQueueHash"][2:]), bytes.fromhex(b["dataHash"][2:])]
        check(rollup.functions.batchHash(i).call() == keccak(b"".join(fields)), f"batch {i}: contract batch hash = recomputed")
        # The proof's public inputs: keccak(chainId ‖ withdraw ‖ queue ‖ dataHash) mod r, prev root, post root.
        binding = int.from_bytes(keccak(word(L2_CHAIN_ID) + b"".join(fields[4:])), "big") % R
        pis = [binding, int.from_bytes(fields[2], "big"), int.from_bytes(fields[3], "big")]
        check(pis[1] < R and pis[2] < R, f"batch {i}: state roots are scalars (below r)")
        check(rollup.functions.batchPublicInputs(i).call() == pis, f"batch {i}: public inputs = recomputed")
        prev_post = batch(i - 1)["postStateRoot"] if i > 1 else None
        check(prev_post is None or b["prevStateRoot"] == prev_post,
              f"batch {i}: prev root chained to the previous batch's post root")
    check(rollup.functions.batchPostStateRoot(target).call().hex() == batch(target)["postStateRoot"][2:],
          "v1 records the batch's post-state root")

    # Withdrawals: value sent to the bridge on chain v2, claimed on v1 against the finalized batch.
    bridge = Web3.to_checksum_address("0x" + "00" * 18 + "5100")
    dave = Account.create()
    nonce_a = v2.eth.get_transaction_count(alice.address)
    def l2_send(acct, nonce, to, value, data=b""):
        tx = {"to": to, "value": value, "gas": 60000, "maxFeePerGas": 2 * 10**9, "maxPriorityFeePerGas": 10**9,
              "nonce": nonce, "chainId": L2_CHAIN_ID, "type": 2, "data": data}
        return v2.eth.send_raw_transaction(acct.sign_transaction(tx).raw_transaction)
    if BATCH_CIRCUIT:
        # The circuit proves value transfers only: a withdrawal names its v1 recipient by being
        # sent from it (empty calldata); calldata, creations and contract calls are refused.
        for what, tx in [("calldata", {"to": bridge, "value": 1, "data": bytes.fromhex(dave.address[2:])}),
                         ("contract creation", {"value": 0, "data": b"\x00"})]:
            tx.update({"gas": 60000, "maxFeePerGas": 2 * 10**9, "maxPriorityFeePerGas": 10**9, "nonce": nonce_a,
                       "chainId": L2_CHAIN_ID, "type": 2})
            err = rpc_error(v2, "eth_sendRawTransaction", ["0x" + bytes(alice.sign_transaction(tx).raw_transaction).hex()])
            check(err is not None and err["code"] == -32000 and "not provable" in err["message"] and what in err["message"],
                  f"{what} refused by a node proving with the batch circuit: {err}")
        dave = alice
        w1 = l2_send(alice, nonce_a, bridge, 25 * 10**16)
    else:
        w1 = l2_send(alice, nonce_a, bridge, 25 * 10**16, bytes.fromhex(dave.address[2:]))
    w2 = l2_send(bob, 0, bridge, 3)
    bad = rpc_error(v2, "eth_sendRawTransaction", ["0x" + bytes(alice.sign_transaction(
        {"to": bridge, "value": 1, "gas": 60000, "maxFeePerGas": 2 * 10**9, "maxPriorityFeePerGas": 10**9,
         "nonce": nonce_a + 1, "chainId": L2_CHAIN_ID, "type": 2, "data": b"\x01" * 5}).raw_transaction).hex()])
    check(bad is not None and bad["code"] == -32000 and "invalid withdrawal" in bad["message"], f"malformed withdrawal refused: {bad}")
    r1 = v2.eth.wait_for_transaction_receipt(w1, timeout=30)
    r2 = v2.eth.wait_for_transaction_receipt(w2, timeout=30)
    check(r1["status"] == 1 and r2["status"] == 1, "withdrawal transactions succeed on v2")
    wblock = max(r1["blockNumber"], r2["blockNumber"])
    wbatch = wait("withdrawal batch sealed",
                  lambda: (v2.provider.make_request("rollup_getBatchByBlock", [hex(wblock)]).get("result") or {}).get("index"))
    wbatch = int(wbatch, 16)
    wait("withdrawal batch finalized on v1", lambda: rollup.functions.lastFinalizedBatch().call() >= wbatch, timeout=FINALITY_TIMEOUT)
    listed = []
    first = int(v2.provider.make_request("rollup_getBatchByBlock", [hex(min(r1["blockNumber"], r2["blockNumber"]))])["result"]["index"], 16)
    for i in range(first, wbatch + 1):
        listed += [(i, w) for w in v2.provider.make_request("rollup_getWithdrawals", [hex(i)])["result"]]
    check(sorted((w["to"], int(w["amount"], 16)) for _, w in listed) ==
          sorted([(dave.address.lower(), 25 * 10**16), (bob.address.lower(), 3)]), f"rollup_getWithdrawals lists both: {listed}")
    for i, w in listed:
        pr = v2.provider.make_request("rollup_getWithdrawalProof", [hex(i), w["leafIndex"]])["result"]
        node = keccak(word(int(pr["leafIndex"], 16)) + word(int(pr["to"], 16)) + word(int(pr["amount"], 16)))
        for level, sib in enumerate(pr["proof"]):
            sib = bytes.fromhex(sib[2:])
            node = keccak(sib + node) if (int(pr["leafIndex"], 16) >> level) & 1 else keccak(node + sib)
        check(node == rollup.functions.batchWithdrawRoot(i).call(), f"batch {i}: proof folds to the contract's withdraw root")
        check(batch(i)["withdrawRoot"] == "0x" + node.hex(), f"batch {i}: rollup_getBatch withdrawRoot")
        if w["to"] == dave.address.lower():
            claimer = KEYS[4]
            proof = [bytes.fromhex(x[2:]) for x in pr["proof"]]
            tx = rollup.functions.claimWithdrawal(i, int(pr["leafIndex"], 16), dave.address, int(pr["amount"], 16), proof) \
                .build_transaction({"from": claimer.address, "nonce": v1.eth.get_transaction_count(claimer.address), "chainId": 9000})
            before = v1.eth.get_balance(dave.address)
            rc = v1.eth.wait_for_transaction_receipt(v1.eth.send_raw_transaction(claimer.sign_transaction(tx).raw_transaction))
            check(rc["status"] == 1 and v1.eth.get_balance(dave.address) == before + 25 * 10**16, "claimWithdrawal pays the recipient on v1")
            try:
                rollup.functions.claimWithdrawal(i, int(pr["leafIndex"], 16), dave.address, int(pr["amount"], 16), proof).call()
                check(False, "second claim must revert")
            except Exception as e:
                check("withdrawal already claimed" in str(e), f"second claim: 'withdrawal already claimed' ({e})")
        else:
            before = v1.eth.get_balance(bob.address)
            r = cli("l1", "claim", "--rpc", l1_url, "--l2-rpc", l2_url, "--batch", str(i), "--leaf", str(int(w["leafIndex"], 16)))
            check(r.returncode == 0 and v1.eth.get_balance(bob.address) == before + 3, f"l1 claim pays bob 3 wei: {r.stderr}")

    # Kill -9, deposit while the sequencer is down, restart: the deposit is found and credited.
    alice_before = v2.eth.get_balance(alice.address)
    seq.send_signal(signal.SIGKILL)
    seq.wait()
    carol = Account.create()
    record_deposit(deposit(carol.address, 5 * 10**17), carol.address, 5 * 10**17)
    seq, l2_url = start(seq_args, f"{work}/l2-restart.log", "zkrollup sequencer")
    procs.append(seq)
    v2 = Web3(Web3.HTTPProvider(l2_url))
    wait("deposit made while down is credited", lambda: v2.eth.get_balance(carol.address) == 5 * 10**17)
    check(v2.eth.get_balance(alice.address) == alice_before, "earlier balances unchanged after restart")
    check(v2.eth.get_balance(carol.address) == 5 * 10**17, "deposit during downtime credited exactly once")

    # The CLI is refused with the contract's own reasons.
    r = cli("l1", "commit", "--rpc", l1_url, "--batch", "/nonexistent.json")
    check(r.returncode != 0 and "/nonexistent.json" in r.stderr, "commit of a missing batch file: clear error")
    tb = batch(target)
    v2_blocks = {n: v2.provider.make_request("eth_getBlockByNumber", [hex(n), False])["result"]
                 for n in range(int(tb["firstBlock"], 16), int(tb["lastBlock"], 16) + 1)}
    batch_records = {target: tb}
    seq.send_signal(signal.SIGTERM)
    seq.wait(timeout=30)
    check(seq.returncode == 0, f"a settling sequencer stops gracefully on SIGTERM (exit {seq.returncode})")
    r = cli("batch", "export", "--data-dir", f"{work}/l2", "--index", str(target), "--out", f"{work}/batch.json")
    check(r.returncode == 0, f"batch export: {r.stderr}")
    bf = json.load(open(f"{work}/batch.json"))
    check([int(m["index"], 16) for b in bf["blocks"] for m in b["l1Messages"]] ==
          [int(m["index"], 16) for n in range(int(bf["firstBlock"], 16), int(bf["lastBlock"], 16) + 1)
           for m in v2_blocks[n]["l1Messages"]] != [], "batch file lists its blocks' deposits")
    check(bf["messageQueueHash"] == batch_records[target]["messageQueueHash"], "batch file carries the queue position")
    r = cli("batch", "replay", "--file", f"{work}/batch.json")
    check(r.returncode == 0 and "matches" in r.stdout, f"batch with deposits re-executes from its file: {r.stdout} {r.stderr}")
    r = cli("l1", "commit", "--rpc", l1_url, "--key", key_hex(KEYS[3]), "--batch", f"{work}/batch.json")
    check(r.returncode == 1 and "only sequencer" in r.stderr, f"commit by another key: 'only sequencer' ({r.stderr.strip()})")
    r = cli("l1", "commit", "--rpc", l1_url, "--batch", f"{work}/batch.json")
    check(r.returncode == 1 and "batch index not next" in r.stderr, f"re-commit: 'batch index not next' ({r.stderr.strip()})")
    r = cli("l1", "status", "--rpc", l1_url, "--index", str(target))
    status = json.loads(r.stdout)
    pis = status["batchPublicInputs"]
    check(len(pis) == 3 and [int(x, 16) for x in pis] == rollup.functions.batchPublicInputs(target).call(),
          "l1 status prints the three public inputs")
    if BATCH_CIRCUIT:
        # The batch file proven by hand with the CLI: the same public inputs as the contract's.
        r = cli("prove", "--batch", f"{work}/batch.json", "--circuit", CIRCUIT, "--out", f"{work}/proof.json")
        check(r.returncode == 0, f"prove --batch: {r.stderr[-500:]}")
        check(json.load(open(f"{work}/proof.json"))["publicInputs"] == pis, "prove --batch: the contract's public inputs")
        proved = [l for l in open(f"{work}/l2.log") if "proved batch" in l]
        check(len(proved) >= target, f"the sequencer proved its batches with the batch circuit ({len(proved)} logged)")
    else:
        r = cli("prove", "--circuit", CIRCUIT, "--public-input", ",".join(pis), "--out", f"{work}/proof.json")
        check(r.returncode == 0, f"stub proof: {r.stderr[-500:]}")
    r = cli("l1", "finalize", "--rpc", l1_url, "--index", str(target), "--proof", f"{work}/proof.json")
    check(r.returncode == 1 and "batch already finalized" in r.stderr, f"finalize twice: 'batch already finalized' ({r.stderr.strip()})")
    r = cli("l1", "deposit", "--rpc", l1_url, "--to", carol.address, "--value", "0")
    check(r.returncode != 0 and "positive" in r.stderr, "zero deposit refused before sending")
    # A second deployment with `zkrollup l1 deploy` (what an operator runs against a real v1).
    r = cli("l1", "deploy", "--rpc", l1_url, "--key", key_hex(KEYS[6]), "--sequencer", KEYS[5].address, "--l2-chain-id", "4242",
            "--circuit", CIRCUIT)
    m = re.search(r"deployed the settlement contract at (0x[0-9a-f]{40})", r.stdout)
    check(r.returncode == 0 and m is not None, f"l1 deploy: {r.stdout} {r.stderr[-300:]}")
    other = v1.eth.contract(address=Web3.to_checksum_address(m.group(1)), abi=ABI)
    check(other.functions.owner().call() == KEYS[6].address and other.functions.sequencer().call() == KEYS[5].address
          and other.functions.l2ChainId().call() == 4242 and other.functions.lastCommittedBatch().call() == 0
          and other.functions.vkHash().call() == rollup.functions.vkHash().call(),
          "deployed contract: owner = deployer, given sequencer and chain id, the same circuit key")
    r = cli("l1", "status", "--rpc", "http://127.0.0.1:1")
    check(r.returncode == 1 and "cannot reach" in r.stderr, f"unreachable v1 node: clear error ({r.stderr.strip()[:120]})")


if __name__ == "__main__":
    main()
