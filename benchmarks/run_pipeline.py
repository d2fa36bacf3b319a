#!/usr/bin/env python3
"""Whole-run benchmark: `pulse run` end to end on the benchmark-scale sample.

Uses the sample of parse_throughput.py (pulse sample --accounts 50000 --months 36 into
benchmarks/data/bench-50000x36, generated when missing) and measures, for --period 2026-10:
  1. every source as a snapshot, with --jobs 1 and --jobs 2, each into a fresh out folder;
  2. a second run over unchanged inputs into the same out folder (the warehouse exists), --jobs 2;
  3. usage_events in append mode (the other sources snapshot), fresh out folder, --jobs 1 and
     --jobs 2: the load stage's rows/s staged into SQLite against the requirement of at least
     500,000 rows/s (PASS/FAIL); then a second run over unchanged inputs, --jobs 2, where the
     usage file must be skipped (load rows 0) and the load stage is mostly its fingerprint.
For each run: wall time, per-stage durations and rows (from the --log-format json lines on
standard error, which include publish), CPU time and peak resident memory (/usr/bin/time -v),
and the size of OUT/warehouse.sqlite. Out folders are made under a temporary folder (--tmp)
and removed at the end unless --keep. Each configuration runs once; --repeat N keeps the best
of N. Results are printed and written to benchmarks/results/run-pipeline.json.

Any run that exits non-zero stops the benchmark with its log. The script exits 1 when the
append staging rate is under the requirement (the results are written first). Not a test.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "benchmarks", "data", "bench-50000x36")
RESULTS = os.path.join(ROOT, "benchmarks", "results")
PULSE = os.path.join(ROOT, ".build", "release", "pulse")
CORES = os.cpu_count() or 1
PERIOD = "2026-10"
STAGES = ["extract", "load", "transform", "report", "publish"]
REQUIRED_ROWS_PER_S = 500_000

SNAPSHOT_PIPELINE = "run-bench-snapshot.yml"
APPEND_PIPELINE = "run-bench-append.yml"


def fail(message):
    sys.exit(f"run_pipeline.py: {message}")


def timed(cmd):
    """Runs cmd under /usr/bin/time -v, failing loudly on a non-zero exit.

    Returns (seconds, peak RSS MiB, CPU seconds, stderr lines that are not /usr/bin/time's)."""
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        fail(f"{' '.join(cmd)} failed (exit {proc.returncode}):\n{proc.stderr}{proc.stdout}")
    rss, cpu, own = 0.0, 0.0, []
    for line in proc.stderr.splitlines():
        if line.startswith("\t"):
            key, _, value = line.strip().rpartition(": ")
            if key == "Maximum resident set size (kbytes)":
                rss = int(value) / 1024
            elif key in ("User time (seconds)", "System time (seconds)"):
                cpu += float(value)
        elif not line.startswith("Command exited with non-zero status"):
            own.append(line)
    return seconds, rss, cpu, own


def stage_log(lines, cmd):
    """The `stage finished` JSON log lines: {stage: {"ms": n, "rows": n or None}}."""
    stages = {}
    for line in lines:
        if not line.startswith("{"):
            continue
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("message") == "stage finished":
            rows = entry.get("rows")
            stages[entry["stage"]] = {"ms": int(entry["duration_ms"]), "rows": int(rows) if rows is not None else None}
    missing = [s for s in STAGES if s not in stages]
    if missing:
        fail(f"{' '.join(cmd)}: no `stage finished` log line for {', '.join(missing)}:\n" + "\n".join(lines))
    return stages


def pulse_run(pulse, pipeline, out, jobs):
    """One `pulse run`: its metrics, checked against the run.json it published."""
    cmd = [pulse, "run", pipeline, "--period", PERIOD, "--out", out, "--jobs", str(jobs), "--log-format", "json"]
    seconds, rss, cpu, lines = timed(cmd)
    stages = stage_log(lines, cmd)
    manifest_path = os.path.join(out, PERIOD, "run.json")
    try:
        with open(manifest_path) as f:
            manifest = json.load(f)
    except (OSError, ValueError) as error:
        fail(f"{' '.join(cmd)} exited 0 but {manifest_path} is unreadable: {error}")
    in_manifest = {s["stage"]: s["duration_ms"] for s in manifest.get("stages", [])}
    if set(in_manifest) != set(STAGES[:-1]):
        fail(f"{manifest_path}: stages {sorted(in_manifest)}, expected {STAGES[:-1]}")
    warehouse = os.path.join(out, "warehouse.sqlite")
    return {"wall_s": round(seconds, 2), "cpu_s": round(cpu, 1), "peak_rss_mib": round(rss, 1),
            "stages": stages, "warehouse_mb": round(os.path.getsize(warehouse) / 1e6, 1)}


def best(runs, key):
    return min(runs, key=key)


def by_wall(run):
    return run["wall_s"]


def by_load(run):
    return run["stages"]["load"]["ms"]


def fresh(folder):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    return folder


def seconds(run, stage):
    return run["stages"][stage]["ms"] / 1000


def main():
    parser = argparse.ArgumentParser(description="Whole-run benchmark of pulse run on the benchmark-scale sample.")
    parser.add_argument("--pulse", help="the pulse binary (default: .build/release/pulse, built with "
                                        "`swift build -c release` only when missing)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per configuration, best kept (default 1)")
    parser.add_argument("--tmp", help="where the out folders are made (default: the system temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the out folders")
    args = parser.parse_args()
    if args.repeat < 1:
        fail("--repeat must be at least 1")

    pulse = os.path.abspath(args.pulse) if args.pulse else PULSE
    if not os.path.exists(pulse):
        if args.pulse:
            fail(f"{pulse} does not exist")
        print("building the release binary…", flush=True)
        subprocess.run(["swift", "build", "-c", "release", "--product", "pulse"], cwd=ROOT, check=True)
    if not os.path.exists(os.path.join(DATA, "product", "usage_events.csv")):
        print("generating the benchmark sample (50,000 accounts, 36 months)…", flush=True)
        t, _, _, _ = timed([pulse, "sample", "--out", DATA, "--accounts", "50000", "--months", "36"])
        print(f"generated in {t:.1f} s", flush=True)

    snapshot = os.path.join(DATA, SNAPSHOT_PIPELINE)
    with open(snapshot, "w") as f:
        f.write("name: run-bench-snapshot\ndata: .\n")
    append = os.path.join(DATA, APPEND_PIPELINE)
    with open(append, "w") as f:
        f.write("name: run-bench-append\ndata: .\nsources:\n"
                "  usage_events: { path: product/usage_events.csv, load: append }\n")

    usage = os.path.join(DATA, "product", "usage_events.csv")
    usage_mb = os.path.getsize(usage) / 1e6
    inputs_mb = 0.0
    # Read every input once so that every run, the first included, finds them in the page cache.
    for folder, _, files in os.walk(DATA):
        if os.path.relpath(folder, DATA).split(os.sep)[0] == "half":
            continue
        for name in files:
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                while f.read(1 << 24):
                    pass
            if not name.endswith(".yml"):
                inputs_mb += os.path.getsize(path) / 1e6
    version = subprocess.run([pulse, "--version"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    results = {"cores": CORES, "period": PERIOD, "repeat": args.repeat, "pulse_version": version, "commit": commit,
               "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "inputs_mb": round(inputs_mb, 1),
               "usage_events_mb": round(usage_mb, 1), "required_append_rows_per_s": REQUIRED_ROWS_PER_S, "runs": {}}
    runs = results["runs"]

    tmp = tempfile.mkdtemp(prefix="pulse-run-bench-", dir=args.tmp)
    print(f"out folders under {tmp}", flush=True)
    try:
        def measure(name, pipeline, jobs, key, out=None, reuse=False):
            measured = []
            for i in range(args.repeat):
                folder = out if reuse else fresh(os.path.join(tmp, f"{name}-{i}"))
                print(f"  {name} ({i + 1}/{args.repeat})…", end=" ", flush=True)
                run = pulse_run(pulse, pipeline, folder, jobs)
                print(f"{run['wall_s']:.1f} s", flush=True)
                measured.append((run, folder))
            run, folder = best(measured, key=lambda m: key(m[0]))
            run["jobs"] = jobs
            runs[name] = run
            for _, other in measured:
                if other != folder and not reuse:
                    shutil.rmtree(other, ignore_errors=True)
            return folder

        print("every source a snapshot:", flush=True)
        out = measure("snapshot_jobs1", snapshot, 1, by_wall)
        shutil.rmtree(out, ignore_errors=True)
        out = measure("snapshot_jobs2", snapshot, 2, by_wall)
        measure("snapshot_jobs2_rerun", snapshot, 2, by_wall, out=out, reuse=True)
        shutil.rmtree(out, ignore_errors=True)

        print("usage_events appended:", flush=True)
        out = measure("append_jobs1", append, 1, by_load)
        shutil.rmtree(out, ignore_errors=True)
        out = measure("append_jobs2", append, 2, by_load)
        measure("append_jobs2_rerun", append, 2, by_load, out=out, reuse=True)
        shutil.rmtree(out, ignore_errors=True)
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    verdicts = []
    for name in ("append_jobs1", "append_jobs2"):
        load = runs[name]["stages"]["load"]
        if not load["rows"]:
            fail(f"{name}: the load stage staged no rows")
        rate = load["rows"] / (load["ms"] / 1000)
        runs[name]["load_rows_per_s"] = round(rate)
        runs[name]["meets_requirement"] = rate >= REQUIRED_ROWS_PER_S
        verdicts.append(rate >= REQUIRED_ROWS_PER_S)
    rerun = runs["append_jobs2_rerun"]
    if rerun["stages"]["load"]["rows"] != 0:
        fail(f"append_jobs2_rerun: the load stage staged {rerun['stages']['load']['rows']} rows, expected 0 "
             "(the unchanged usage file was not skipped)")
    rerun["fingerprint_mb_per_s"] = round(usage_mb / (rerun["stages"]["load"]["ms"] / 1000), 1)

    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "run-pipeline.json"), "w") as f:
        json.dump(results, f, indent=2)

    print(f"\npulse run --period {PERIOD} on {DATA} ({inputs_mb:,.0f} MB of inputs, usage_events "
          f"{usage_mb:,.0f} MB), {CORES} cores, best of {args.repeat}:\n")
    header = ["run", "wall s", "cpu s"] + [f"{s} s" for s in STAGES] + ["extract rows", "load rows", "peak RSS MiB",
                                                                      "warehouse MB"]
    table = [header]
    for name, run in runs.items():
        table.append([name, f"{run['wall_s']:.1f}", f"{run['cpu_s']:.1f}"]
                     + [f"{seconds(run, s):.2f}" for s in STAGES]
                     + [f"{run['stages']['extract']['rows'] or 0:,}", f"{run['stages']['load']['rows'] or 0:,}",
                        f"{run['peak_rss_mib']:,.0f}", f"{run['warehouse_mb']:,.0f}"])
    widths = [max(len(row[c]) for row in table) for c in range(len(header))]
    for row in table:
        print("  ".join(cell.ljust(widths[0]) if c == 0 else cell.rjust(widths[c]) for c, cell in enumerate(row)))
    print()
    for name in ("append_jobs1", "append_jobs2"):
        run = runs[name]
        verdict = "PASS" if run["meets_requirement"] else "FAIL"
        print(f"{name}: staged {run['stages']['load']['rows']:,} usage rows in {seconds(run, 'load'):.1f} s = "
              f"{run['load_rows_per_s']:,} rows/s (required >= {REQUIRED_ROWS_PER_S:,}): {verdict}")
    print(f"append_jobs2_rerun: usage file skipped (load rows 0), load stage {seconds(rerun, 'load'):.2f} s "
          f"(fingerprint of {usage_mb:,.0f} MB: {rerun['fingerprint_mb_per_s']:,} MB/s), "
          f"warehouse {rerun['warehouse_mb']:,.0f} MB")
    print(f"\nwritten to {os.path.join(RESULTS, 'run-pipeline.json')}")
    if not all(verdicts):
        sys.exit(1)


if __name__ == "__main__":
    main()
