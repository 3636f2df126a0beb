#!/usr/bin/env bash
# Benchmark: our full run, our rerun after a 1 % next drop, and the same job written as DuckDB SQL
# (src/test/java/org/industrygaps/bench/DuckDbGapJob.java), on the same generated files, in one
# invocation, alternating and repeated. Prints medians, ratios, peak RSS of each JVM and rows per
# second, and writes them to docs/performance.md.
#
#   jobs/benchmark.sh [--observations N] [--years Y] [--repeat R] [--heap SIZE] [--work DIR] [--no-doc]
#                     [--full-only]
#
# --full-only measures the two full runs and skips the reruns (a growth measurement at 50 million
# observations, where each of our runs takes half an hour).
#
# Defaults: 10,000,000 observations over 30 years (more than 25,797,420 need more years: see
# generate), 3 repeats, a 1g heap for every JVM, work in target/bench.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

invocation="jobs/benchmark.sh $*"
observations=10000000 years=30 repeat=3 heap=1g work=target/bench doc=yes reruns=yes
while [[ $# -gt 0 ]]; do
  case "$1" in
    --observations) observations="$2"; shift 2 ;;
    --years) years="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --heap) heap="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --no-doc) doc=no; shift ;;
    --full-only) reruns=no; shift ;;
    *) echo "usage: $0 [--observations N] [--years Y] [--repeat R] [--heap SIZE] [--work DIR] [--no-doc] [--full-only]" >&2; exit 2 ;;
  esac
done

echo "benchmark: building ..." >&2
mvn -q -B -DskipTests package test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >&2
cp="target/industry-gaps.jar:target/test-classes:$(cat target/test-classpath.txt)"
# Every JVM as jobs/run-local.sh starts ours over large drops ("full"): the same heap, the same
# collector and JIT flags (jobs/batch-jvm.sh).
# shellcheck source=jobs/batch-jvm.sh
source "$root/jobs/batch-jvm.sh"
jvm=(java -Xmx"$heap" ${gc_flags[@]+"${gc_flags[@]}"} "${full_jit_flags[@]}" $(cat target/jvm.options)
     -Dlog4j2.configurationFile="$root/jobs/log4j2.properties")
export SPARK_LOCAL_IP=127.0.0.1

data="$work/data-$observations"
if [[ "$years" != 30 ]]; then data="$data-$years-years"; fi
if [[ ! -d "$data/inbox" ]]; then
  echo "benchmark: generating $observations observations in $data ..." >&2
  "${jvm[@]}" -cp "$cp" org.industrygaps.cli.Main generate --out "$data" --observations "$observations" \
    --years "$years" >&2
