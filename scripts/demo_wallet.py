#!/usr/bin/env python3
"""The wallet side of scripts/demo, with web3.py and eth-account as a user's wallet would be.

  demo_wallet.py withdraw L2_URL KEY WEI     send WEI to the bridge on chain v2 (the v1 recipient is
                                             the sender); prints the block number it landed in
  demo_wallet.py erc20 L2_URL KEY N TO1 [TO2 ...]
                                             the ERC-20 step on a node that runs contracts: compile
                                             fixtures/erc20/DemoToken.vy (vyper), deploy it from KEY
                                             with a supply of 10**24, send N transfers cycling over
                                             TO1…, check the receipts, Transfer logs, balances,
                                             totalSupply and that an overdraft reverts; prints a JSON
                                             line (token, deployBlock, transfers, lastBlock,
                                             gasDeploy, gasTransferMedian)
  demo_wallet.py summary NODE_LOG N_TXS [ERC20_OUT]
                                             the summary table from the sequencer's log (and the
                                             erc20 step's output)
"""
import json
import os
import re
import statistics
import sys

L2_CHAIN_ID = 1337
BRIDGE = "0x0000000000000000000000000000000000005100"
TOKEN_SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "erc20", "DemoToken.vy")
TOKEN_SUPPLY = 10**24


