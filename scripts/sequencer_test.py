#!/usr/bin/env python3
"""End-to-end test of `zkrollup sequencer` with web3.py and eth-account (independent clients).

Starts the node on a temporary data dir and a free port, then checks: chain id and funded dev
keys (derived from the test mnemonic by eth-account), signed transfers (EIP-1559 and legacy) and
receipts, block hashes / transactions roots / receipts roots recomputed with `rlp` and py-trie,
a contract deploy, eth_call, eth_estimateGas, storage, eth_getLogs, batch requests, every
JSON-RPC error case, rollup_* batches, restart (same head and state root), and kill -9 after
concurrent acknowledged sends (nothing lost), then `zkrollup batch export` (replays every block
from genesis and checks each state root).

Usage: sequencer_test.py [PATH/TO/zkrollup]   (default .build/release/zkrollup, else .build/debug)
With ZKROLLUP_TEST_DATABASE=postgres://… set (scripts/with-postgres does), the node and `batch export`
use that PostgreSQL database instead of SQLite in the data dir.
"""
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

import rlp
from eth_account import Account
from eth_utils import keccak
from trie import HexaryTrie
from web3 import Web3

MNEMONIC = "test test test test test test test test test test test junk"
CHAIN_ID = 1337
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

Account.enable_unaudited_hdwallet_features()
KEYS = [Account.from_mnemonic(MNEMONIC, account_path=f"m/44'/60'/0'/0/{i}") for i in range(10)]

passed = 0
DB_ARGS = ["--database", os.environ["ZKROLLUP_TEST_DATABASE"]] if os.environ.get("ZKROLLUP_TEST_DATABASE") else []


def check(cond, what):
    global passed
    if not cond:
        raise AssertionError(what)
    passed += 1


def binary():
    if len(sys.argv) > 1:
        return sys.argv[1]
    for c in ("release", "debug"):
        p = os.path.join(ROOT, ".build", c, "zkrollup")
        if os.access(p, os.X_OK):
            return p
    sys.exit("zkrollup binary not built")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Node:
    def __init__(self, data_dir, port):
        self.data_dir, self.port, self.proc = data_dir, port, None
        self.url = f"http://127.0.0.1:{port}"

    def start(self):
        log = open(os.path.join(self.data_dir, "node.log"), "a")
        self.proc = subprocess.Popen(
            [binary(), "sequencer", "--data-dir", self.data_dir, "--rpc", f"127.0.0.1:{self.port}",
             "--block-time", "100", "--batch-blocks", "3"] + DB_ARGS, stdout=log, stderr=log)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                if raw_post(self.url, b'{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}')[0] == 200:
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("sequencer did not start")

    def stop(self, sig=signal.SIGTERM):
        self.proc.send_signal(sig)
        self.proc.wait(timeout=30)


def raw_post(url, body):
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def rpc(url, method, params=None):
    body = json.dumps({"jsonrpc": "2.0", "id": 7, "method": method, "params": params or []}).encode()
    return json.loads(raw_post(url, body)[1])


def expect_error(url, method, params, code, fragment=""):
    r = rpc(url, method, params)
    check("error" in r and r["error"]["code"] == code and fragment in r["error"]["message"],
          f"{method}{params}: want error {code} '{fragment}', got {r}")


def transfer(key, nonce, to, value, legacy=False, chain_id=CHAIN_ID, gas=21000):
    tx = {"nonce": nonce, "to": to, "value": value, "gas": gas, "chainId": chain_id}
    if legacy:
        tx["gasPrice"] = 3 * 10**9
    else:
        tx.update({"maxFeePerGas": 3 * 10**9, "maxPriorityFeePerGas": 10**9, "type": 2})
    return Account.sign_transaction(tx, key.key).raw_transaction


def header_hash(b):
    h = lambda k: bytes(b[k])
    fields = [h("parentHash"), h("sha3Uncles"), bytes.fromhex(b["miner"][2:]), h("stateRoot"), h("transactionsRoot"),
              h("receiptsRoot"), h("logsBloom"), b["difficulty"], b["number"], b["gasLimit"], b["gasUsed"],
              b["timestamp"], h("extraData"), h("mixHash"), h("nonce"), b["baseFeePerGas"], h("withdrawalsRoot"),
              b["blobGasUsed"], b["excessBlobGas"], h("parentBeaconBlockRoot")]
    return keccak(rlp.encode(fields))