fi
# The rerun's inbox: the full drop and the next drop side by side (links, no copies).
mkdir -p "$work/inbox-next"
ln -sfn "$(cd "$data/inbox" && pwd)"/* "$work/inbox-next/"
ln -sfn "$(cd "$data/next-drop" && pwd)"/* "$work/inbox-next/"
input_rows=$(( $(cat "$data"/inbox/*/*.csv | wc -l) - $(ls "$data"/inbox/*/*.csv | wc -l) ))

# Runs a command under GNU time; appends "label seconds peak_rss_kb" to the results.
results="$work/results.txt"
: > "$results"
measure() {
  local label="$1"; shift
  local t="$work/time.txt"
  if ! /usr/bin/time -f "%e %M" -o "$t" "$@" > "$work/$label.log" 2>&1; then
    echo "benchmark: $label failed, see $work/$label.log" >&2
    tail -5 "$work/$label.log" >&2
    exit 1
  fi
  echo "$label $(cat "$t")" >> "$results"
  echo "  $label: $(cut -d' ' -f1 "$t") s, peak RSS $(( $(cut -d' ' -f2 "$t") / 1024 )) MiB" >&2
}

for i in $(seq 1 "$repeat"); do
  echo "benchmark: round $i of $repeat" >&2
  rm -rf "$work/out-full" "$work/out-rerun" "$work/duck-full" "$work/duck-next"
  measure ours_full "${jvm[@]}" -cp "$cp" org.industrygaps.cli.Main run \
    --conf "$data/conf" --inbox "$data/inbox" --out "$work/out-full"
  measure duckdb_full "${jvm[@]}" -cp "$cp" org.industrygaps.bench.DuckDbGapJob \
    "$data/conf" "$data/inbox" "$work/duck-full"
  if [[ "$reruns" == no ]]; then continue; fi
  cp -r "$work/out-full" "$work/out-rerun"
  measure ours_rerun "${jvm[@]}" -cp "$cp" org.industrygaps.cli.Main run \
    --conf "$data/conf" --inbox "$work/inbox-next" --out "$work/out-rerun"
  measure duckdb_next "${jvm[@]}" -cp "$cp" org.industrygaps.bench.DuckDbGapJob \
    "$data/conf" "$work/inbox-next" "$work/duck-next"
done

# The two engines must agree before their times mean anything.
python3 - "$work/out-full/reports/latest/csv/all_industries.csv" "$work/duck-full/all_industries.csv" <<'PY'
import csv, sys
ours = {(r["industry"], r["indicator"], r["region"], r["target_year"]): r
        for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig"))}
duck = {(r["industry"], r["indicator"], r["region"], r["target_year"]): r
        for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))}
assert ours.keys() == duck.keys(), "different targets"
def close(a, b):
    # Relative: a province sum of half a billion differs in its last bits when added in another
    # order (4e-15 relative at 50 million observations).
    a, b = float(a or 0), float(b or 0)
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
bad = [k for k in ours if ours[k]["status"] != duck[k]["status"]
       or not close(ours[k]["gap_to_target"], duck[k]["gap_to_target"])]
print(f"  check: {len(ours)} gap rows, {len(bad)} differ between ours and DuckDB", file=sys.stderr)
sys.exit(1 if bad else 0)
PY

report=$(python3 - "$results" "$input_rows" "$observations" "$heap" "$repeat" "${gc_flags[*]:-} ${full_jit_flags[*]}" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    label, secs, rss = line.split()
    rows.setdefault(label, []).append((float(secs), int(rss)))
n, obs, heap, repeat = int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
med = {k: statistics.median(s for s, _ in v) for k, v in rows.items()}
peak = {k: max(r for _, r in v) // 1024 for k, v in rows.items()}
out = [f"| run | median s | runs (s) | peak RSS MiB | rows/s |", "|---|---|---|---|---|"]
for k in (k for k in ("ours_full", "duckdb_full", "ours_rerun", "duckdb_next") if k in rows):
    runs = ", ".join(f"{s:.1f}" for s, _ in rows[k])
    out.append(f"| {k} | {med[k]:.1f} | {runs} | {peak[k]} | {n / med[k]:,.0f} |")
out.append("")
out.append(f"- full run / DuckDB full: **{med['ours_full'] / med['duckdb_full']:.2f}×**")
if "ours_rerun" in rows:
    out.append(f"- rerun after the 1 % next drop / DuckDB recomputing both drops: **{med['ours_rerun'] / med['duckdb_next']:.2f}×**")
out.append(f"- {n:,} input rows, {repeat} rounds, every JVM with -Xmx{heap} {sys.argv[6]}".rstrip())
print("\n".join(out))
PY
)
echo "$report"
if [[ "$doc" == yes ]]; then
  python3 - "$report" "$observations" "$repeat" "$heap" "$invocation" <<'PY'
import os, platform, subprocess, sys, datetime, re
report, obs, repeat, heap, invocation = sys.argv[1:6]
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal"))
section = (f"## {obs} observations ({datetime.date.today()})\n\n"
           f"Command: `{invocation}`\n\n"
           f"Machine: {os.cpu_count()} cores ({cpu}), {int(mem) // 1024 // 1024} GiB, {java}, "
           f"load average at the end {os.getloadavg()[0]:.1f}\n\n{report}\n")
path = "docs/performance.md"
text = open(path).read() if os.path.exists(path) else ""
marker = f"## {obs} observations ("
start = text.find(marker)
if start >= 0:
    end = text.find("\n## ", start + 1)
    text = text[:start] + section + (text[end + 1:] if end >= 0 else "")
else:
    text = text.rstrip() + "\n\n" + section if text else section
open(path, "w").write(text)
PY
  echo "benchmark: figures written to docs/performance.md" >&2
fi
