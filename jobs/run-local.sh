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
# Two invocations at once must not build at once (one would run a half-written jar): the second
# waits for the first's build, then finds the jar up to date. (flock: Linux; elsewhere no guard.)
mkdir -p target
if command -v flock > /dev/null; then
  exec 9> target/.build.lock
  flock 9
fi
if [[ ! -f "$jar" || ! -f "$classpath" || ! -f target/jvm.options \
      || -n "$(find pom.xml src -newer "$jar" -print -quit)" ]]; then
  echo "industry-gaps: building the application jar (first use) ..." >&2
  mvn -q -B -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile="$classpath" -Dmdep.includeScope=compile >&2
  touch "$jar" # Maven leaves an up-to-date jar alone (e.g. after a test-only change)
fi
exec 9>&- # the build lock only; the job's own lock (--out/run.lock) keeps runs apart

export SPARK_LOCAL_IP=127.0.0.1
# shellcheck disable=SC2046
exec java -Xmx"${INDUSTRY_GAPS_DRIVER_MEMORY:-2g}" $(cat target/jvm.options) \
  -Dlog4j2.configurationFile="$root/jobs/log4j2.properties" \
  -cp "$jar:$(cat "$classpath")" org.industrygaps.cli.Main "$@"
