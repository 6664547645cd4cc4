#!/usr/bin/env python3
"""Compare zkrollup's BN254 benchmarks with MCL in one run.

Run through `scripts/bench-peers`, which prepares the virtual environment.

MCL (herumi/mcl) comes from the PyPI package `mclbn256`, which embeds a
prebuilt x86-64 `libmclbn256.so` (MCL with its Xbyak JIT field arithmetic) and
loads it with ctypes. The package initialises MCL on its default curve
(CurveFp254BNb, id 0); this program re-initialises the library on curve id 4,
MCL_BN_SNARK1, which is Ethereum's alt_bn128 — the curve zkrollup implements —
checks p and r, runs correctness checks, and calls the C API directly through
ctypes (the package's Python classes are not used).

Timing follows `zkrollup bench`: one warm-up run, then N timed runs, each run
performing `ops` operations; median/min/max per operation. N is taken from our
JSON result for the same benchmark (10 when ours lacks it, or --runs).

ctypes costs a fraction of a microsecond per call; this is measured and
printed. It is noise for scalar multiplications, pairings and MSMs, but would
dominate a single field multiplication, so `fr.mul` is not timed per call;
instead `fr.mul+add` compares one step of MCL's Horner evaluation
(mclBn_FrEvaluatePolynomial: y = y*x + c[i], a dependent chain in C) with our
fr.mul + fr.add medians.
"""

import argparse
import ctypes
import json
import os
import platform
import shutil
import subprocess
import sys
import threading
import time

# Ethereum alt_bn128 (EIP-196/197) base field and group order.
P_DECIMAL = "21888242871839275222246405745257275088696311157297823662689037894645226208583"
R_DECIMAL = "21888242871839275222246405745257275088548364400416034343698204186575808495617"

# mcl include/mcl/curve_type.h: MCL_BN_SNARK1 = 4 (alt_bn128).
MCL_BN_SNARK1 = 4
# mcl include/mcl/bn.h: MCLBN_COMPILED_TIME_VAR = MCLBN_FR_UNIT_SIZE * 10 + MCLBN_FP_UNIT_SIZE;
# the mclbn256 build uses 4 64-bit limbs for both.
MCLBN_FP_UNIT_SIZE = 4
MCLBN_FR_UNIT_SIZE = 4
MCLBN_COMPILED_TIME_VAR = MCLBN_FR_UNIT_SIZE * 10 + MCLBN_FP_UNIT_SIZE

# mcl C types: Fr/Fp are 4 limbs; G1 is Jacobian (x, y, z) over Fp; G2 over Fp2; GT is Fp12.
FrT = ctypes.c_uint64 * MCLBN_FR_UNIT_SIZE
G1T = ctypes.c_uint64 * (MCLBN_FP_UNIT_SIZE * 3)
G2T = ctypes.c_uint64 * (MCLBN_FP_UNIT_SIZE * 6)
GTT = ctypes.c_uint64 * (MCLBN_FP_UNIT_SIZE * 12)

IO_DECIMAL = 10
# alt_bn128 generators, mcl decimal format "1 x y" (G2: x = x.a + x.b·u, "1 x.a x.b y.a y.b").
G1_GENERATOR = b"1 1 2"
G2_GENERATOR = (
    b"1 10857046999023057135944570762232829481370756359578518086990519993285655852781"
    b" 11559732032986387107991004021392285783925812861821192530917403151452391805634"
    b" 8495653923123431417604973247489272438418190587263600148770280649306958101930"
    b" 4082367875863433681332203403145435568316851327593401208105741076214120093531"
)

MSM_SIZES = [4096, 65536, 262144, 1048576]
QUICK_MAX_SIZE = 1 << 16
# mcl's mulVec keeps O(n) data on the stack: 2^18 points overflow the default
# 8 MiB stack (segfault), 2^20 need about 40 MiB. All MCL calls run on one
# thread with this stack.
MCL_THREAD_STACK = 1 << 30
DEFAULT_RUNS = 10
UNIT_NS = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}


