#!/usr/bin/env python3
"""Parse-throughput benchmark: Pulse's extract stage against DuckDB's read_csv on the same file.

Generates the benchmark-scale sample once (pulse sample --accounts 50000 --months 36) into
benchmarks/data/, then measures in the same run, on the same cores:
  - Pulse reading product/usage_events.csv (pulse validate --source usage_events) with --jobs 1
    and with all cores: MB/s, rows/s, peak resident memory;
  - Pulse reading helpdesk/tickets.jsonl (--source tickets) with --jobs 1;
  - DuckDB read_csv on usage_events.csv with 1 thread and with all cores (every column parsed:
    min/max timestamp, distinct accounts, users and events, sum of count);
  - peak memory of Pulse on the first half of the file against the whole file (memory must not
    grow with the file).
Results are printed and written to benchmarks/results/parse-throughput.json. Not a test.
"""
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "benchmarks", "data", "bench-50000x36")
RESULTS = os.path.join(ROOT, "benchmarks", "results")
PULSE = os.path.join(ROOT, ".build", "release", "pulse")
CORES = os.cpu_count() or 1


def timed(cmd):
    """Runs cmd under /usr/bin/time -v: (seconds, peak RSS MiB, stdout)."""
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 3):
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr}")
    rss = 0
    for line in proc.stderr.splitlines():
        if "Maximum resident set size" in line:
            rss = int(line.split(":")[1]) / 1024
    return seconds, rss, proc.stdout


def best(cmd, repeat=3):
    runs = [timed(cmd) for _ in range(repeat)]
    return min(runs, key=lambda r: r[0])


def main():
    subprocess.run(["swift", "build", "-c", "release", "--product", "pulse"], cwd=ROOT, check=True)
    if not os.path.exists(os.path.join(DATA, "product", "usage_events.csv")):
        print("generating the benchmark sample (50,000 accounts, 36 months)…", flush=True)
        t, _, out = timed([PULSE, "sample", "--out", DATA, "--accounts", "50000", "--months", "36"])
        print(out, f"generated in {t:.1f} s", flush=True)
    pipeline = os.path.join(DATA, "bench.yml")
    with open(pipeline, "w") as f:
        f.write("data: .\n")
    usage = os.path.join(DATA, "product", "usage_events.csv")
    tickets = os.path.join(DATA, "helpdesk", "tickets.jsonl")
    usage_mb = os.path.getsize(usage) / 1e6
    tickets_mb = os.path.getsize(tickets) / 1e6
    with open(usage, "rb") as f:
        rows = sum(buf.count(b"\n") for buf in iter(lambda: f.read(1 << 24), b"")) - 1
    results = {"cores": CORES, "usage_events_mb": round(usage_mb, 1), "usage_events_rows": rows,
               "tickets_mb": round(tickets_mb, 1)}

    for jobs in sorted({1, CORES}):
        t, rss, _ = best([PULSE, "validate", pipeline, "--source", "usage_events", "--jobs", str(jobs)])
        results[f"pulse_usage_jobs{jobs}"] = {"seconds": round(t, 3), "mb_per_s": round(usage_mb / t, 1),
                                              "rows_per_s": round(rows / t), "peak_rss_mib": round(rss, 1)}
    t, rss, _ = best([PULSE, "validate", pipeline, "--source", "tickets", "--jobs", "1"])
    results["pulse_tickets_jobs1"] = {"seconds": round(t, 3), "mb_per_s": round(tickets_mb / t, 1), "peak_rss_mib": round(rss, 1)}

    # Memory must not grow with the file: the first half of the usage file against the whole.
    half_dir = os.path.join(DATA, "half")
    os.makedirs(os.path.join(half_dir, "product"), exist_ok=True)
    half = os.path.join(half_dir, "product", "usage_events.csv")
    if not os.path.exists(half):
        with open(usage, "rb") as src, open(half, "wb") as dst:
            target = os.path.getsize(usage) // 2
            written = 0
            for line in src:
                dst.write(line)
                written += len(line)
                if written >= target:
                    break
    with open(os.path.join(half_dir, "bench.yml"), "w") as f:
        f.write("data: .\n")
    t, rss, _ = best([PULSE, "validate", os.path.join(half_dir, "bench.yml"), "--source", "usage_events", "--jobs", str(CORES)], 1)
    results["pulse_usage_half_file_peak_rss_mib"] = round(rss, 1)

    try:
        import duckdb  # noqa: F401
        have_duckdb = True
    except ImportError:
        have_duckdb = False
        print("duckdb is not installed: pip install duckdb", file=sys.stderr)
    if have_duckdb:
        for threads in sorted({1, CORES}):
            script = (
                "import duckdb,sys; c=duckdb.connect(); c.execute('SET enable_progress_bar=false'); c.execute('SET threads=%d');"
                "print(c.execute(\"SELECT count(*), min(timestamp)::VARCHAR, max(timestamp)::VARCHAR, count(DISTINCT account_id), "
                "count(DISTINCT user_id), count(DISTINCT event), sum(count) FROM read_csv('%s', header=true)\").fetchall())"
                % (threads, usage))
            t, rss, out = best([sys.executable, "-c", script])
            results[f"duckdb_usage_threads{threads}"] = {"seconds": round(t, 3), "mb_per_s": round(usage_mb / t, 1),
                                                         "rows_per_s": round(rows / t), "peak_rss_mib": round(rss, 1),
                                                         "result": out.strip()}
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "parse-throughput.json"), "w") as f:
        json.dump(results, f, indent=2)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
