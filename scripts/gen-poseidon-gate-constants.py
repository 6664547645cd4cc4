#!/usr/bin/env python3
"""Derives the constants of the Poseidon custom gate "poseidon.t3.circom.w6" for the
settlement contract, independently of the Swift sources.

    python3 scripts/gen-poseidon-gate-constants.py          # prints the Vyper constant declarations
    python3 scripts/gen-poseidon-gate-constants.py --check  # exits 1 if fixtures/settlement/Rollup.vy differs

circomlib's t = 3 parameters (8 full rounds, 57 partial; round constants and MDS M) come
from scripts/gen-poseidon-constants.py. The gate (circuits/PoseidonGate.swift) puts three
partial rounds on one row; the coefficients it needs besides M follow from the layout
described in circuits/PoseidonRoundForms.swift, re-derived here:

A partial round maps the state (x, h0, h1) to M·(x^5, h0, h1) + K: only x goes through
the S-box. Tracking each state element as an affine form over S-box outputs p_j = x_j^5
and the hidden state (h0, h1) of one round, the S-box inputs x_{i+1}, x_{i+2} are two
forms in (h0, h1) whose 2×2 system is invertible, so eliminating h gives, with
coefficients that depend on M only (asserted for every round),

  partial:  x_{i+3} = c0·x_i^5 + c1·x_{i+1}^5 + c2·x_{i+2}^5 + c3·x_{i+1} + c4·x_{i+2} + K_i;
  entry:    the last full round's state (a, b, c) gives the first three partial S-box
            inputs x_4, x_5, x_6 = entry·(a^5, b^5, c^5, x_4^5, x_5^5) + K (entry[0][3:],
            entry[1][4] are zero);
  exit:     the last partial row (x_58, x_59, x_60) gives the next full state
            = exit·(x_58^5, x_59^5, x_60^5, x_59, x_60) + K.

Sanity check (always run): the native permutation on random inputs, recording every
S-box input; each relation above must hold with a constant K that is the same for every
input (taken from the first input, checked on the others) and equal to the derived one.
"""
import importlib.util
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CONTRACT = os.path.join(HERE, "..", "fixtures", "settlement", "Rollup.vy")


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen = _load("gen_constants", os.path.join(HERE, "gen-poseidon-constants.py"))
R = gen.P  # the BN254 scalar field (called P in that script)
T = 3
RF, RP, _FLAT, M = gen.parameters(T)
RC = [_FLAT[T * r:T * r + T] for r in range(RF + RP)]
ROUNDS = RF + RP
FIRST = RF // 2                 # first partial round (4)
ROWS = RP // 3                  # partial rows (19), the last one the exit row
assert RP % 3 == 0


def constants(r):
    return RC[r] if r < ROUNDS else [0, 0, 0]


# Affine forms: a list of coefficients on a basis, the last entry the constant.
def basis(i, n):
    f = [0] * (n + 1)
    f[i] = 1
    return f


def add(x, y):
    return [(a + b) % R for a, b in zip(x, y)]


def scale(k, x):
    return [k * a % R for a in x]


def mix(v, r):
    """M·v + constants(r) on forms."""
    k = constants(r)
    out = []
    for i in range(T):
        f = add(add(scale(M[i][0], v[0]), scale(M[i][1], v[1])), scale(M[i][2], v[2]))
        f[-1] = (f[-1] + k[i]) % R
        out.append(f)
    return out


def eliminate(t, xa, xb, window):
    """t = Σ_{j∈window} c_j p_j + la·xa + lb·xb + K over the basis (p0..p4, h0, h1): (c + [la, lb], K)."""
    det = (xa[5] * xb[6] - xa[6] * xb[5]) % R
    assert det != 0, "the hidden state is not determined by three inputs"
    inv = pow(det, -1, R)
    la = (t[5] * xb[6] - t[6] * xb[5]) * inv % R
    lb = (xa[5] * t[6] - xa[6] * t[5]) * inv % R
    rest = add(add(t, scale(R - la, xa)), scale(R - lb, xb))
    assert all(rest[i] == 0 for i in range(7) if i not in window), "the recurrence leaves a term"
    return [rest[j] for j in window] + [la, lb], rest[7]


def run(i, rounds):
    """Partial rounds i, i+1, … from the state (x_i, h0, h1): the forms of x_{i+1}, … and the last state."""
    st = [None, basis(5, 7), basis(6, 7)]
    xs = []
    for j in range(rounds):
        st = mix([basis(j, 7), st[1], st[2]], i + j + 1)
        xs.append(st[0])
    return xs, st