class BenchError(Exception):
    """A failure that ends the run with a message and a non-zero exit."""


# MARK: - Rows


class Row:
    """One line of the comparison: our benchmark(s) and the MCL counterpart."""

    def __init__(self, name, size=None, ours_parts=None, note=None):
        self.name = name
        self.size = size
        # Our results whose medians are summed; by default the row itself.
        self.ours_parts = ours_parts or [(name, size)]
        self.note = note

    @property
    def label(self):
        return self.name if self.size is None else f"{self.name}/{self.size}"


def all_rows(quick):
    rows = [
        Row("fr.mul", note="MCL per call is ctypes-bound; see fr.mul+add"),
        Row("fr.mul+add", ours_parts=[("fr.mul", None), ("fr.add", None)],
            note="MCL: one step of mclBn_FrEvaluatePolynomial (y = y*x + c); ours: fr.mul + fr.add"),
        Row("g1.scalar_mul"),
        Row("g2.scalar_mul"),
        Row("pairing.miller"),
        Row("pairing.final_exp"),
        Row("pairing"),
        Row("pairing.multi4", note="MCL: mclBn_millerLoopVec over 4 pairs + one mclBn_finalExp"),
    ]
    rows += [Row("msm.g1", n, note="MCL: mclBnG1_mulVec, single-threaded")
             for n in MSM_SIZES if not quick or n <= QUICK_MAX_SIZE]
    return rows


# MARK: - Timing


