#!/usr/bin/env bash
# The job on a real Spark standalone cluster on this machine: lays out a SPARK_HOME from the Spark
# jars on Maven Central, starts a master and a worker on 127.0.0.1, submits the application jar
# through jobs/submit.sh in client and in cluster deploy mode, and checks that each report set
# equals the one of a local run (jobs/run-local.sh).
#
#   jobs/cluster-test.sh     last line: "cluster-test: N passed, M failed"; exit status 0 when all pass
#
# Spark's bin/ and sbin/ scripts are not on Maven Central: the master and the worker are started
# with java directly, and bin/spark-submit is a short version of Spark's own (the launcher builds
# the java command). Everything lands under target/ (logs in target/cluster-test/). Loopback only:
# every Spark process binds to and advertises 127.0.0.1.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

work="$root/target/cluster-test"
export SPARK_HOME="$root/target/spark-home"
export SPARK_SCALA_VERSION=2.13
export SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_HOSTNAME=127.0.0.1
# Every JVM here is short-lived on a 2-core machine: the quick JIT alone halves their CPU time.
export JAVA_TOOL_OPTIONS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
modes=(client cluster)
start_timeout=120 # seconds for a daemon to come up
job_timeout=600   # seconds for one run of the job (the machine may be shared and slow)

passed=0
pids=()
say() { echo "cluster-test: $*"; }

