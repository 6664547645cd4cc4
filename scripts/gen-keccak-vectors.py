#!/usr/bin/env python3
"""Writes fixtures/keccak256-pycryptodome.json: Keccak-256 digests computed by
pycryptodome (an independent implementation) for messages around the 136-byte
rate boundary and a few long ones. Messages are a deterministic byte pattern so
the fixture stays small: message i of length n is bytes((i*31 + j*7) % 256 for j)."""
import json, sys
from Crypto.Hash import keccak

lengths = list(range(0, 140)) + [200, 271, 272, 273, 408, 1000, 4096, 65537]
vectors = []
for i, n in enumerate(lengths):
    msg = bytes((i * 31 + j * 7) % 256 for j in range(n))
    k = keccak.new(digest_bits=256)
    k.update(msg)
    vectors.append({"seed": i, "length": n, "digest": k.hexdigest()})
json.dump({"generator": "pycryptodome " + __import__("Crypto").__version__,
           "message": "bytes((seed*31 + j*7) % 256 for j in range(length))",
           "vectors": vectors}, open(sys.argv[1] if len(sys.argv) > 1 else "fixtures/keccak256-pycryptodome.json", "w"), indent=1)