def measure(body, ops, runs):
    """One warm-up call of `body`, then `runs` timed calls; ns per op (median, min, max)."""
    body()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter_ns()
        body()
        t1 = time.perf_counter_ns()
        times.append((t1 - t0) / ops)
    times.sort()
    n = len(times)
    median = times[n // 2] if n % 2 == 1 else (times[n // 2 - 1] + times[n // 2]) / 2
    return {"median": median, "min": times[0], "max": times[-1], "runs": runs}


# MARK: - MCL


class MCL:
    """The mclbn256 shared library, re-initialised on alt_bn128, called through ctypes."""

    def __init__(self):
        try:
            import mclbn256.mclbn256 as module  # loads libmclbn256.so, mclBn_init(0, 44)
        except Exception as e:  # noqa: BLE001 - any import failure is fatal here
            raise BenchError(f"cannot import mclbn256: {e}") from e
        libs = getattr(module, "loaded_libraries", None)
        if not libs or "libmclbn256" not in libs:
            raise BenchError("mclbn256 does not expose loaded_libraries['libmclbn256'] "
                             "(package layout changed; pin MCLBN256_VERSION=1.3.5)")
        self.lib = lib = libs["libmclbn256"]
        try:
            import importlib.metadata
            self.package_version = importlib.metadata.version("mclbn256")
        except Exception:  # noqa: BLE001
            self.package_version = "?"
        lib.mclBn_getFieldOrder.restype = ctypes.c_size_t
        lib.mclBn_getCurveOrder.restype = ctypes.c_size_t
        lib.mclBnG1_getStr.restype = ctypes.c_size_t
        ver = lib.mclBn_getVersion()
        self.version = f"{ver >> 8}.{ver & 0xff:02x}"

        rc = lib.mclBn_init(MCL_BN_SNARK1, MCLBN_COMPILED_TIME_VAR)
        if rc != 0:
            raise BenchError(f"mclBn_init({MCL_BN_SNARK1}, {MCLBN_COMPILED_TIME_VAR}) returned {rc}")
        if lib.mclBn_getCurveType() != MCL_BN_SNARK1:
            raise BenchError(f"MCL curve type is {lib.mclBn_getCurveType()}, expected {MCL_BN_SNARK1}")
        self.p = self._order(lib.mclBn_getFieldOrder)
        self.r = self._order(lib.mclBn_getCurveOrder)

    @staticmethod
    def _order(fn):
        buf = ctypes.create_string_buffer(256)
        n = fn(buf, ctypes.c_size_t(len(buf)))
        if n == 0:
            raise BenchError(f"{fn.__name__} failed")
        return buf.value.decode()

    # Element helpers.

    def fr_random(self, x):
        if self.lib.mclBnFr_setByCSPRNG(x) != 0:
            raise BenchError("mclBnFr_setByCSPRNG failed")

    def fr_from_decimal(self, text):
        x = FrT()
        s = text.encode()
        if self.lib.mclBnFr_setStr(x, s, ctypes.c_size_t(len(s)), IO_DECIMAL) != 0:
            raise BenchError(f"mclBnFr_setStr({text}) failed")
        return x

    def g1_hash(self, seed):
        """A normalised (z = 1) G1 point from hash-and-map of `seed`."""
        p = G1T()
        if self.lib.mclBnG1_hashAndMapTo(p, seed, ctypes.c_size_t(len(seed))) != 0:
            raise BenchError("mclBnG1_hashAndMapTo failed")
        self.lib.mclBnG1_normalize(p, p)
        return p

    def g2_hash(self, seed):
        q = G2T()
        if self.lib.mclBnG2_hashAndMapTo(q, seed, ctypes.c_size_t(len(seed))) != 0:
            raise BenchError("mclBnG2_hashAndMapTo failed")
        self.lib.mclBnG2_normalize(q, q)
        return q

    def g1_generator(self):
        p = G1T()
        if self.lib.mclBnG1_setStr(p, G1_GENERATOR, ctypes.c_size_t(len(G1_GENERATOR)), IO_DECIMAL) != 0:
            raise BenchError("alt_bn128 G1 generator (1, 2) rejected by MCL")
        return p

    def g2_generator(self):
        q = G2T()
        if self.lib.mclBnG2_setStr(q, G2_GENERATOR, ctypes.c_size_t(len(G2_GENERATOR)), IO_DECIMAL) != 0:
            raise BenchError("alt_bn128 G2 generator rejected by MCL")
        return q

    # Correctness checks: the figures mean nothing if the curve is wrong.

    def check(self):
        lib = self.lib
        if self.p != P_DECIMAL:
            raise BenchError(f"MCL field order p = {self.p}\n  expected          {P_DECIMAL}")
        if self.r != R_DECIMAL:
            raise BenchError(f"MCL group order r = {self.r}\n  expected          {R_DECIMAL}")

        def require(ok, what):
            if not ok:
                raise BenchError(f"MCL check failed: {what}")

        g1, g2 = self.g1_generator(), self.g2_generator()
        require(lib.mclBnG1_isValidOrder(g1) == 1, "G1 generator in the order-r subgroup")
        require(lib.mclBnG2_isValidOrder(g2) == 1, "G2 generator in the order-r subgroup")

        # (r - 1)·G = -G in both groups.
        r_minus_1 = self.fr_from_decimal(str(int(R_DECIMAL) - 1))
        t1, n1 = G1T(), G1T()
        lib.mclBnG1_mul(t1, g1, r_minus_1)
        lib.mclBnG1_neg(n1, g1)
        require(lib.mclBnG1_isEqual(t1, n1) == 1, "(r-1)·G1 = -G1")
        t2, n2 = G2T(), G2T()
        lib.mclBnG2_mul(t2, g2, r_minus_1)
        lib.mclBnG2_neg(n2, g2)
        require(lib.mclBnG2_isEqual(t2, n2) == 1, "(r-1)·G2 = -G2")

        # Bilinearity and non-degeneracy: e(a·P, b·Q) = e(P, Q)^(a·b), e(P, Q) ≠ 1.
        a, b, ab = FrT(), FrT(), FrT()
        self.fr_random(a)
        self.fr_random(b)
        lib.mclBnFr_mul(ab, a, b)
        e, lhs, rhs = GTT(), GTT(), GTT()
        lib.mclBn_pairing(e, g1, g2)
        require(lib.mclBnGT_isOne(e) == 0, "e(G1, G2) != 1")
        ap, bq = G1T(), G2T()
        lib.mclBnG1_mul(ap, g1, a)
        lib.mclBnG2_mul(bq, g2, b)
        lib.mclBn_pairing(lhs, ap, bq)
        lib.mclBnGT_pow(rhs, e, ab)
        require(lib.mclBnGT_isEqual(lhs, rhs) == 1, "e(aP, bQ) = e(P, Q)^(ab)")

        # millerLoop then finalExp = pairing.
        f = GTT()
        lib.mclBn_millerLoop(f, ap, bq)
        lib.mclBn_finalExp(f, f)
        require(lib.mclBnGT_isEqual(f, lhs) == 1, "finalExp(millerLoop(P, Q)) = pairing(P, Q)")

        # millerLoopVec over 4 pairs then finalExp = product of 4 pairings.
        ps, qs = (G1T * 4)(), (G2T * 4)()
        prod = GTT()
        lib.mclBnGT_setInt(prod, ctypes.c_int64(1))
        for i in range(4):
            ctypes.memmove(ps[i], self.g1_hash(b"check p %d" % i), ctypes.sizeof(G1T))
            ctypes.memmove(qs[i], self.g2_hash(b"check q %d" % i), ctypes.sizeof(G2T))
            lib.mclBn_pairing(e, ps[i], qs[i])
            lib.mclBnGT_mul(prod, prod, e)
        lib.mclBn_millerLoopVec(f, ps, qs, ctypes.c_size_t(4))
        lib.mclBn_finalExp(f, f)
        require(lib.mclBnGT_isEqual(f, prod) == 1, "finalExp(millerLoopVec(4 pairs)) = product of pairings")

    def check_mul_vec(self, points, scalars, n):
        """mulVec over the first n inputs equals the sum of n scalar multiplications."""
        lib = self.lib
        got, want, t = G1T(), G1T(), G1T()
        lib.mclBnG1_mulVec(got, points, scalars, ctypes.c_size_t(n))
        lib.mclBnG1_clear(want)
        for i in range(n):
            lib.mclBnG1_mul(t, points[i], scalars[i])
            lib.mclBnG1_add(want, want, t)
        if lib.mclBnG1_isEqual(got, want) != 1:
            raise BenchError(f"MCL check failed: mclBnG1_mulVec({n}) != sum of mclBnG1_mul")

    # Benchmarks: each returns (body, ops per body call).

    def call_overhead(self):
        """ns per ctypes call of a trivial MCL function (mclBnFr_isZero)."""
        x = FrT()
        self.fr_random(x)
        fn = self.lib.mclBnFr_isZero
        k = 200_000

        def body():
            for _ in range(k):
                fn(x)
        return measure(body, k, 5)["median"]

    def fr_mul_per_call(self):
        """ns per ctypes call of mclBnFr_mul (call overhead included)."""
        x, y = FrT(), FrT()
        self.fr_random(x)
        self.fr_random(y)
        fn = self.lib.mclBnFr_mul
        k = 200_000

        def body():
            for _ in range(k):
                fn(x, x, y)
        return measure(body, k, 5)["median"]

    def bench_fr_horner(self):
        n, calls = 1 << 16, 4
        coeffs = (FrT * n)()
        for i in range(n):
            self.fr_random(coeffs[i])
        x, out = FrT(), FrT()
        self.fr_random(x)
        fn, size = self.lib.mclBn_FrEvaluatePolynomial, ctypes.c_size_t(n)
        if fn(out, coeffs, size, x) != 0:
            raise BenchError("mclBn_FrEvaluatePolynomial failed")

        def body():
            for _ in range(calls):
                fn(out, coeffs, size, x)
        return body, calls * (n - 1)

    def _g1_inputs(self, k, tag):
        pts = [self.g1_hash(b"%s g1 %d" % (tag, i)) for i in range(k)]
        scs = [FrT() for _ in range(k)]
        for s in scs:
            self.fr_random(s)
        return pts, scs

    def _g2_inputs(self, k, tag):
        pts = [self.g2_hash(b"%s g2 %d" % (tag, i)) for i in range(k)]
        scs = [FrT() for _ in range(k)]
        for s in scs:
            self.fr_random(s)
        return pts, scs

    def bench_g1_mul(self):
        k = 64
        pts, scs = self._g1_inputs(k, b"mul")
        out, fn = G1T(), self.lib.mclBnG1_mul
        pairs = list(zip(pts, scs))

        def body():
            for p, s in pairs:
                fn(out, p, s)
        return body, k

    def bench_g2_mul(self):
        k = 32
        pts, scs = self._g2_inputs(k, b"mul")
        out, fn = G2T(), self.lib.mclBnG2_mul
        pairs = list(zip(pts, scs))

        def body():
            for q, s in pairs:
                fn(out, q, s)
        return body, k

    def _pairs(self, k, tag):
        return [(self.g1_hash(b"%s p %d" % (tag, i)), self.g2_hash(b"%s q %d" % (tag, i))) for i in range(k)]

    def bench_pairing(self):
        k = 16
        pairs, out, fn = self._pairs(k, b"pairing"), GTT(), self.lib.mclBn_pairing

        def body():
            for p, q in pairs:
                fn(out, p, q)
        return body, k

    def bench_miller(self):
        k = 16
        pairs, out, fn = self._pairs(k, b"miller"), GTT(), self.lib.mclBn_millerLoop

        def body():
            for p, q in pairs:
                fn(out, p, q)
        return body, k

    def bench_final_exp(self):
        k = 16
        fs = []
        for p, q in self._pairs(k, b"finalexp"):
            f = GTT()
            self.lib.mclBn_millerLoop(f, p, q)
            fs.append(f)
        out, fn = GTT(), self.lib.mclBn_finalExp

        def body():
            for f in fs:
                fn(out, f)
        return body, k

    def bench_multi4(self):
        k = 8
        sets = []
        for j in range(k):
            ps, qs = (G1T * 4)(), (G2T * 4)()
            for i, (p, q) in enumerate(self._pairs(4, b"multi4 %d" % j)):
                ctypes.memmove(ps[i], p, ctypes.sizeof(G1T))
                ctypes.memmove(qs[i], q, ctypes.sizeof(G2T))
            sets.append((ps, qs))
        out, four = GTT(), ctypes.c_size_t(4)
        loop, final = self.lib.mclBn_millerLoopVec, self.lib.mclBn_finalExp

        def body():
            for ps, qs in sets:
                loop(out, ps, qs, four)
                final(out, out)
        return body, k

    def msm_inputs(self, n):
        """n distinct normalised G1 points (i·T for a hashed T) and n random scalars."""
        lib = self.lib
        points, scalars = (G1T * n)(), (FrT * n)()
        step = self.g1_hash(b"msm base")
        acc = G1T()
        ctypes.memmove(acc, step, ctypes.sizeof(G1T))
        add, normalize, rand = lib.mclBnG1_add, lib.mclBnG1_normalize, lib.mclBnFr_setByCSPRNG
        g1_size, fr_size = ctypes.sizeof(G1T), ctypes.sizeof(FrT)
        for i in range(n):
            normalize(ctypes.byref(points, i * g1_size), acc)
            add(acc, acc, step)
            if rand(ctypes.byref(scalars, i * fr_size)) != 0:
                raise BenchError("mclBnFr_setByCSPRNG failed")
        return points, scalars

    def bench_msm(self, points, scalars, n):
        out, fn, size = G1T(), self.lib.mclBnG1_mulVec, ctypes.c_size_t(n)

        def body():
            fn(out, points, scalars, size)
        return body, 1


MCL_BENCHES = {
    "fr.mul+add": MCL.bench_fr_horner,
    "g1.scalar_mul": MCL.bench_g1_mul,
    "g2.scalar_mul": MCL.bench_g2_mul,
    "pairing.miller": MCL.bench_miller,
    "pairing.final_exp": MCL.bench_final_exp,
    "pairing": MCL.bench_pairing,
    "pairing.multi4": MCL.bench_multi4,
}


def run_mcl(mcl, rows, runs_for, log):
    """Times every row; returns ({label: figures}, info). Runs on the big-stack thread."""
    info = {"ctypes_overhead_ns": mcl.call_overhead(), "fr_mul_per_ctypes_call_ns": mcl.fr_mul_per_call()}
    results = {}
    for row in rows:
        if row.name in MCL_BENCHES:
            log(f"MCL {row.label}…")
            body, ops = MCL_BENCHES[row.name](mcl)
            results[row.label] = measure(body, ops, runs_for(row))
    msm_rows = [r for r in rows if r.name == "msm.g1"]
    if msm_rows:
        n_max = max(r.size for r in msm_rows)
        log(f"MCL msm inputs: {n_max} points…")
        points, scalars = mcl.msm_inputs(n_max)
        mcl.check_mul_vec(points, scalars, min(n_max, 1024))
        log("MCL check passed: mulVec = sum of mul")
        for row in msm_rows:
            log(f"MCL {row.label}…")
            body, ops = mcl.bench_msm(points, scalars, row.size)
            results[row.label] = measure(body, ops, runs_for(row))
        del points, scalars
    return results, info


def on_big_stack(fn):
    """Runs fn() on a thread with MCL_THREAD_STACK of stack; re-raises its exception."""
    box = {}

    def target():
        try:
            box["value"] = fn()
        except BaseException as e:  # noqa: BLE001 - handed to the caller
            box["error"] = e
    try:
        threading.stack_size(MCL_THREAD_STACK)
    except (ValueError, RuntimeError) as e:
        raise BenchError(f"cannot set a {MCL_THREAD_STACK >> 20} MiB thread stack: {e}") from e
    t = threading.Thread(target=target, name="mcl")
    t.start()
    t.join()
    threading.stack_size(0)
    if "error" in box:
        raise box["error"]
    return box["value"]


# MARK: - Ours


def swift_executable():
    found = shutil.which("swift")
    if found:
        return found
    if os.access("/opt/swift/usr/bin/swift", os.X_OK):
        return "/opt/swift/usr/bin/swift"
    raise BenchError("swift not found on PATH (nor /opt/swift/usr/bin/swift)")


def build_ours(repo, log):
    log("building: swift build -c release …")
    proc = subprocess.run([swift_executable(), "build", "-c", "release", "--product", "zkrollup"],
                          cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if proc.returncode != 0:
        raise BenchError(f"swift build -c release failed (exit {proc.returncode}):\n{proc.stdout[-4000:]}")


def run_ours(repo, rows, threads, log):
    """Runs `zkrollup bench FILTER --json` per needed label; returns {(name, size): figures in ns}."""
    exe = os.path.join(repo, ".build", "release", "zkrollup")
    if not os.access(exe, os.X_OK):
        raise BenchError(f"{exe} not found: build with `swift build -c release` or drop --no-build")
    wanted = set()
    for row in rows:
        wanted.update(row.ours_parts)
    # Shorter filters first: "pairing" also yields pairing.*, so later filters may be skipped.
    filters = sorted({n if s is None else f"{n}/{s}" for n, s in wanted}, key=lambda f: (len(f), f))
    results, tried = {}, set()
    for flt in filters:
        name, _, size = flt.partition("/")
        key = (name, int(size) if size else None)
        if key in results or key in tried:
            continue
        cmd = [exe, "bench", flt, "--json"] + (["--threads", str(threads)] if threads else [])
        log(f"ours {flt}…")
        proc = subprocess.run(cmd, cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            if "no benchmark matches" in proc.stderr + proc.stdout:
                tried.add(key)
                continue
            raise BenchError(f"{' '.join(cmd)} failed (exit {proc.returncode}):\n{proc.stderr[-4000:]}")
        try:
            start = proc.stdout.index("[")
            entries = json.loads(proc.stdout[start:])
        except ValueError as e:
            raise BenchError(f"{' '.join(cmd)} printed no JSON array: {proc.stdout[:500]!r}") from e
        for r in entries:
            unit = UNIT_NS.get(r.get("unit"))
            if unit is None:
                raise BenchError(f"unknown unit {r.get('unit')!r} in {r}")
            results[(r["name"], r.get("size"))] = {
                "median": r["median"] * unit, "min": r["min"] * unit, "max": r["max"] * unit, "runs": r["runs"]}
        tried.add(key)
    return results


def combine(parts):
    """Sum of several results (None if one is missing)."""
    if any(p is None for p in parts):
        return None
    if len(parts) == 1:
        return parts[0]
    return {"median": sum(p["median"] for p in parts), "min": sum(p["min"] for p in parts),
            "max": sum(p["max"] for p in parts), "runs": min(p["runs"] for p in parts)}


# MARK: - Output


def pick_unit(ns):
    for unit, scale in (("ns", 1.0), ("us", 1e3), ("ms", 1e6)):
        if ns < 1000 * scale:
            return unit, scale
    return "s", 1e9


def fmt(x):
    return f"{x:.1f}" if x >= 100 else f"{x:.3f}"


def print_table(lines, out):
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(lines[0]))]
    for line in lines:
        out.write("  ".join(str(c).ljust(w) for c, w in zip(line, widths)).rstrip() + "\n")


def main():
    ap = argparse.ArgumentParser(
        prog="scripts/bench-peers",
        description="Compare zkrollup's BN254 benchmarks with MCL (PyPI mclbn256) and print ours/MCL ratios "
                    "(lower is better for us).")
    ap.add_argument("--threads", type=int, help="threads for our parallel kernels (MCL is single-threaded)")
    ap.add_argument("--quick", action="store_true", help=f"MSM sizes up to 2^{QUICK_MAX_SIZE.bit_length() - 1} only")
    ap.add_argument("--json", metavar="OUT", help="also write the comparison as JSON to OUT")
    ap.add_argument("--only", metavar="NAME", help="only rows whose name or name/size contains NAME")
    ap.add_argument("--runs", type=int, default=DEFAULT_RUNS,
                    help=f"MCL timed runs when ours lacks the benchmark (default {DEFAULT_RUNS}); "
                         "otherwise ours' run count is used")
    ap.add_argument("--no-build", action="store_true", help="skip `swift build -c release`")
    ap.add_argument("--mcl-only", action="store_true", help="time MCL only (no build, no zkrollup)")
    ap.add_argument("--repo", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                    help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.threads is not None and args.threads < 1:
        ap.error("--threads must be at least 1")
    if args.runs < 1:
        ap.error("--runs must be at least 1")

    def log(msg):
        print(f"bench-peers: {msg}", file=sys.stderr, flush=True)

    rows = all_rows(args.quick)
    if args.only:
        rows = [r for r in rows if args.only in r.label]
        if not rows:
            raise BenchError(f"--only {args.only!r} matches none of: "
                             + ", ".join(r.label for r in all_rows(args.quick)))

    load = os.getloadavg()
    log("loading MCL (mclbn256)…")
    mcl = MCL()
    log(f"MCL {mcl.version} re-initialised: mclBn_init({MCL_BN_SNARK1}, {MCLBN_COMPILED_TIME_VAR})")
    mcl.check()
    log(f"MCL p and r match alt_bn128; checks passed: generators, (r-1)·G = -G, bilinearity, "
        "millerLoop/finalExp, millerLoopVec")

    ours = {}
    if not args.mcl_only:
        if not args.no_build:
            build_ours(args.repo, log)
        ours = run_ours(args.repo, rows, args.threads, log)

    def runs_for(row):
        parts = [ours.get(k) for k in row.ours_parts]
        return parts[0]["runs"] if parts and parts[0] else args.runs

    mcl_results, info = on_big_stack(lambda: run_mcl(mcl, rows, runs_for, log))

    # Table.
    out = sys.stdout
    ours_threads = args.threads or os.cpu_count()
    out.write(f"BN254 (alt_bn128): zkrollup vs MCL {mcl.version} (PyPI mclbn256 {mcl.package_version}, "
              f"ctypes), {platform.machine()}, {os.cpu_count()} cores\n")
    out.write(f"  mclBn_init(curve={MCL_BN_SNARK1} MCL_BN_SNARK1, MCLBN_COMPILED_TIME_VAR={MCLBN_COMPILED_TIME_VAR})\n")
    out.write(f"  p = {mcl.p}  (matches alt_bn128)\n")
    out.write(f"  r = {mcl.r}  (matches alt_bn128)\n")
    out.write(f"  threads: ours {ours_threads}{'' if args.threads else ' (default: all cores)'}; "
              "MCL single-threaded (this mclbn256 build has no thread support)\n")
    out.write("  protocol: one warm-up, then N timed runs (N = ours' run count), median per operation\n")
    out.write(f"  load average at start: {load[0]:.2f} on {os.cpu_count()} cores"
              f"{' — figures are noisy, rerun on an idle machine' if load[0] > 0.5 else ''}\n")
    out.write(f"  ctypes overhead ≈ {info['ctypes_overhead_ns']:.0f} ns per MCL call (included in MCL figures); "
              f"mclBnFr_mul through ctypes: {info['fr_mul_per_ctypes_call_ns']:.0f} ns per call\n\n")
    lines = [("name", "size", "unit", "ours", "MCL", "ours/MCL")]
    records = []
    for row in rows:
        o = combine([ours.get(k) for k in row.ours_parts]) if not args.mcl_only else None
        m = mcl_results.get(row.label)
        ref = (o or m or {"median": 1.0})["median"]
        if o and m:
            ref = max(o["median"], m["median"])
        unit, scale = pick_unit(ref)
        ratio = o["median"] / m["median"] if o and m else None
        mcl_text = fmt(m["median"] / scale) if m else ("ctypes" if row.name == "fr.mul" else "n/a")
        lines.append((row.name, row.size if row.size is not None else "-", unit,
                      fmt(o["median"] / scale) if o else "n/a", mcl_text,
                      f"{ratio:.2f}" if ratio is not None else "-"))
        records.append({"name": row.name, "size": row.size, "unit": "ns", "ours": o, "mcl": m,
                        "ratio": ratio, "note": row.note})
    print_table(lines, out)
    notes = [r for r in rows if r.note]
    if notes:
        out.write("\nnotes:\n")
        seen = set()
        for r in notes:
            if r.note not in seen:
                seen.add(r.note)
                out.write(f"  {r.name}: {r.note}\n")
        out.write("  ratio < 1: ours is faster.")
        if any(r.name == "msm.g1" for r in rows):
            out.write(" For a like-for-like msm.g1 comparison use --threads 1.")
        out.write("\n")

    if args.json:
        doc = {
            "mcl": {"version": mcl.version, "package": f"mclbn256 {mcl.package_version}",
                    "curve": MCL_BN_SNARK1, "compiled_time_var": MCLBN_COMPILED_TIME_VAR,
                    "p": mcl.p, "r": mcl.r, "threads": 1, **info},
            "ours": {"threads": ours_threads},
            "machine": {"arch": platform.machine(), "cores": os.cpu_count()},
            "results": records,
        }
        with open(args.json, "w") as f:
            json.dump(doc, f, indent=2)
            f.write("\n")
        log(f"wrote {args.json}")


if __name__ == "__main__":
    try:
        main()
    except BenchError as e:
        print(f"bench-peers: error: {e}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