def trie_root(items):
    t = HexaryTrie(db={})
    for i, v in enumerate(items):
        t[rlp.encode(i)] = v
    return t.root_hash


def receipt_encoding(r):
    logs = [[bytes.fromhex(l["address"][2:]), [bytes(t) for t in l["topics"]], bytes(l["data"])] for l in r["logs"]]
    body = rlp.encode([r["status"], r["cumulativeGasUsed"], bytes(r["logsBloom"]), logs])
    return body if r["type"] == 0 else bytes([r["type"]]) + body


def check_block(w3, number, raws):
    b = w3.eth.get_block(number, full_transactions=True)
    check(header_hash(b) == bytes(b["hash"]), f"block {number}: hash = keccak(rlp(header))")
    check(trie_root(raws) == bytes(b["transactionsRoot"]), f"block {number}: transactionsRoot (py-trie)")
    receipts = [w3.eth.get_transaction_receipt(t["hash"]) for t in b["transactions"]]
    check(trie_root([receipt_encoding(r) for r in receipts]) == bytes(b["receiptsRoot"]), f"block {number}: receiptsRoot")
    return b


# Runtime: SSTORE(0, CALLDATALOAD(0)); LOG1(0, 0, 0xaa..aa); return SLOAD(0).
RUNTIME = bytes.fromhex("600035600055" + "7f" + "aa" * 32 + "60006000a1" + "600054600052" + "60206000f3")
INITCODE = bytes([0x60, len(RUNTIME), 0x80, 0x60, 0x0c, 0x60, 0x00, 0x39, 0x60, 0x00, 0xf3, 0x00]) + RUNTIME


def main():
    data_dir = tempfile.mkdtemp(prefix="zkrollup-seq-")
    node = Node(data_dir, free_port())
    node.start()
    try:
        run(node)
    finally:
        if node.proc and node.proc.poll() is None:
            node.stop()
    print(f"sequencer_test ({'PostgreSQL' if DB_ARGS else 'SQLite'}): {passed} checks passed")


