#!/usr/bin/env bash
# industry-gaps with an embedded local Spark (no Spark installation needed): builds the jar on
# first use (and after a source change), then runs the job bound to 127.0.0.1.
#
#   jobs/run-local.sh [COMMAND] [--conf DIR] [--inbox DIR] [--out DIR]
#
# INDUSTRY_GAPS_DRIVER_MEMORY sets the JVM heap (default 2g).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

jar="target/industry-gaps.jar"
classpath="target/runtime-classpath.txt"
if [[ ! -f "$jar" || ! -f "$classpath" || ! -f target/jvm.options \
      || -n "$(find pom.xml src -newer "$jar" -print -quit)" ]]; then
  echo "industry-gaps: building the application jar (first use) ..." >&2
  mvn -q -B -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile="$classpath" -Dmdep.includeScope=compile >&2
fi

export SPARK_LOCAL_IP=127.0.0.1
# shellcheck disable=SC2046
exec java -Xmx"${INDUSTRY_GAPS_DRIVER_MEMORY:-2g}" $(cat target/jvm.options) \
  -Dlog4j2.configurationFile="$root/jobs/log4j2.properties" \
  -cp "$jar:$(cat "$classpath")" org.industrygaps.cli.Main "$@"
