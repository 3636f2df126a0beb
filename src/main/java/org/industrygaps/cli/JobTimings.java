package org.industrygaps.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;

/**
 * Where the time goes: with {@code INDUSTRY_GAPS_PROFILE=1} the job prints, at the end, every Spark
 * job it ran with its duration and the step that ran it (the job description each step sets).
 */
final class JobTimings extends SparkListener {
  private final Map<Integer, long[]> started = new ConcurrentHashMap<>();
  private final Map<Integer, String> steps = new ConcurrentHashMap<>();
  private final List<String> finished = java.util.Collections.synchronizedList(new ArrayList<>());

  static JobTimings attachIfAsked(SparkSession spark) {
    if (System.getenv("INDUSTRY_GAPS_PROFILE") == null) {
      return null;
    }
    JobTimings timings = new JobTimings();
    spark.sparkContext().addSparkListener(timings);
    return timings;
  }

  @Override
  public void onJobStart(SparkListenerJobStart start) {
    started.put(start.jobId(), new long[] {start.time(), start.stageIds().size()});
    String description = start.properties() == null ? null
        : start.properties().getProperty("spark.job.description");
    steps.put(start.jobId(), description == null ? "?" : description);
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd end) {
    long[] s = started.get(end.jobId());
    if (s != null) {
      finished.add(String.format("job %3d  %7.2f s  %d stage(s)  %s", end.jobId(),
          (end.time() - s[0]) / 1000.0, s[1], steps.get(end.jobId())));
    }
  }

  void print() {
    synchronized (finished) {
      Progress.info("profile: " + finished.size() + " Spark jobs");
      finished.forEach(line -> Progress.info("  " + line));
    }
  }
}
