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
# The collector and the JIT of a batch run: jobs/batch-jvm.sh.
# shellcheck source=jobs/batch-jvm.sh
source "$root/jobs/batch-jvm.sh"
jvm=(-Xmx"${INDUSTRY_GAPS_DRIVER_MEMORY:-2g}" ${gc_flags[@]+"${gc_flags[@]}"} $(cat target/jvm.options)
     -Dlog4j2.configurationFile="$root/jobs/log4j2.properties")

# Small inputs (the sample, a province's yearly drops) make a run of mostly fixed costs: compiling
# code costs more than it saves in a run that short. A run over an inbox under 32 MiB ("quick")
# uses the JVM's C1 compiler only, and Spark's interpreted expressions instead of generating and
# compiling Java for every query (spark.sql.codegen.wholeStage=false; factoryMode NO_CODEGEN is an
# internal Spark setting): about half the wall time on data-sample/. It also plans each query once
# (spark.sql.adaptive.enabled=false): adaptive execution runs every stage of a query as a Spark job
# of its own and re-plans between them, which costs more than it saves on a few hundred rows
# (about 1.5 s of the sample job). A larger inbox ("full") gets
# both compilers, which pay off there (C1 alone is several times slower on 1 million rows).
# INDUSTRY_GAPS_JIT=full|quick overrides the choice.
inbox="data-sample/drops"
for ((i = 1; i <= $#; i++)); do
  if [[ "${!i}" == "--inbox" ]]; then next=$((i + 1)); inbox="${!next:-}"; fi
done
jit="${INDUSTRY_GAPS_JIT:-}"
if [[ -z "$jit" && "${1:-}" == "generate" ]]; then jit=full; fi # writes millions of rows
if [[ -z "$jit" ]]; then
  inbox_kib=$(du -sLk "$inbox" 2>/dev/null | cut -f1 || true)
  if [[ -n "$inbox_kib" && "$inbox_kib" -lt 32768 ]]; then jit=quick; else jit=full; fi
fi
if [[ "$jit" == "quick" ]]; then
  jvm+=(-XX:TieredStopAtLevel=1 -Dspark.sql.codegen.wholeStage=false
        -Dspark.sql.codegen.factoryMode=NO_CODEGEN -Dspark.sql.adaptive.enabled=false)
else
  jvm+=("${full_jit_flags[@]}")
fi

# Class data sharing: the first run after a build archives the classes it loaded (Spark's, mostly)
# in target/industry-gaps-<jit>.jsa and later runs map that archive instead of loading and
# verifying the classes again: about 3 s less per run. The JVM ignores an archive that does not
# match its class path.
archive="target/industry-gaps-$jit.jsa"
if [[ -f "$archive" && "$archive" -nt "$jar" ]]; then
  # shellcheck disable=SC2046
  exec java "${jvm[@]}" -XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -cp "$jar:$(cat "$classpath")" org.industrygaps.cli.Main "$@"
fi
# This run writes the archive when it exits, to a file of its own (runs may overlap), then moves it
# in place: a reader never maps a half-written archive.
status=0
java "${jvm[@]}" -XX:ArchiveClassesAtExit="$archive.$$" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -cp "$jar:$(cat "$classpath")" org.industrygaps.cli.Main "$@" || status=$?
if [[ -f "$archive.$$" ]]; then mv -f "$archive.$$" "$archive"; fi
exit "$status"
