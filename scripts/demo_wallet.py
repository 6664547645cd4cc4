#!/usr/bin/env python3
"""The wallet side of scripts/demo, with web3.py and eth-account as a user's wallet would be.

  demo_wallet.py withdraw L2_URL KEY WEI     send WEI to the bridge on chain v2 (the v1 recipient is
                                             the sender); prints the block number it landed in
  demo_wallet.py contract L2_URL KEY         try to deploy a contract (the ERC-20 step); prints the
                                             node's answer
  demo_wallet.py summary NODE_LOG N_TXS      the summary table from the sequencer's log
"""
import re
import statistics
import sys

L2_CHAIN_ID = 1337
BRIDGE = "0x0000000000000000000000000000000000005100"


def send(url, key, tx):
    from eth_account import Account
    from web3 import Web3
    w3 = Web3(Web3.HTTPProvider(url))
    acct = Account.from_key(key)
    tx = dict(tx, nonce=w3.eth.get_transaction_count(acct.address, "pending"), chainId=L2_CHAIN_ID, type=2,
              maxFeePerGas=3 * 10**9, maxPriorityFeePerGas=10**9)
    raw = acct.sign_transaction(tx).raw_transaction
    reply = w3.provider.make_request("eth_sendRawTransaction", ["0x" + bytes(raw).hex()])
    return w3, reply


def withdraw(url, key, wei):
    w3, reply = send(url, key, {"to": BRIDGE, "value": int(wei), "gas": 21000})
    if "error" in reply:
        sys.exit(f"demo: withdrawal refused: {reply['error']}")
    receipt = w3.eth.wait_for_transaction_receipt(reply["result"], timeout=60)
    if receipt["status"] != 1:
        sys.exit("demo: the withdrawal transaction failed")
    print(receipt["blockNumber"])


def contract(url, key):
    # A token's init code would do; the node refuses any creation before looking at it.
    _, reply = send(url, key, {"value": 0, "gas": 300000, "data": "0x600a600c600039600a6000f3602a60005260206000f3"})
    if "error" in reply:
        print(f"refused: {reply['error']['message']}")
    else:
        sys.exit(f"demo: a contract creation was admitted by a node proving with the batch circuit: {reply}")


def summary(log_path, sent):
    proved, finalized, committed = [], [], []
    for line in open(log_path):
        kv = dict(re.findall(r"(\w+)=(\S+)", line))
        if "proved batch" in line:
            proved.append((int(kv["batch"]), float(kv["seconds"]), int(kv["slots"])))
        elif "finalized batch" in line:
            finalized.append(int(kv["gas"]))
        elif "committed batch" in line:
            committed.append(int(kv["gas"]))
    if not proved or not finalized:
        sys.exit("demo: the sequencer's log shows no proved and finalized batch")
    times = [t for _, t, _ in proved]
    slots = sum(s for _, _, s in proved)
    rows = [
        ("batches proven and finalized on v1", f"{len(finalized)}"),
        ("transactions sent by the wallets", f"{sent}"),
        ("slots proven (transactions + deposits)", f"{slots}"),
        ("prove time per batch (median / max)", f"{statistics.median(times):.2f} s / {max(times):.2f} s"),
        ("proven slots per minute (proving only)", f"{60 * slots / sum(times):.0f}"),
        ("proof size", "1216 bytes (the contract's layout)"),
        ("gas per commitBatch (median)", f"{int(statistics.median(committed)):,}" if committed else "-"),
        ("gas per finalizeBatch (median / max)", f"{int(statistics.median(finalized)):,} / {max(finalized):,}"),
    ]
    width = max(len(k) for k, _ in rows)
    print("+" + "-" * (width + 2) + "+" + "-" * 40 + "+")
    for k, v in rows:
        print(f"| {k.ljust(width)} | {v.ljust(38)} |")
    print("+" + "-" * (width + 2) + "+" + "-" * 40 + "+")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"withdraw": withdraw, "contract": contract, "summary": summary}[cmd](*args)
