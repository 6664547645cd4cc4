#!/usr/bin/env python3
"""Rough accepted/included transfer rate of a running sequencer (the stress harness comes later).

Funds K fresh accounts from the dev keys, pre-signs N transfers, sends them from C threads over
keep-alive HTTP (eth_sendRawTransaction, one per request), then waits for the last receipts.
Usage: sequencer_throughput.py URL [K] [N] [C]
"""
import http.client
import json
import sys
import threading
import time
import urllib.parse

from eth_account import Account

MNEMONIC = "test test test test test test test test test test test junk"
Account.enable_unaudited_hdwallet_features()


def main():
    url = sys.argv[1]
    k = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 4000
    c = int(sys.argv[4]) if len(sys.argv) > 4 else 8
    u = urllib.parse.urlparse(url)

    def conn():
        return http.client.HTTPConnection(u.hostname, u.port, timeout=60)

    def call(h, method, params):
        h.request("POST", "/", json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}),
                  {"Content-Type": "application/json"})
        return json.loads(h.getresponse().read())

    h = conn()
    chain = int(call(h, "eth_chainId", [])["result"], 16)
    dev = [Account.from_mnemonic(MNEMONIC, account_path=f"m/44'/60'/0'/0/{i}") for i in range(10)]
    accounts = [Account.create() for _ in range(k)]
    fee = {"maxFeePerGas": 10**10, "maxPriorityFeePerGas": 0, "chainId": chain, "type": 2, "gas": 21000}
    nonces = {d.address: int(call(h, "eth_getTransactionCount", [d.address, "pending"])["result"], 16) for d in dev}
    last = None
    for i, a in enumerate(accounts):
        d = dev[i % 10]
        tx = dict(fee, nonce=nonces[d.address], to=a.address, value=10**18)
        nonces[d.address] += 1
        last = call(h, "eth_sendRawTransaction", ["0x" + Account.sign_transaction(tx, d.key).raw_transaction.hex()])["result"]
    while call(h, "eth_getTransactionReceipt", [last])["result"] is None:
        time.sleep(0.05)
    per = n // k
    signed = []
    for a in accounts:
        for j in range(per):
            tx = dict(fee, nonce=j, to=a.address, value=1)
            signed.append("0x" + Account.sign_transaction(tx, a.key).raw_transaction.hex())
    # Interleave accounts so each thread's stream stays within the per-account pool limit.
    order = [signed[a * per + j] for j in range(per) for a in range(k)]
    errors, lock = {}, threading.Lock()
    chunks = [order[i::c] for i in range(c)]

    def worker(items):
        hc = conn()
        for raw in items:
            r = call(hc, "eth_sendRawTransaction", [raw])
            if "error" in r:
                with lock:
                    errors[r["error"]["message"][:40]] = errors.get(r["error"]["message"][:40], 0) + 1

    t0 = time.time()
    threads = [threading.Thread(target=worker, args=(ch,)) for ch in chunks]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    t1 = time.time()
    start_block = None
    tail = [a for a in accounts]
    while any(int(call(h, "eth_getTransactionCount", [a.address, "latest"])["result"], 16) < per for a in tail[-5:]):
        time.sleep(0.02)
    t2 = time.time()
    total = len(order)
    print(json.dumps({"transactions": total, "accounts": k, "threads": c, "accepted_tps": round(total / (t1 - t0)),
                      "included_tps": round(total / (t2 - t0)), "send_seconds": round(t1 - t0, 2),
                      "include_seconds": round(t2 - t0, 2), "errors": errors}))


if __name__ == "__main__":
    main()
