#!/usr/bin/env bash
# industry-gaps on a Spark cluster (YARN, Kubernetes, standalone) through $SPARK_HOME/bin/spark-submit.
#
#   jobs/submit.sh [SPARK-SUBMIT OPTIONS] -- [COMMAND] [--conf DIR] [--inbox DIR] [--out DIR]
#
# Adds only what the spark-submit options, --properties-file and spark-defaults.conf leave unset:
# driver and executor memory, spark.sql.shuffle.partitions, the Java 17 module options. A local
# --conf folder (default: this repository's conf/) is read in place by a client-mode driver and
# shipped with --files in cluster mode; a --conf URI (hdfs://, s3a://, file://) passes through, as
# do --inbox and --out, which on a cluster must be URIs every machine reaches.
# Exit status: spark-submit's; in client mode that is the job's own (docs/cluster.md).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/industry-gaps.jar"

die() {
  echo "jobs/submit.sh: $*" >&2
  exit 2 # bad usage or configuration, like the job itself
}

[[ -n "${SPARK_HOME:-}" ]] ||
  die "SPARK_HOME is not set: point it at a Spark 4.2 installation (the folder with bin/spark-submit)"
submit="$SPARK_HOME/bin/spark-submit"
[[ -x "$submit" ]] || die "$submit is missing: SPARK_HOME=$SPARK_HOME is not a Spark installation"

spark_opts=()
job_args=()
for ((i = 1; i <= $#; i++)); do
  if [[ "${!i}" == -- ]]; then
    job_args=("${@:i+1}")
    break
  fi
  spark_opts+=("${!i}")
done

# What the user set, so that a default never overrides it.
declare -A given=()
props_files=("${SPARK_CONF_DIR:-$SPARK_HOME/conf}/spark-defaults.conf")
passthrough=()
files=""
n=${#spark_opts[@]}
for ((i = 0; i < n; i++)); do
  opt="${spark_opts[i]}"
  value=""
  if [[ "$opt" == --*=* ]]; then
    value="${opt#*=}"
    opt="${opt%%=*}"
  elif ((i + 1 < n)); then
    value="${spark_opts[i + 1]}"
  fi
  case "$opt" in
    --files)
      # Merged with the conf files below: spark-submit keeps only the last --files.
      files="$value"
      [[ "${spark_opts[i]}" == *=* ]] || i=$((i + 1))
      continue
      ;;
    --conf | -c) given["${value%%=*}"]="${value#*=}" ;;
    --master) given[spark.master]="$value" ;;
    --deploy-mode) given[spark.submit.deployMode]="$value" ;;
    --driver-memory) given[spark.driver.memory]="$value" ;;
    --executor-memory) given[spark.executor.memory]="$value" ;;
    --driver-java-options) given[spark.driver.extraJavaOptions]="$value" ;;
    --properties-file) props_files+=("$value") ;;
  esac
  passthrough+=("${spark_opts[i]}")
done

# The value of a Spark property the user set (options first, then the properties files).
setting() {
  local key="$1" f
  if [[ -v "given[$key]" ]]; then
    printf '%s' "${given[$key]}"
    return 0
  fi
  for f in "${props_files[@]}"; do
    [[ -f "$f" ]] || continue
    if grep -Eq "^[[:space:]]*${key//./\\.}([[:space:]=:]|$)" "$f"; then
      sed -nE "s/^[[:space:]]*${key//./\\.}[[:space:]=:]+//p" "$f" | tail -1
      return 0
    fi
  done
  return 1
}

defaults=()
default() {
  setting "$1" >/dev/null || defaults+=(--conf "$1=$2")
}

# Built on first use and after a source change, like jobs/run-local.sh.
if [[ ! -f "$jar" || ! -f "$root/target/jvm.options" ||
  -n "$(cd "$root" && find pom.xml src -newer "$jar" -print -quit 2>/dev/null)" ]]; then
  echo "jobs/submit.sh: building the application jar ..." >&2
  (cd "$root" && mvn -q -B -DskipTests package >&2)
fi

[[ -n "${SPARK_DRIVER_MEMORY:-}" ]] || default spark.driver.memory 1g
[[ -n "${SPARK_EXECUTOR_MEMORY:-}" ]] || default spark.executor.memory 2g
default spark.sql.shuffle.partitions 16
# The flags Spark needs on Java 17+: one source, the pom (built into target/jvm.options).
module_options="$(cat "$root/target/jvm.options")"
default spark.driver.extraJavaOptions "$module_options"
default spark.executor.extraJavaOptions "$module_options"

deploy_mode="$(setting spark.submit.deployMode || echo client)"
master="$(setting spark.master || true)"
# A standalone cluster-mode spark-submit returns at submission unless told to wait: a scheduler
# needs it to wait and fail with the driver.
standalone_cluster=false
if [[ "$deploy_mode" == cluster && "$master" == spark://* ]]; then
  standalone_cluster=true
  default spark.standalone.submit.waitAppCompletion true
fi

# The job's own options: only --conf changes; the rest passes through as given.
conf="$root/conf"
app_args=()
for ((i = 0; i < ${#job_args[@]}; i++)); do
  if [[ "${job_args[i]}" == --conf ]]; then
    ((i + 1 < ${#job_args[@]})) || die "--conf needs a value"
    i=$((i + 1))
    conf="${job_args[i]}"
  else
    app_args+=("${job_args[i]}")
  fi
done
if [[ "$conf" =~ ^[A-Za-z][A-Za-z0-9+.-]*: ]]; then
  conf_arg="$conf" # hdfs://, s3a://, file://, spark-files: are read by the driver as given
else
  [[ -d "$conf" ]] || die "--conf $conf: no such folder"
  conf="$(cd "$conf" && pwd)"
  if [[ "$deploy_mode" == cluster ]]; then
    # The driver runs elsewhere: ship the files, the driver finds them (--conf spark-files:).
    shopt -s nullglob
    yaml=("$conf"/*.yaml)
    shopt -u nullglob
    ((${#yaml[@]} > 0)) || die "--conf $conf: no .yaml file in it"
    shipped="$(IFS=,; echo "${yaml[*]}")"
    files="${files:+$files,}$shipped"
    conf_arg="spark-files:"
  else
    # The driver runs here; file:// keeps a cluster's default file system (HDFS) out of it.
    conf_arg="file://$conf"
  fi
fi
[[ -z "$files" ]] || passthrough+=(--files "$files")

command=("$submit" --class org.industrygaps.cli.Main
  ${defaults[@]+"${defaults[@]}"} ${passthrough[@]+"${passthrough[@]}"}
  "$jar" --conf "$conf_arg" ${app_args[@]+"${app_args[@]}"})
# The exact command, for the scheduler's log.
echo "jobs/submit.sh: $(printf '%q ' "${command[@]}")" >&2
if ! $standalone_cluster; then
  exec "${command[@]}"
fi
# Spark's standalone client exits 0 whatever the driver's final state: read the state it prints.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
"${command[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
if ((status == 0)) && grep -Eq "State of driver [^ ]+ is (FAILED|ERROR|KILLED)" "$log"; then
  echo "jobs/submit.sh: the driver failed; its log is in the worker's work folder" >&2
  status=1
fi
exit "$status"
