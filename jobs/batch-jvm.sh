# The JVM flags of a batch run of the job: sourced by jobs/run-local.sh and jobs/benchmark.sh, so
# that the benchmark measures the job as it runs.
#
# gc_flags, for every run: the parallel collector. A batch job wants throughput, not short pauses.
# With G1 a 1 GiB heap kept its concurrent marking busy for a tenth of the CPU: 10 million
# observations ran 11 % faster with this one (docs/performance.md, ninth round). Unless the
# environment chose a collector (JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS): a JVM given two refuses to
# start.
gc_flags=(-XX:+UseParallelGC)
if [[ "${JAVA_TOOL_OPTIONS:-} ${JDK_JAVA_OPTIONS:-}" == *-XX:+Use*GC* ]]; then gc_flags=(); fi

# full_jit_flags, for a run over large drops (jobs/run-local.sh "full"): methods compiled later
# (-XX:CompileThresholdScaling multiplies every tier's thresholds). The C2 compiler took a fifth of
# the CPU of a run of 10 million observations on two cores, compiling thousands of methods that run
# for a while and then no more: Spark's planning, Janino compiling the generated code, each
# query's generated classes. Compiled later, C2 keeps more to the code that runs for every row
# (docs/performance.md, fourteenth round). A "quick" run on C1 alone would only wait longer.
full_jit_flags=(-XX:CompileThresholdScaling=2)