# Stops what this script started, newest first (the worker stops its executors and drivers).
finish() {
  local status=$? pid i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    pid="${pids[i]}"
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 30); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    kill -9 "$pid" 2>/dev/null || true
  done
  ((${#pids[@]} == 0)) || say "stopped the master and the worker (pids ${pids[*]})"
  echo "cluster-test: $passed passed, $((${#modes[@]} - passed)) failed"
  if ((status == 0 && passed < ${#modes[@]})); then status=1; fi
  exit "$status"
}
trap finish EXIT
trap 'exit 130' INT TERM

# Waits until FILE has a line matching PATTERN, while PID lives; bounded.
wait_for() {
  local pattern="$1" file="$2" pid="$3" t
  for ((t = 0; t < start_timeout; t++)); do
    grep -q "$pattern" "$file" 2>/dev/null && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      say "process $pid ended before '$pattern'; see $file"
      return 1
    fi
    sleep 1
  done
  say "no '$pattern' in $file after ${start_timeout}s"
  return 1
}

rm -rf "$work"
mkdir -p "$work"
began=$SECONDS

# 1. SPARK_HOME: Spark's jars with all their runtime dependencies, the versions of the pom.
spark_version="$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' pom.xml)"
if ! grep -qs "^Spark $spark_version " "$SPARK_HOME/RELEASE"; then
  say "laying out SPARK_HOME=$SPARK_HOME (Spark $spark_version jars from Maven Central) ..."
  rm -rf "$SPARK_HOME"
  mvn -q -B -ntp dependency:copy-dependencies -DincludeScope=provided \
    -DoutputDirectory="$SPARK_HOME/jars"
  mkdir -p "$SPARK_HOME/bin"
  cat >"$SPARK_HOME/bin/spark-submit" <<'EOF'
#!/usr/bin/env bash
# spark-submit of the SPARK_HOME of jobs/cluster-test.sh: Spark's bin/spark-class in short.
set -euo pipefail
SPARK_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SPARK_HOME
# The launcher prints its messages, an empty line, then the java command NUL-separated.
command=()
delim=$'\n'
started=false
while IFS= read -r -d "$delim" arg; do
  if $started; then
    command+=("$arg")
  elif [[ -z "$arg" ]]; then
    delim=''
    started=true
  else
    echo "$arg" >&2
  fi
done < <(
  java -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main \
    org.apache.spark.deploy.SparkSubmit "$@"
  printf '%d\0' $?
)
status="${command[${#command[@]} - 1]}"
unset 'command[${#command[@]}-1]'
[[ "$status" == 0 ]] || exit "$status"
exec "${command[@]}"
EOF
  chmod +x "$SPARK_HOME/bin/spark-submit"
  echo "Spark $spark_version built for Hadoop (jars of Maven Central, laid out by jobs/cluster-test.sh)" \
    >"$SPARK_HOME/RELEASE"
fi

# 2. The reference: the same job with the embedded local Spark (builds the jar when needed).
say "local run (reference) ..."
t=$SECONDS
if ! timeout "$job_timeout" jobs/run-local.sh run --out "$work/local" >"$work/local.log" 2>&1; then
  say "the local run failed; see $work/local.log"
  exit 1
fi
say "local run: $((SECONDS - t))s"

# 3. A master and a worker. Port 0: free ports picked by the OS (read back from the logs), so
# that two tests on one machine never collide; the REST gateway (fixed port 6066) stays off.
read -r -a module_options <"$root/target/jvm.options"
daemon=(java -Xmx512m "${module_options[@]}" -cp "$SPARK_HOME/jars/*")
"${daemon[@]}" -Dspark.master.rest.enabled=false org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port 0 --webui-port 0 >"$work/master.log" 2>&1 &
pids+=($!)
wait_for "I have been elected leader" "$work/master.log" "${pids[0]}"
master_url="$(sed -n 's/.*Starting Spark master at \(spark:[^ ]*\).*/\1/p' "$work/master.log")"
ui_port="$(sed -n "s/.*Successfully started service 'MasterUI' on port \([0-9]*\).*/\1/p" "$work/master.log")"
master_json="http://127.0.0.1:$ui_port/json/"
say "master $master_url (pid ${pids[0]}), state at $master_json"

"${daemon[@]}" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 2 --memory 4g \
  --webui-port 0 --work-dir "$work/worker" "$master_url" >"$work/worker.log" 2>&1 &
pids+=($!)
wait_for "Successfully registered with master" "$work/worker.log" "${pids[1]}"
worker_id="$(curl -fsS --noproxy '*' --max-time 10 "$master_json" |
  sed -n 's/.*"id" : "\(worker-[^"]*\)".*/\1/p' | head -1)"
say "worker $worker_id (pid ${pids[1]}), 2 cores, 4g"

# The state of application or driver ID in the master's JSON (its first "state" after the id).
master_state() {
  curl -fsS --noproxy '*' --max-time 10 "$master_json" |
    awk -v id="\"$1\"" '$0 ~ "\"id\" : " id {found = 1} found && /"state" :/ {
      gsub(/.*"state" : "|".*/, ""); print; exit }'
}

# Waits (bounded) until ID has one of the final states; prints it.
final_state() {
  local id="$1" state="" t
  for ((t = 0; t < start_timeout; t++)); do
    state="$(master_state "$id" || true)"
    case "$state" in FINISHED | FAILED | ERROR | KILLED) break ;; esac
    sleep 1
  done
  echo "${state:-unknown}"
}

# The report rows of run folder GOT equal those of WANT: every CSV byte for byte (no run id or
# time in them), and the row counts of manifest.json (Parquet outputs and files read).
same_reports() {
  local got="$1/reports/latest" want="$2/reports/latest" f ok=true
  if [[ ! -f "$got/manifest.json" ]]; then
    say "  no report set in $got"
    return 1
  fi
  if ! diff <(cd "$want" && ls csv) <(cd "$got" && ls csv) >/dev/null; then
    say "  not the same CSV files as the local run in $got/csv"
    ok=false
  fi
  for f in "$want"/csv/*.csv "$want"/rejected_rows.csv; do
    f="${f#"$want"/}"
    if ! cmp -s "$want/$f" "$got/$f"; then
      say "  $f differs from the local run's"
      ok=false
    fi
  done
  counts() { grep -E '^ *"(name|file|rows|rows_read|rows_accepted|rows_rejected)" :' "$1/manifest.json"; }
  if ! diff <(counts "$want") <(counts "$got") >"$work/manifest.diff"; then
    say "  manifest.json row counts differ from the local run's: $work/manifest.diff"
    ok=false
  fi
  $ok
}

# 4. The job in each deploy mode, each into its own --out, every path a file:// URI.
for mode in "${modes[@]}"; do
  say "$mode deploy mode ..."
  t=$SECONDS
  out="$work/$mode"
  status=0
  # Few shuffle partitions: the sample is tiny and the machine small (the local run uses 4 too).
  timeout "$job_timeout" jobs/submit.sh --master "$master_url" --deploy-mode "$mode" \
    --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
    --conf spark.ui.enabled=false --conf spark.sql.shuffle.partitions=4 \
    -- run --inbox "file://$root/data-sample/drops" --out "file://$out" \
    >"$work/$mode.log" 2>&1 || status=$?
  ok=true
  if ((status != 0)); then
    say "  jobs/submit.sh exited $status; see $work/$mode.log"
    ok=false
  fi

  # The driver's log: here in client mode, on the worker in cluster mode.
  driver_log="$work/$mode.log"
  driver_id=""
  if [[ "$mode" == cluster ]]; then
    driver_id="$(sed -n 's/.*Driver successfully submitted as \(driver-[0-9-]*\).*/\1/p' "$driver_log")"
    driver_log="$work/worker/$driver_id/stderr"
    if [[ -z "$driver_id" ]]; then
      say "  no driver id in $work/$mode.log"
      ok=false
    else
      driver_state="$(final_state "$driver_id")"
      say "  driver $driver_id ran on $worker_id: $driver_state (master)"
      [[ "$driver_state" == FINISHED ]] || ok=false
    fi
  fi
  app_id="$(sed -n 's/.*Connected to Spark cluster with app ID \(app-[0-9-]*\).*/\1/p' \
    "$driver_log" 2>/dev/null | head -1)"
  if [[ -z "$app_id" ]]; then
    say "  no application id in $driver_log"
    ok=false
  else
    app_state="$(final_state "$app_id")"
    executors="$(grep -c "Asked to launch executor $app_id/" "$work/worker.log" || true)"
    tasks="$(cat "$work/worker/$app_id"/*/stderr 2>/dev/null | grep -c "Finished task" || true)"
    say "  application $app_id: $app_state (master); $executors executor(s) on $worker_id ran $tasks tasks"
    [[ "$app_state" == FINISHED && "$executors" -ge 1 && "$tasks" -ge 1 ]] || ok=false
  fi

  if $ok && same_reports "$out" "$work/local"; then
    rows="$(($(grep -c '' "$out/reports/latest/csv/all_industries.csv") - 1))"
    say "  reports equal the local run's ($rows gap rows, every CSV and Parquet row count)"
  else
    ok=false
  fi
  if $ok; then
    passed=$((passed + 1))
    say "$mode: PASS in $((SECONDS - t))s"
  else
    say "$mode: FAIL in $((SECONDS - t))s (logs in $work)"
  fi
done

say "applications on the master: $(curl -fsS --noproxy '*' --max-time 10 "$master_json" |
  sed -n 's/.*"id" : "\(app-[^"]*\)".*/\1/p' | sort | tr '\n' ' ')"
say "total $((SECONDS - began))s"
