#!/usr/bin/env bash
# Writes docs/data-dictionary.md from the report schemas (src/main/java/org/industrygaps/report/
# ColumnDictionary.java). Commit the result: a test fails when the committed file is stale.
#
#   jobs/data-dictionary.sh [FILE]      (default docs/data-dictionary.md; - for standard output)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${1:-docs/data-dictionary.md}"
if [[ ! -f target/classes/org/industrygaps/report/DataDictionary.class \
      || -n "$(find src/main/java -newer target/classes/org/industrygaps/report/DataDictionary.class -print -quit)" ]]; then
  mvn -q -B -ntp compile >&2
fi
if [[ "$out" == "-" ]]; then
  exec java -cp target/classes org.industrygaps.report.DataDictionary
fi
java -cp target/classes org.industrygaps.report.DataDictionary "$out"
echo "wrote $out" >&2
