#!/usr/bin/env python3
"""Writes fixtures/sequencer-blocks-pyrlp.json: block-level encodings computed with independent tools.

For seeded random Cancun headers (chain v2's fixed fields), the block hash keccak256(rlp(header))
with pyrlp + eth-hash; for seeded random receipts, the typed receipt encodings and the receipts root
with py-trie; for transactions signed with eth-account, the transactions root with py-trie; and each
receipt's logs bloom computed bit by bit from the Yellow Paper definition.
Run with the test venv: .venv-tests/bin/python scripts/gen-sequencer-vectors.py
"""
import json
import random
from importlib.metadata import version

import rlp
from eth_account import Account
from eth_utils import keccak, to_checksum_address
from trie import HexaryTrie

rng = random.Random(20261125)
EMPTY_ROOT = keccak(rlp.encode(b""))
OMMERS = keccak(rlp.encode([]))


def rbytes(n):
    return bytes(rng.getrandbits(8) for _ in range(n))


def bloom(logs):
    b = 0
    for addr, topics, _ in logs:
        for item in [addr] + topics:
            h = keccak(item)
            for i in (0, 2, 4):
                b |= 1 << ((h[i] << 8 | h[i + 1]) & 2047)
    return b.to_bytes(256, "big")


def trie_root(items):
    t = HexaryTrie(db={})
    for i, v in enumerate(items):
        t[rlp.encode(i)] = v
    return t.root_hash


headers = []
for _ in range(8):
    h = {"parentHash": rbytes(32), "coinbase": rbytes(20), "stateRoot": rbytes(32), "transactionsRoot": rbytes(32),
         "receiptsRoot": rbytes(32), "logsBloom": rbytes(256), "number": rng.getrandbits(rng.choice([1, 8, 24, 40])),
         "gasLimit": rng.choice([30_000_000, 300_000_000, 21_000]), "gasUsed": rng.getrandbits(20),
         "timestamp": rng.getrandbits(32), "extraData": rbytes(rng.choice([0, 1, 32])),
         "baseFeePerGas": rng.getrandbits(rng.choice([0, 3, 30, 64, 100]))}
    fields = [h["parentHash"], OMMERS, h["coinbase"], h["stateRoot"], h["transactionsRoot"], h["receiptsRoot"],
              h["logsBloom"], 0, h["number"], h["gasLimit"], h["gasUsed"], h["timestamp"], h["extraData"], b"\0" * 32,
              b"\0" * 8, h["baseFeePerGas"], EMPTY_ROOT, 0, 0, b"\0" * 32]
    out = {k: ("0x" + v.hex() if isinstance(v, bytes) else v) for k, v in h.items()}
    out["baseFeePerGas"] = hex(h["baseFeePerGas"])  # up to 100 bits: not exact as a JSON number
    out["hash"] = "0x" + keccak(rlp.encode(fields)).hex()
    headers.append(out)

receipt_sets = []
for n in (1, 2, 5, 20, 130):
    receipts, encodings, cumulative = [], [], 0
    for _ in range(n):
        typ = rng.choice([0, 1, 2])
        status = rng.choice([0, 1])
        cumulative += rng.randint(21000, 200000)
        logs = [(rbytes(20), [rbytes(32) for _ in range(rng.randint(0, 4))], rbytes(rng.choice([0, 5, 64])))
                for _ in range(rng.choice([0, 0, 1, 3]))]
        bl = bloom(logs)
        body = rlp.encode([status, cumulative, bl, [[a, t, d] for a, t, d in logs]])
        enc = body if typ == 0 else bytes([typ]) + body
        encodings.append(enc)
        receipts.append({"type": typ, "status": status, "cumulativeGasUsed": cumulative,
                         "logs": [{"address": "0x" + a.hex(), "topics": ["0x" + x.hex() for x in t], "data": "0x" + d.hex()}
                                  for a, t, d in logs],
                         "bloom": "0x" + bl.hex(), "encoded": "0x" + enc.hex()})
    receipt_sets.append({"receipts": receipts, "root": "0x" + trie_root(encodings).hex()})

tx_sets = []
key = Account.from_key(keccak(b"zkrollup sequencer vectors"))
for n in (1, 3, 17, 129):
    raws = []
    for i in range(n):
        kind = rng.choice(["legacy", "eip155", "eip1559"])
        tx = {"nonce": i, "to": to_checksum_address(rbytes(20)), "value": rng.getrandbits(40), "gas": 21000 + rng.getrandbits(10),
              "data": rbytes(rng.choice([0, 4, 68]))}
        if kind == "eip1559":
            tx.update({"maxFeePerGas": 10**9 + rng.getrandbits(20), "maxPriorityFeePerGas": rng.getrandbits(20), "chainId": 1337, "type": 2})
        else:
            tx["gasPrice"] = 10**9 + rng.getrandbits(20)
            if kind == "eip155":
                tx["chainId"] = 1337
        raws.append(bytes(Account.sign_transaction(tx, key.key).raw_transaction))
    tx_sets.append({"transactions": ["0x" + r.hex() for r in raws], "root": "0x" + trie_root(raws).hex()})

doc = {"source": f"rlp {version('rlp')}, eth-hash {version('eth-hash')}, trie {version('trie')}, eth-account {version('eth-account')}; "
                  "scripts/gen-sequencer-vectors.py, seed 20261125",
       "headers": headers, "receiptSets": receipt_sets, "transactionSets": tx_sets}
with open("fixtures/sequencer-blocks-pyrlp.json", "w") as f:
    json.dump(doc, f, indent=1)
print(f"{len(headers)} headers, {len(receipt_sets)} receipt sets, {len(tx_sets)} transaction sets")