def run(node):
    url = node.url
    w3 = Web3(Web3.HTTPProvider(url))
    check(w3.eth.chain_id == CHAIN_ID, "eth_chainId")
    check(rpc(url, "net_version")["result"] == str(CHAIN_ID), "net_version")
    check(rpc(url, "net_listening")["result"] is True, "net_listening")
    check(w3.eth.syncing is False, "eth_syncing")
    check(w3.eth.accounts == [], "eth_accounts")
    check(rpc(url, "web3_clientVersion")["result"].startswith("zkrollup/"), "web3_clientVersion")
    for k in KEYS:
        check(w3.eth.get_balance(k.address) == 10**22, f"funded {k.address}")
    check(w3.eth.gas_price > 0 and w3.eth.max_priority_fee == 0, "gas price and tip suggestion")

    # Transfers: four EIP-1559 and one legacy (EIP-155), from two senders.
    dest = Account.create().address
    raws = [transfer(KEYS[0], n, dest, 1000 + n) for n in range(4)] + [transfer(KEYS[1], 0, dest, 5, legacy=True)]
    hashes = [w3.eth.send_raw_transaction(r) for r in raws]
    check(w3.eth.get_transaction_count(KEYS[0].address, "pending") == 4, "pending nonce")
    receipts = [w3.eth.wait_for_transaction_receipt(h, timeout=20, poll_latency=0.05) for h in hashes]
    check(all(r["status"] == 1 and r["gasUsed"] == 21000 for r in receipts), "transfer receipts")
    check(w3.eth.get_balance(dest) == sum(1000 + n for n in range(4)) + 5, "recipient balance")
    check(w3.eth.get_transaction_count(KEYS[0].address) == 4, "latest nonce")
    tx = w3.eth.get_transaction(hashes[4])
    check(tx["from"] == KEYS[1].address and tx["type"] == 0 and tx["blockNumber"] == receipts[4]["blockNumber"], "tx by hash")
    by_block = {}
    for raw, r in zip(raws, receipts):
        by_block.setdefault(r["blockNumber"], []).append((r["transactionIndex"], raw))
    for number, items in by_block.items():
        b = check_block(w3, number, [raw for _, raw in sorted(items)])
        check(rpc(url, "eth_getBlockTransactionCountByNumber", [hex(number)])["result"] == hex(len(items)), "tx count")
        check(w3.eth.get_block(b["hash"])["number"] == number, "block by hash")
        check(b["parentHash"] == w3.eth.get_block(number - 1)["hash"], "parent hash links")

    # Contract: deploy, transact, call, estimate, storage, logs.
    deployer = KEYS[2]
    dtx = {"nonce": 0, "data": INITCODE, "gas": 200000, "maxFeePerGas": 3 * 10**9, "maxPriorityFeePerGas": 1,
           "chainId": CHAIN_ID, "type": 2, "value": 0}
    r = w3.eth.wait_for_transaction_receipt(w3.eth.send_raw_transaction(
        Account.sign_transaction(dtx, deployer.key).raw_transaction), timeout=20, poll_latency=0.05)
    contract = r["contractAddress"]
    check(r["status"] == 1 and contract is not None, "deploy receipt")
    check(bytes(w3.eth.get_code(contract)) == RUNTIME, "eth_getCode")
    arg = (0x1234).to_bytes(32, "big")
    est = w3.eth.estimate_gas({"from": deployer.address, "to": contract, "data": arg})
    check(21000 < est < 100000, f"eth_estimateGas {est}")
    ctx = dict(dtx, nonce=1, to=contract, data=arg, gas=est)
    r = w3.eth.wait_for_transaction_receipt(w3.eth.send_raw_transaction(
        Account.sign_transaction(ctx, deployer.key).raw_transaction), timeout=20, poll_latency=0.05)
    check(r["status"] == 1 and len(r["logs"]) == 1, "call receipt with one log (estimated gas suffices)")
    check(int.from_bytes(w3.eth.get_storage_at(contract, 0), "big") == 0x1234, "eth_getStorageAt")
    out = w3.eth.call({"to": contract, "data": (99).to_bytes(32, "big")})
    check(int.from_bytes(out, "big") == 99, "eth_call")
    topic = "0x" + "aa" * 32
    logs = w3.eth.get_logs({"fromBlock": 0, "toBlock": "latest", "address": contract, "topics": [topic]})
    check(len(logs) == 1 and logs[0]["transactionHash"] == r["transactionHash"], "eth_getLogs address+topic")
    check(w3.eth.get_logs({"fromBlock": 0, "toBlock": "latest", "topics": ["0x" + "bb" * 32]}) == [], "eth_getLogs miss")
    fh = w3.eth.fee_history(4, "latest", [50])
    check(len(fh["baseFeePerGas"]) == len(fh["gasUsedRatio"]) + 1 and len(fh["reward"]) == len(fh["gasUsedRatio"]), "eth_feeHistory")
    check_block(w3, r["blockNumber"], [Account.sign_transaction(ctx, deployer.key).raw_transaction])

    # Batch requests.
    status, body = raw_post(url, b'[{"jsonrpc":"2.0","id":1,"method":"eth_chainId"},{"jsonrpc":"2.0","id":2,"method":"eth_blockNumber"}]')
    out = json.loads(body)
    check(status == 200 and [o["id"] for o in out] == [1, 2] and out[0]["result"] == hex(CHAIN_ID), "batch request")

    # EIP-1898 block parameters on the state methods (only the head's state is kept).
    head = w3.eth.get_block("latest")
    want = rpc(url, "eth_getBalance", [KEYS[0].address, "latest"])["result"]
    got = rpc(url, "eth_getBalance", [KEYS[0].address, {"blockHash": head["hash"].to_0x_hex(), "requireCanonical": True}])
    check(got.get("result") == want, f"EIP-1898 blockHash of the head: {got}")
    got = rpc(url, "eth_getTransactionCount", [KEYS[0].address, {"blockNumber": hex(head["number"])}])
    check(got.get("result") == hex(w3.eth.get_transaction_count(KEYS[0].address)), f"EIP-1898 blockNumber: {got}")
    expect_error(url, "eth_getBalance", [KEYS[0].address, {"blockHash": "0x" + "ab" * 32}], -32000, "header for hash not found")
    # Recent states are kept (16 blocks): a balance read at an earlier block is the old balance.
    h0 = w3.eth.block_number
    bal0 = w3.eth.get_balance(KEYS[9].address)
    r9 = w3.eth.wait_for_transaction_receipt(w3.eth.send_raw_transaction(transfer(KEYS[9], 0, Web3.to_checksum_address("0x" + "99" * 20), 12345)), timeout=30)
    check(w3.eth.get_balance(KEYS[9].address) < bal0, "KEYS[9] paid")
    got = rpc(url, "eth_getBalance", [KEYS[9].address, hex(h0)])
    check(got.get("result") == hex(bal0), f"eth_getBalance at an earlier block gives the old balance: {got}")
    got = rpc(url, "eth_getBalance", [KEYS[9].address, {"blockHash": w3.eth.get_block(r9["blockNumber"] - 1)["hash"].to_0x_hex()}])
    check(got.get("result") == hex(bal0), f"EIP-1898 blockHash of an earlier block: {got}")
    check(rpc(url, "eth_getTransactionCount", [KEYS[9].address, hex(r9["blockNumber"])])["result"] == "0x1", "nonce after the block")
    if w3.eth.block_number >= 16:
        expect_error(url, "eth_getCode", [KEYS[0].address, {"blockHash": w3.eth.get_block(0)["hash"].to_0x_hex()}], -32000,
                     "historical state not available")
    else:
        check(rpc(url, "eth_getBalance", [KEYS[9].address, "0x0"])["result"] == hex(10_000 * 10**18), "genesis balance")
    expect_error(url, "eth_getBalance", [KEYS[0].address, {"blockNumber": "0x1", "blockHash": "0x" + "ab" * 32}], -32602)
    expect_error(url, "eth_getBalance", [KEYS[0].address, {"blockHash": "0x" + "ab" * 32, "requireCanonical": "yes"}], -32602)

    # Error cases: each gets its JSON-RPC error and the node keeps serving.
    check(json.loads(raw_post(url, b'{"jsonrpc":"2.0","id":1,"method":')[1])["error"]["code"] == -32700, "malformed JSON")
    check(json.loads(raw_post(url, b'[]')[1])["error"]["code"] == -32600, "empty batch")
    check(json.loads(raw_post(url, b'{"jsonrpc":"2.0","id":1}')[1])["error"]["code"] == -32600, "no method")
    expect_error(url, "eth_noSuchMethod", [], -32601)
    expect_error(url, "eth_getBalance", ["0x12", "latest"], -32602)
    expect_error(url, "eth_getBalance", [], -32602)
    expect_error(url, "eth_getBlockByNumber", ["latest"], -32602)
    expect_error(url, "eth_sendRawTransaction", ["0xzz"], -32602)
    expect_error(url, "eth_sendRawTransaction", ["0xdeadbeef"], -32000, "rlp")
    expect_error(url, "eth_sendRawTransaction", ["0x" + transfer(KEYS[3], 0, dest, 1, chain_id=1).hex()], -32000, "chain id")
    expect_error(url, "eth_sendRawTransaction", ["0x" + transfer(KEYS[0], 0, dest, 999).hex()], -32000, "nonce too low")
    broke = Account.create()
    expect_error(url, "eth_sendRawTransaction", ["0x" + transfer(broke, 0, dest, 1).hex()], -32000, "insufficient funds")
    bad_sig = bytearray(transfer(KEYS[3], 0, dest, 1))
    bad_sig[-5] ^= 0xff  # corrupt s
    r = rpc(url, "eth_sendRawTransaction", ["0x" + bad_sig.hex()])
    check("error" in r and r["error"]["code"] == -32000, f"bad signature: {r}")
    status, body = raw_post(url, b'{"jsonrpc":"2.0","id":1,"method":"eth_chainId","pad":"' + b"x" * (6 << 20) + b'"}')
    check(status == 413 and json.loads(body)["error"]["code"] == -32600, "oversized body")
    check(w3.eth.chain_id == CHAIN_ID, "still serving after bad input")

    # CORS preflight for browser dapps.
    req = urllib.request.Request(url + "/", method="OPTIONS", headers={"Origin": "http://dapp.example",
                                 "Access-Control-Request-Method": "POST"})
    with urllib.request.urlopen(req, timeout=10) as r:
        check(r.headers.get("Access-Control-Allow-Origin") in ("*", "http://dapp.example"), "CORS preflight")

    # Batches (sealed every 3 blocks).
    genesis_batch = rpc(url, "rollup_getBatch", ["0x0"])["result"]
    R = 21888242871839275222246405745257275088548364400416034343698204186575808495617
    check(genesis_batch["status"] == "finalized" and genesis_batch["lastBlock"] == "0x0"
          and genesis_batch["prevStateRoot"] == genesis_batch["postStateRoot"],
          "batch 0 is the genesis block, finalized (as on v1)")
    # Batch roots are chain v2's Poseidon state roots (scalars below r), not the headers' MPT roots;
    # the batch replay below recomputes one from the batch file alone.
    check(int(genesis_batch["postStateRoot"], 16) < R
          and genesis_batch["postStateRoot"] != w3.eth.get_block(0)["stateRoot"].to_0x_hex(),
          "batch roots are Poseidon roots below r")
    deadline = time.time() + 10
    while int(rpc(url, "rollup_latestBatch")["result"]["index"], 16) < 1 and time.time() < deadline:
        time.sleep(0.1)
    latest = rpc(url, "rollup_latestBatch")["result"]
    check(latest is not None and int(latest["index"], 16) >= 1 and latest["status"] == "sealed", "rollup_latestBatch")
    b1 = rpc(url, "rollup_getBatch", ["0x1"])["result"]
    check(b1["firstBlock"] == "0x1" and b1["lastBlock"] == "0x3", "batch 1 covers blocks 1-3")
    check(b1["prevStateRoot"] == genesis_batch["postStateRoot"], "batch 1 prev root = genesis root")
    check(b1["postStateRoot"] != b1["prevStateRoot"] and int(b1["postStateRoot"], 16) < R, "batch 1 post root moved")
    check(b1["messageCount"] == "0x0" and b1["messageQueueHash"] == "0x" + "00" * 32, "batch 1 includes no deposits")
    check(rpc(url, "rollup_getBatchByBlock", ["0x2"])["result"]["index"] == "0x1", "rollup_getBatchByBlock")

    # Prometheus metrics.
    with urllib.request.urlopen(url + "/metrics", timeout=10) as r:
        text = r.read().decode()
    metrics = {l.split(" ")[0]: float(l.split(" ")[1]) for l in text.splitlines() if l and not l.startswith("#")}
    check(metrics["zkrollup_transactions_accepted_total"] == 8, "metrics: accepted count")
    check(metrics['zkrollup_transactions_rejected_total{reason="nonce_too_low"}'] == 1, "metrics: rejections by reason")
    check(metrics["zkrollup_block_height"] == w3.eth.block_number, "metrics: block height")

    # The load harness against this node: everything it sends is accepted and included.
    report_file = os.path.join(node.data_dir, "stress.json")
    res = subprocess.run([binary(), "stress", "--rpc", url, "--accounts", "20", "--txs", "400", "--concurrency", "8",
                          "--drain", "30", "--mix", "transfer:80,erc20:20", "--report", report_file, "--svg", report_file + ".svg"],
                         capture_output=True, text=True, timeout=300)
    check(res.returncode == 0, f"zkrollup stress: {res.stderr}")
    with open(report_file) as f:
        rep = json.load(f)
    check(rep["accepted"] == 400 and rep["included"] == 400 and rep["errors"] == {}, f"stress report {rep}")
    check(rep["transactionsPerDay"] > 0 and rep["latencySeconds"]["p99"] > 0, "stress figures")
    check(open(report_file + ".svg").read().startswith("<svg"), "stress plot")
    token = res.stderr.split("stress token at ")[1].split()[0]
    sink_topic = "0x" + "00" * 30 + "5715"
    token_logs = w3.eth.get_logs({"fromBlock": 0, "toBlock": "latest", "address": Web3.to_checksum_address(token),
                                  "topics": [None, None, sink_topic]})
    check(len(token_logs) == 80, f"stress erc20 share: {len(token_logs)} token transfers of 400")

    # A second node on the same data dir is refused.
    res = subprocess.run([binary(), "sequencer", "--data-dir", node.data_dir, "--rpc", f"127.0.0.1:{free_port()}"],
                         capture_output=True, text=True, timeout=30)
    check(res.returncode != 0 and "in use" in res.stderr, f"second node refused: {res.stderr}")

    # Restart: same head, same state. SIGTERM is a graceful shutdown: exit status 0, and the log
    # says so (the node handles the signal itself: ShutdownSignals).
    head = w3.eth.get_block("latest")
    node.stop()
    with open(os.path.join(node.data_dir, "node.log")) as f:
        log = f.read()
    check(node.proc.returncode == 0 and "SIGTERM received: shutting down" in log and "JSON-RPC server stopped" in log,
          f"SIGTERM: graceful shutdown, exit 0 (exit {node.proc.returncode})")
    node.start()
    again = w3.eth.get_block("latest")
    check(again["hash"] == head["hash"] and again["stateRoot"] == head["stateRoot"], "restart keeps head and state root")
    check(w3.eth.get_balance(dest) == sum(1000 + n for n in range(4)) + 5, "restart keeps balances")

    # kill -9 in the middle of concurrent sends: every acknowledged hash survives.
    acked, lock, stop = [], threading.Lock(), threading.Event()

    def sender(k):
        w = Web3(Web3.HTTPProvider(url, request_kwargs={"timeout": 5}))
        nonce = w.eth.get_transaction_count(k.address, "pending")
        while not stop.is_set():
            try:
                h = w.eth.send_raw_transaction(transfer(k, nonce, dest, 1))
            except Exception:
                return  # the node is gone; this send was never acknowledged
            with lock:
                acked.append(h)
            nonce += 1

    threads = [threading.Thread(target=sender, args=(KEYS[i],)) for i in range(4, 8)]
    for t in threads:
        t.start()
    while True:
        with lock:
            if len(acked) >= 60:
                break
        time.sleep(0.01)
    node.stop(signal.SIGKILL)  # mid-stream: the senders are still sending
    stop.set()
    for t in threads:
        t.join()
    check(len(acked) >= 60, "acknowledged before the kill")
    node.start()
    missing = []
    for h in acked:
        if w3.eth.get_transaction(h) is None:
            missing.append(h)
    check(not missing, f"kill -9: {len(missing)} of {len(acked)} acknowledged transactions lost")
    for h in acked:
        check(w3.eth.wait_for_transaction_receipt(h, timeout=30, poll_latency=0.05)["status"] == 1, "acked tx included")

    # Replay check: the export replays every block from genesis and compares state roots.
    deadline = time.time() + 10
    while time.time() < deadline:
        latest = rpc(url, "rollup_latestBatch")["result"]
        if int(latest["lastBlock"], 16) >= w3.eth.block_number - 3:
            break
        time.sleep(0.2)
    out_file = os.path.join(node.data_dir, "batch.json")
    node.stop()
    res = subprocess.run([binary(), "batch", "export", "--data-dir", node.data_dir, "--index", str(int(latest["index"], 16)),
                          "--out", out_file] + DB_ARGS, capture_output=True, text=True)
    check(res.returncode == 0, f"batch export: {res.stderr}")
    with open(out_file) as f:
        bf = json.load(f)
    check(bf["postStateRoot"] == latest["postStateRoot"] and bf["dataHash"] == latest["dataHash"], "batch file roots")
    res = subprocess.run([binary(), "batch", "replay", "--file", out_file], capture_output=True, text=True)
    check(res.returncode == 0 and "matches" in res.stdout, f"batch replay without the database: {res.stdout}{res.stderr}")


if __name__ == "__main__":
    main()
