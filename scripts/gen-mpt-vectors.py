#!/usr/bin/env python3
"""Writes fixtures/mpt-roots-pytrie.json: Merkle-Patricia trie roots computed by
py-trie (`trie.HexaryTrie`, an independent implementation) for small tries: the
ethereum/tests trietest examples, keys that are prefixes of others (values stored in
branch nodes), inlined (< 32 byte) nodes, and seeded random sets. Each case lists its
(key, value) pairs in hex and the root. Run: pip install trie; python3 scripts/gen-mpt-vectors.py"""
import json, random, sys
from trie import HexaryTrie
import trie as trie_pkg
from importlib.metadata import version

def root(pairs):
    t = HexaryTrie(db={})
    for k, v in pairs:
        t[k] = v
    return t.root_hash.hex()

cases = []
def add(name, pairs):
    cases.append({"name": name, "pairs": [[k.hex(), v.hex()] for k, v in pairs], "root": root(pairs)})

add("empty", [])
add("single", [(b"A", b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")])
add("dogs", [(b"doe", b"reindeer"), (b"dog", b"puppy"), (b"dogglesworth", b"cat")])
add("puppy", [(b"do", b"verb"), (b"horse", b"stallion"), (b"doge", b"coin"), (b"dog", b"puppy")])
add("prefix-values", [(b"a", b"1"), (b"ab", b"2"), (b"abc", b"3"), (b"abcd", b"4" * 40), (b"b", b"5")])
add("small-inline", [(bytes([1]), bytes([2])), (bytes([1, 2]), bytes([3])), (bytes([2]), bytes([4]))])
rng = random.Random(20261125)
for n in [2, 3, 5, 8, 16, 17, 40, 100, 250]:
    pairs = {}
    while len(pairs) < n:
        k = bytes(rng.randrange(256) for _ in range(rng.choice([1, 2, 3, 4, 20, 32])))
        # shared prefixes: sometimes reuse the start of an existing key
        if pairs and rng.random() < 0.3:
            base = rng.choice(list(pairs))
            k = base[: rng.randrange(len(base) + 1)] + k[:2]
        if not k:
            continue
        pairs[k] = bytes(rng.randrange(256) for _ in range(rng.choice([1, 3, 10, 31, 32, 33, 100])))
    add(f"random-{n}", sorted(pairs.items()))

out = sys.argv[1] if len(sys.argv) > 1 else "fixtures/mpt-roots-pytrie.json"
json.dump({"generator": "trie (py-trie) " + version("trie"), "cases": cases}, open(out, "w"), indent=1)
