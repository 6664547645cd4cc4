#!/usr/bin/env python3
"""Compare `zkrollup bench evm` with revm on the same bytecode.

revm comes from the PyPI package `pyrevm` (Rust revm behind Python bindings). Each benchmark
is one long message call (hundreds of thousands of instructions), so the Python call overhead
is negligible. The loop bytecode is the one in Sources/Benchmarks/EVMBenchmarks.swift; the gas
used is checked to match ours. Figures are nanoseconds per gas (Mgas/s = 1000 / figure);
ratio = revm / ours (above 1: ours is faster). Ours and revm alternate `--rounds` times and the
best median of each is compared, which damps noise on a shared machine.

evm.erc20 is not compared: pyrevm's message_call keeps accounts and slots warm between calls
and charges no intrinsic gas, so its gas per transfer differs from a real transaction's.

Usage:
  python3 -m venv .venv-evm && .venv-evm/bin/pip install pyrevm==0.3.7
  swift build -c release --product zkrollup
  .venv-evm/bin/python scripts/bench-evm-revm.py [--rounds 3]
"""
import argparse, json, statistics, subprocess, time
from pyrevm import EVM, AccountInfo

BENCHES = [("evm.loop", 200_000, "80600302600701506001900380600557"),
           ("evm.keccak", 50_000, "60205f205f526001900380600557"),
           ("evm.sstore", 5_000, "8080556001900380600557")]
CALLER = "0x000000000000000000000000000000000000ca11"
TO = "0x000000000000000000000000000000000000c0de"


def loop_code(iterations, body):
    # PUSH4 n JUMPDEST <body> POP STOP
    return bytes([0x63]) + iterations.to_bytes(4, "big") + bytes([0x5b]) + bytes.fromhex(body) + bytes([0x50, 0x00])


def revm_run(iterations, body, runs=10):
    code, times, gas = loop_code(iterations, body), [], 0
    for r in range(runs + 1):  # one warm-up
        evm = EVM(spec_id="CANCUN")
        evm.insert_account_info(TO, AccountInfo(code=code))
        evm.insert_account_info(CALLER, AccountInfo(balance=10**18))
        t0 = time.perf_counter_ns()
        evm.message_call(CALLER, TO, b"", gas=2_000_000_000, gas_price=0)
        t1 = time.perf_counter_ns()
        gas = evm.result.gas_used - 21_000  # message_call reports the transaction's gas
        if r:
            times.append(t1 - t0)
    return statistics.median(times) / gas, gas


def ours_run():
    out = subprocess.run([".build/release/zkrollup", "bench", "evm", "--json"], check=True, capture_output=True, text=True)
    return {r["name"]: (r["median"], r["size"]) for r in json.loads(out.stdout)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    best_ours, best_revm = {}, {}
    for _ in range(args.rounds):
        for name, (median, size) in ours_run().items():
            best_ours[name] = min(best_ours.get(name, (1e9, size))[0], median), size
        for name, iterations, body in BENCHES:
            ns, gas = revm_run(iterations, body)
            assert gas == best_ours[name][1], f"{name}: revm used {gas} gas, ours {best_ours[name][1]}"
            best_revm[name] = min(best_revm.get(name, 1e9), ns)
    for name, (ours, _) in best_ours.items():
        line = f"{name:12s} ours {ours:.3f} ns/gas ({1000 / ours:.0f} Mgas/s)"
        if name in best_revm:
            revm = best_revm[name]
            line += f"  revm {revm:.3f} ns/gas ({1000 / revm:.0f} Mgas/s)  ratio {revm / ours:.2f}x"
        print(line)


if __name__ == "__main__":
    main()
