#!/usr/bin/env bash
# Writes an inbox of synthetic drops with ROWS rows in all, in the canonical long format, with the
# regions, industries and indicators of a conf/ folder: to show how the job scales (docs/cluster.md).
#
#   jobs/gen-sample-scale.sh ROWS INBOX [CONF]      e.g. jobs/gen-sample-scale.sh 200000 target/scale-1x/drops
#
# Every (year, region, industry, indicator) appears once per drop, so a drop holds at most
# years x regions x industries x indicators rows and more rows make more drops (each later drop
# revises the earlier values). One row in 1000 names an unknown region, to fill rejected_rows.csv.
# The values are illustrative, never statistics.
set -euo pipefail
if (($# < 2)); then
  sed -n 's/^#   //p' "$0" >&2
  exit 2
fi
rows="$1"
inbox="$2"
conf="${3:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/conf}"

# The codes, read from conf/ (the YAML is regular enough for sed): all regions, the ten
# industries (not plan_wide), the indicators with a fixed canonical unit before the plan-wide ones.
regions="$(sed -nE 's/^ *(- )?code: "([0-9]{6})".*/\2/p' "$conf/regions.yaml" | tr '\n' ' ')"
industries="$(sed -nE 's/^  - code: ([a-z_0-9]+).*/\1/p' "$conf/plan.yaml" | tr '\n' ' ')"
indicators="$(awk '/Plan-wide/ {exit} /^  - code:/ {code = $3} /^    unit:/ && code {print code ":" $2; code = ""}' \
  "$conf/indicators.yaml" | tr '\n' ' ')"
[[ -n "$regions" && -n "$industries" && -n "$indicators" ]] || {
  echo "gen-sample-scale.sh: no regions, industries or indicators found in $conf" >&2
  exit 2
}

rm -rf "$inbox"
mkdir -p "$inbox"
awk -v rows="$rows" -v inbox="$inbox" -v regions="$regions" -v industries="$industries" \
  -v indicators="$indicators" 'BEGIN {
  nr = split(regions, region, " "); ni = split(industries, industry, " ")
  nk = split(indicators, indicator, " ")
  first_year = 1990; years = 2035 - first_year + 1
  per_drop = years * nr * ni * nk
  for (n = 0; n < rows; n++) {
    k = n % per_drop
    if (k == 0) {
      if (file) close(file)
      drop = sprintf("2030-01-01-scale-%04d", n / per_drop + 1)
      system("mkdir -p \"" inbox "/" drop "\"")
      file = inbox "/" drop "/observations.csv"
      print "year,region,industry,indicator,value,unit,source" > file
    }
    y = first_year + k % years; k = int(k / years)
    r = region[k % nr + 1]; k = int(k / nr)
    i = industry[k % ni + 1]; k = int(k / ni)
    split(indicator[k % nk + 1], code_unit, ":")
    if (n % 1000 == 999) r = "火星市"
    printf "%d,%s,%s,%s,%.2f,%s,synthetic (gen-sample-scale.sh)\n", y, r, i, code_unit[1], \
      10 + (n * 7919) % 100000 / 100, code_unit[2] > file
  }
  close(file)
}'
echo "gen-sample-scale.sh: $rows rows in $(find "$inbox" -name '*.csv' | wc -l) drop(s) under $inbox" >&2