def derive():
    # Entry: basis (s0, s1, s2, q0, q1): the last full round FIRST - 1, then partial rounds FIRST, FIRST + 1.
    s = mix([basis(j, 5) for j in range(3)], FIRST)
    xs = [s[0]]
    for j in range(2):
        s = mix([basis(3 + j, 5), s[1], s[2]], FIRST + j + 1)
        xs.append(s[0])
    entry, entry_k = [x[:5] for x in xs], [x[5] for x in xs]
    assert entry[0][3] == entry[0][4] == entry[1][4] == 0
    # Partial rows: the recurrence from every round (not only row starts) must have one linear part.
    linear, partial_k = set(), {}
    for i in range(FIRST, FIRST + RP - 3):
        x = run(i, 3)[0]
        lin, k = eliminate(x[2], x[0], x[1], [0, 1, 2])
        linear.add(tuple(lin))
        partial_k[i] = k
    assert len(linear) == 1, "the recurrence depends on the round"
    partial = list(linear.pop())
    # Exit: the state after the last partial round on the last row's (x_58^5, x_59^5, x_60^5, x_59, x_60).
    xs, last = run(FIRST + 3 * (ROWS - 1), 3)
    out = [eliminate(f, xs[0], xs[1], [0, 1, 2]) for f in last]
    exit_ = [o[0] for o in out]
    exit_k = [o[1] for o in out]
    return partial, entry, exit_, partial_k, entry_k, exit_k


def native(state):
    """The permutation; returns (output, the state entering each round's S-box, per round)."""
    state = list(state)
    inputs = []
    for r in range(ROUNDS):
        state = [(x + c) % R for x, c in zip(state, RC[r])]
        inputs.append(list(state))
        if r < FIRST or r >= FIRST + RP:
            state = [pow(x, 5, R) for x in state]
        else:
            state[0] = pow(state[0], 5, R)
        state = [sum(M[i][j] * state[j] for j in range(T)) % R for i in range(T)]
    return state, inputs


def sanity(partial, entry, exit_, partial_k, entry_k, exit_k, samples=6):
    rng = random.Random(20260101)
    probe = [rng.randrange(R) for _ in range(3)]
    assert native(probe)[0] == gen.permute(probe, T), "native permutation differs from the reference"

    def dot(c, v):
        return sum(a * b for a, b in zip(c, v)) % R

    seen = {}

    def same(key, value):
        """The constant left over must not depend on the input: fix it on the first one."""
        assert seen.setdefault(key, value) == value, "constant %s depends on the input" % (key,)

    for _ in range(samples):
        _, st = native([rng.randrange(R) for _ in range(3)])
        x = {r: st[r][0] for r in range(FIRST, FIRST + RP)}
        # Entry: the state of round FIRST - 1 and the first two partial S-box outputs.
        a, b, c = st[FIRST - 1]
        v = [pow(a, 5, R), pow(b, 5, R), pow(c, 5, R), pow(x[FIRST], 5, R), pow(x[FIRST + 1], 5, R)]
        for k in range(3):
            same(("entry", k), (x[FIRST + k] - dot(entry[k], v)) % R)
        for i in range(FIRST, FIRST + RP - 3):
            v = [pow(x[i], 5, R), pow(x[i + 1], 5, R), pow(x[i + 2], 5, R), x[i + 1], x[i + 2]]
            same(("partial", i), (x[i + 3] - dot(partial, v)) % R)
        i = FIRST + RP - 3
        v = [pow(x[i], 5, R), pow(x[i + 1], 5, R), pow(x[i + 2], 5, R), x[i + 1], x[i + 2]]
        for k in range(3):
            same(("exit", k), (st[FIRST + RP][k] - dot(exit_[k], v)) % R)
    for k in range(3):
        assert seen[("entry", k)] == entry_k[k] and seen[("exit", k)] == exit_k[k]
    assert all(seen[("partial", i)] == partial_k[i] for i in partial_k)


def declarations():
    partial, entry, exit_, partial_k, entry_k, exit_k = derive()
    sanity(partial, entry, exit_, partial_k, entry_k, exit_k)
    out = [("# circomlib's t = 3 Poseidon MDS matrix (row-major).", None)]
    out += [("M%d%d" % (i, j), M[i][j]) for i in range(3) for j in range(3)]
    out.append(("# The partial-row recurrence on (x_i^5, x_{i+1}^5, x_{i+2}^5, x_{i+1}, x_{i+2}).", None))
    out += [("PR%d" % j, partial[j]) for j in range(5)]
    out.append(("# The entry row: next (a, b, c) on (a^5, b^5, c^5, next.a^5, next.b^5); the omitted ones are 0.", None))
    out += [("EN%d%d" % (k, j), entry[k][j]) for k in range(3) for j in range(3 + k)]
    out.append(("# The exit row: the next full state on (a^5, b^5, c^5, b, c).", None))
    out += [("EX%d%d" % (k, j), exit_[k][j]) for k in range(3) for j in range(5)]
    return out


def main():
    decls = declarations()
    if "--check" not in sys.argv:
        print("# Generated by scripts/gen-poseidon-gate-constants.py (constants of the gate poseidon.t3.circom.w6).")
        for name, value in decls:
            print(name if value is None else "%s: constant(uint256) = %d" % (name, value))
        return
    text = open(CONTRACT).read()
    found = dict(re.findall(r"^([A-Z][A-Z0-9_]*): constant\(uint256\) = (\d+)\s*$", text, re.M))
    bad = [name for name, value in decls if value is not None and found.get(name) != str(value)]
    if bad:
        print("%s: gate constants missing or different: %s" % (os.path.relpath(CONTRACT), ", ".join(bad)))
        sys.exit(1)
    print("Rollup.vy gate constants up to date")


if __name__ == "__main__":
    main()