def send(url, key, tx, nonce=None):
    from eth_account import Account
    from web3 import Web3
    w3 = Web3(Web3.HTTPProvider(url))
    acct = Account.from_key(key)
    if nonce is None:
        nonce = w3.eth.get_transaction_count(acct.address, "pending")
    tx = dict(tx, nonce=nonce, chainId=L2_CHAIN_ID, type=2,
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


def erc20(url, key, n, *recipients):
    import vyper
    from eth_account import Account
    from web3 import Web3
    n = int(n)
    if n < 1 or not recipients:
        sys.exit("demo: erc20 needs N >= 1 transfers and at least one recipient")
    w3 = Web3(Web3.HTTPProvider(url))
    deployer = Account.from_key(key).address
    recipients = [Web3.to_checksum_address(r) for r in recipients]
    if deployer in recipients:
        sys.exit(f"demo: the deployer {deployer} cannot also be a recipient")
    out = vyper.compile_code(open(TOKEN_SOURCE).read(), output_formats=["bytecode", "bytecode_runtime", "abi"])
    factory = w3.eth.contract(abi=out["abi"], bytecode=out["bytecode"])

    def submit(tx, nonce, what):
        _, reply = send(url, key, tx, nonce)
        if "error" in reply:
            sys.exit(f"demo: the node refused {what}: {reply['error'].get('message', reply['error'])}")
        return reply["result"]

    def estimate(tx, what):
        reply = w3.provider.make_request("eth_estimateGas", [tx])
        if "error" in reply:
            sys.exit(f"demo: eth_estimateGas of {what} failed: {reply['error'].get('message', reply['error'])}")
        return int(reply["result"], 16)

    def receipt_of(tx_hash, what):
        r = w3.eth.wait_for_transaction_receipt(tx_hash, timeout=60)
        if r["status"] != 1:
            sys.exit(f"demo: {what} failed (status {r['status']}, block {r['blockNumber']}, gas {r['gasUsed']})")
        return r

    # Deploy, with the gas the node estimates (as a wallet does).
    nonce = w3.eth.get_transaction_count(deployer, "pending")
    data = factory.constructor(TOKEN_SUPPLY).data_in_transaction
    gas = estimate({"from": deployer, "data": data}, "the token deployment")
    r = receipt_of(submit({"value": 0, "gas": gas, "data": data}, nonce, "the token deployment"), "the token deployment")
    token_addr = r["contractAddress"]
    if token_addr is None:
        sys.exit("demo: the deployment receipt has no contractAddress")
    deploy_block, gas_deploy = r["blockNumber"], r["gasUsed"]
    code = bytes(w3.eth.get_code(token_addr))
    if code != bytes.fromhex(out["bytecode_runtime"][2:]):
        sys.exit(f"demo: the code at {token_addr} is not the compiled runtime ({len(code)} bytes on chain)")
    token = w3.eth.contract(address=token_addr, abi=out["abi"])
    minted = token.events.Transfer().process_receipt(r)
    if [(e.args.sender, e.args.receiver, e.args.value) for e in minted] != [
            ("0x" + "00" * 20, deployer, TOKEN_SUPPLY)]:
        sys.exit(f"demo: the deployment logged {minted}, not one Transfer of the supply to {deployer}")
    meta = (token.functions.name().call(), token.functions.symbol().call(), token.functions.decimals().call())
    if meta != ("DemoToken", "DEMO", 18):
        sys.exit(f"demo: the token's name/symbol/decimals are {meta}")

    # N transfers, cycling over the recipients with distinct amounts (i + 1 tokens), all sent
    # before waiting for any.
    sent = {a: 0 for a in recipients}
    hashes = []
    nonce += 1
    for i in range(n):
        to, amount = recipients[i % len(recipients)], (i + 1) * 10**18
        data = token.encode_abi("transfer", args=[to, amount])
        gas = estimate({"from": deployer, "to": token_addr, "data": data}, f"transfer {i + 1} of {n}")
        hashes.append((submit({"to": token_addr, "value": 0, "gas": gas, "data": data}, nonce + i,
                              f"transfer {i + 1} of {n}"), to, amount))
        sent[to] += amount
    gas_used, last_block = [], deploy_block
    for i, (h, to, amount) in enumerate(hashes):
        r = receipt_of(h, f"transfer {i + 1} of {n} ({amount} to {to})")
        logs = token.events.Transfer().process_receipt(r)
        if [(e.args.sender, e.args.receiver, e.args.value) for e in logs] != [(deployer, to, amount)]:
            sys.exit(f"demo: transfer {i + 1} of {n} logged {logs}, not one Transfer of {amount} to {to}")
        gas_used.append(r["gasUsed"])
        last_block = max(last_block, r["blockNumber"])

    # Balances: each recipient holds exactly what it was sent, the deployer the rest.
    expected = dict(sent, **{deployer: TOKEN_SUPPLY - sum(sent.values())})
    for holder, want in expected.items():
        got = token.functions.balanceOf(holder).call()
        if got != want:
            sys.exit(f"demo: balanceOf({holder}) is {got}, expected {want}")
    supply = token.functions.totalSupply().call()
    if supply != TOKEN_SUPPLY or sum(expected.values()) != supply:
        sys.exit(f"demo: totalSupply is {supply}, expected {TOKEN_SUPPLY} (held: {sum(expected.values())})")

    # An overdraft reverts: the deployer sending one more than it holds, and a fresh address
    # sending 1; both as eth_call and as eth_estimateGas, which must answer with an error.
    fresh = Account.create().address
    for sender, amount in ((deployer, expected[deployer] + 1), (fresh, 1)):
        call = {"from": sender, "to": token_addr, "data": token.encode_abi("transfer", args=[recipients[0], amount])}
        for method, params in (("eth_call", [call, "latest"]), ("eth_estimateGas", [call])):
            reply = w3.provider.make_request(method, params)
            if "revert" not in str(reply.get("error", {}).get("message", "")).lower():
                sys.exit(f"demo: {method} of transfer({amount}) from {sender}, over its balance, "
                         f"did not revert: {reply}")

    print(f"token {token_addr}: deployed in block {deploy_block} (gas {gas_deploy}), {n} transfers to "
          f"{len(recipients)} recipients in blocks up to {last_block}; balances and totalSupply match; "
          f"overdrafts revert")
    print(json.dumps({"token": token_addr, "deployBlock": deploy_block, "transfers": n, "lastBlock": last_block,
                      "gasDeploy": gas_deploy, "gasTransferMedian": int(statistics.median(gas_used))}))


def summary(log_path, sent, erc20_out=None):
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
        ("transfers sent by the stress wallets", f"{sent}"),
        ("slots proven (transactions + deposits)", f"{slots}"),
        ("prove time per batch (median / max)", f"{statistics.median(times):.2f} s / {max(times):.2f} s"),
        ("proven slots per minute (proving only)", f"{60 * slots / sum(times):.0f}"),
        ("proof size", "1472 bytes (the contract's layout)"),
        ("gas per commitBatch (median)", f"{int(statistics.median(committed)):,}" if committed else "-"),
        ("gas per finalizeBatch (median / max)", f"{int(statistics.median(finalized)):,} / {max(finalized):,}"),
    ]
    if erc20_out:
        token = json.loads(open(erc20_out).read().strip().splitlines()[-1])
        rows[2:2] = [("ERC-20 deploy + transfers (web3.py)", f"1 + {token['transfers']} (gas {token['gasDeploy']:,} / {token['gasTransferMedian']:,})")]
    width = max(len(k) for k, _ in rows)
    print("+" + "-" * (width + 2) + "+" + "-" * 40 + "+")
    for k, v in rows:
        print(f"| {k.ljust(width)} | {v.ljust(38)} |")
    print("+" + "-" * (width + 2) + "+" + "-" * 40 + "+")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"withdraw": withdraw, "erc20": erc20, "summary": summary}[cmd](*args)
