package org.sysmontriage.fleet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.CollectionAccumulator;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.event.Times;
import org.sysmontriage.ingest.LogPart;
import org.sysmontriage.ingest.PartResult;
import org.sysmontriage.ingest.SplitReading;
import scala.Tuple2;

/**
 * The fleet job on Spark: inputs are cut into pieces (files; big EVTX files by chunk ranges, big
 * JSON-lines files by line ranges) read in parallel; events are grouped by host and each host is
 * analysed where its events are ({@link HostTriage}); only hits, risk, per-log counts and issues come
 * back to the driver, which writes them to the output folder ({@link FleetOutput}).
 */
public final class FleetJob {
  private FleetJob() {}

  /** {@code spark-submit --class org.sysmontriage.fleet.FleetJob sysmon-triage-fleet.jar --out OUT INPUTS...}. */
  public static void main(String[] args) {
    System.exit(FleetCommand.execute(args));
  }

  /** What the job was asked to do. */
  record Request(List<String> inputs, Path out, long splitBytes, long windowTicks, int hostPartitions) {}

  /** Runs the job on {@code sc}; returns the exit code (0 all read, 1 some input damaged). */
  static FleetOutput.Summary run(JavaSparkContext sc, Request r) throws java.io.IOException {
    long start = System.nanoTime();
    List<LogPart> plan = SplitReading.plan(r.inputs(), r.splitBytes());
    CollectionAccumulator<PartResult> partResults = sc.sc().collectionAccumulator("sysmon-triage pieces read");
    List<LogPart> biggestFirst = new ArrayList<>(plan);
    biggestFirst.sort(Comparator.comparingLong(LogPart::bytes).reversed());
    JavaRDD<LogPart> pieces = sc.parallelize(biggestFirst, Math.max(1, plan.size()));
    JavaPairRDD<String, FleetEvent> events = pieces.flatMapToPair(p -> readPiece(p, partResults).iterator());
    int partitions = r.hostPartitions() > 0 ? r.hostPartitions() : sc.defaultParallelism();
    String extracts = FleetOutput.extractsDir(r.out()).toString();
    long window = r.windowTicks();
    List<HostResult> hosts = events.groupByKey(partitions)
        .map(h -> new HostTriage(Path.of(extracts), window).run(h._1(), h._2()))
        .collect();
    List<SourceInfo> sources = SplitReading.merge(plan, partResults.value());
    return FleetOutput.write(r.out(), plan.size(), sources, hosts, System.nanoTime() - start);
  }

  private static List<Tuple2<String, FleetEvent>> readPiece(LogPart p, CollectionAccumulator<PartResult> results) {
    List<Tuple2<String, FleetEvent>> out = new ArrayList<>();
    int[] seq = {0};
    PartResult r = SplitReading.read(p, (d, source) ->
        out.add(new Tuple2<>(d.computer, FleetEvent.of(d, source, p.file(), p.part(), seq[0]++))));
    results.add(r);
    return out;
  }

  /** A Spark configuration for one machine: {@code local[N]}, few shuffle partitions, the UI off. */
  static SparkConf localConf(String master) {
    return new SparkConf().setMaster(master).setAppName("sysmon-triage-fleet")
        .set("spark.ui.enabled", "false")
        .set("spark.driver.bindAddress", "127.0.0.1")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.sql.shuffle.partitions", "4")
        .set("spark.default.parallelism", master.replaceAll("\\D", "").isEmpty()
            ? String.valueOf(Runtime.getRuntime().availableProcessors()) : master.replaceAll("\\D", ""));
  }

  /** Minutes as event-time ticks. */
  static long minutes(long m) {
    return m * 60 * Times.TICKS_PER_SECOND;
  }
}
