#!/usr/bin/env bash
# For cron: runs jobs/submit.sh only when the inbox holds a drop that the warehouse has not
# ingested yet (a drop folder without out/warehouse/drops/<drop>.json). Same arguments as
# jobs/submit.sh; --inbox and --out are required.
#
#   jobs/cron/run-on-new-drop.sh [SPARK-SUBMIT OPTIONS] -- [COMMAND] --inbox URI --out URI [...]
#
# Silent when there is nothing new or the run succeeds (cron mails any output): the job's log goes
# to INDUSTRY_GAPS_LOG_DIR (default ~/industry-gaps-logs). On failure it prints one line and exits
# with the job's status: 1 failure, 2 bad usage or configuration, 3 input rejected beyond the limit.
# A failed drop stays new, so the next tick runs (and alerts) again until it is fixed.
set -euo pipefail
jobs_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log_dir="${INDUSTRY_GAPS_LOG_DIR:-$HOME/industry-gaps-logs}"

inbox=""
out=""
after_dashes=false
prev=""
for a in "$@"; do
  if $after_dashes; then
    case "$prev" in
      --inbox) inbox="$a" ;;
      --out) out="$a" ;;
    esac
  elif [[ "$a" == -- ]]; then
    after_dashes=true
  fi
  prev="$a"
done
if [[ -z "$inbox" || -z "$out" ]]; then
  echo "run-on-new-drop.sh: give the job's --inbox and --out after --" >&2
  exit 2
fi

is_local() { [[ "$1" == file:* || ! "$1" =~ ^[A-Za-z][A-Za-z0-9+.-]*: ]]; }
for dir in "$inbox" "$out"; do
  if ! is_local "$dir" && ! command -v hdfs >/dev/null; then
    echo "run-on-new-drop.sh: $dir needs the hdfs command (a Hadoop client) on this machine" >&2
    exit 2
  fi
done

# Names of the entries of a folder (none when it does not exist yet).
names() {
  local dir="$1"
  if is_local "$dir"; then
    dir="${dir#file:}"
    while [[ "$dir" == //* ]]; do dir="${dir#/}"; done # file:///x and file:/x are /x
    if [[ -d "$dir" ]]; then ls -1 "$dir"; fi
  else
    hdfs dfs -ls -C "$dir" 2>/dev/null | sed 's:.*/::' || true
  fi
}

# Drop folders (the job skips names starting with . or _: copy a drop in under such a name and
# rename it when complete) that are not registered in the warehouse.
new_drops=()
registered="$(names "$out/warehouse/drops")"
while IFS= read -r drop; do
  [[ -n "$drop" && "$drop" != .* && "$drop" != _* ]] || continue
  grep -qxF "$drop.json" <<<"$registered" || new_drops+=("$drop")
done < <(names "$inbox")
((${#new_drops[@]} > 0)) || exit 0

# One run at a time per output folder: a tick that comes while the job runs leaves it alone.
lock="${TMPDIR:-/tmp}/industry-gaps-$(tr -c 'A-Za-z0-9' _ <<<"$out").lock"
exec 9>"$lock"
flock -n 9 || exit 0

mkdir -p "$log_dir"
log="$log_dir/$(date -u +%Y%m%dT%H%M%SZ).log"
echo "new drop(s): ${new_drops[*]}" >"$log"
status=0
"$jobs_dir/submit.sh" "$@" >>"$log" 2>&1 || status=$?
case "$status" in
  0) exit 0 ;;
  2) meaning="bad usage or configuration" ;;
  3) meaning="input rejected beyond the configured limit" ;;
  *) meaning="failure" ;;
esac
echo "industry-gaps: FAILED with exit status $status ($meaning) on drop(s) ${new_drops[*]}; log: $log"
exit "$status"
