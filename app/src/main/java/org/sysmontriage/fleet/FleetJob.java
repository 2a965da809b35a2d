package org.sysmontriage.fleet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.sysmontriage.casefile.CaseFile;
import org.sysmontriage.casefile.CaseFiles;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.event.Times;
import org.sysmontriage.incident.ClockSkew;
import org.sysmontriage.ingest.LogPart;
import org.sysmontriage.ingest.PartResult;
import org.sysmontriage.ingest.SplitReading;
import scala.Tuple2;

/**
 * The fleet job on Spark: inputs are cut into pieces (files; big EVTX files by chunk ranges, big
 * JSON-lines files by line ranges) read in parallel; events are grouped by host and each host is
 * analysed where its events are ({@link HostTriage}); only hits, risk, per-log counts and issues come
 * back to the driver, which numbers the incidents of all hosts together ({@link FleetIncidents}) and
 * writes everything to the output folder ({@link FleetOutput}).
 */
public final class FleetJob {
  private FleetJob() {}

  /** {@code spark-submit --class org.sysmontriage.fleet.FleetJob sysmon-triage-fleet.jar --out OUT INPUTS...}. */
  public static void main(String[] args) {
    System.exit(FleetCommand.execute(args));
  }

  /**
   * What the job was asked to do.
   *
   * @param rules Sigma rule files or folders added to the built-in analytics (absolute paths every
   *     executor reads); empty: the built-in analytics only
   * @param caseJson the case ({@code --case}) as {@link CaseFiles#json} gives it, or null
   * @param applySkew apply every clock skew found to the incidents ({@code incidents --apply-skew}); without
   *     it only those a case confirmed are applied
   */
  record Request(List<String> inputs, Path out, long splitBytes, long windowTicks, int hostPartitions, List<String> rules,
      String caseJson, boolean applySkew) {
    Request {
      rules = List.copyOf(rules);
    }

    Request(List<String> inputs, Path out, long splitBytes, long windowTicks, int hostPartitions, List<String> rules) {
      this(inputs, out, splitBytes, windowTicks, hostPartitions, rules, null, false);
    }
  }

  /**
   * Runs the job on {@code sc} in two Spark jobs: the pieces are read (in parallel, biggest first)
   * and kept, each as its counts and one compact block of events per host; the driver then knows
   * how many events each host has and spreads the hosts over the analysis tasks by that
   * ({@link HostPartitioner}); the second job groups the blocks by host and analyses each host.
   * The driver then decides the clock skews on every host's evidence; a third job builds again the
   * incidents of the hosts a skew to apply concerns ({@code --apply-skew}, or confirmed by the case).
   */
  static FleetOutput.Summary run(JavaSparkContext sc, Request r) throws java.io.IOException {
    long start = System.nanoTime();
    Map<String, String> hadoop = r.inputs().stream().anyMatch(HadoopInputs::isUri)
        ? HadoopInputs.settings(sc.hadoopConfiguration()) : Map.of();
    List<LogPart> plan = HadoopInputs.plan(r.inputs(), r.splitBytes(), hadoop);
    List<Work> work = work(plan);
    JavaRDD<PieceOutput> read = sc.parallelize(work, Math.max(1, work.size()))
        .map(w -> readPiece(w, hadoop))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<Integer, String> hashes = new HashMap<>();
      List<PartResult> results = new ArrayList<>();
      Map<String, Long> eventsByHost = new HashMap<>();
      for (PieceOutput.Counts c : read.map(PieceOutput::counts).collect()) {
        if (c.result() == null) {
          hashes.put(c.file(), c.sha256());
        } else {
          results.add(c.result());
          c.eventsByHost().forEach((host, n) -> eventsByHost.merge(host, n, Long::sum));
        }
      }
      results.replaceAll(p -> hashes.containsKey(p.file()) && p.part() == 0 ? p.withSha256(hashes.get(p.file())) : p);
      List<SourceInfo> sources = SplitReading.merge(plan, results);
      long readNanos = System.nanoTime() - start;
      int tasks = r.hostPartitions() > 0 ? r.hostPartitions() : HOST_TASKS_PER_CORE * sc.defaultParallelism();
      String extracts = FleetOutput.extractsDir(r.out()).toString();
      long window = r.windowTicks();
      List<String> rules = r.rules();
      Map<String, String> sha256 = new HashMap<>();
      sources.forEach(s -> sha256.putIfAbsent(s.source(), s.sha256() == null ? "" : s.sha256()));
      HostTriage.Options first = new HostTriage.Options(sha256, r.caseJson(), List.of(), false);
      JavaPairRDD<String, Iterable<EventBlock>> grouped = read.flatMapToPair(p -> p.blocks().iterator())
          .groupByKey(HostPartitioner.of(eventsByHost, tasks));
      List<HostResult> hosts = grouped.map(h -> new HostTriage(Path.of(extracts), window, rules, first).run(h._1(), h._2())).collect();
      List<ClockSkew> skews = FleetSkews.detect(hosts, sources);
      CaseFile caseFile = r.caseJson() == null ? null : CaseFiles.parse(r.caseJson());
      List<ClockSkew> apply = r.applySkew() ? skews : caseFile != null ? caseFile.confirmedSkews(skews) : List.of();
      hosts = withSkews(grouped, hosts, apply, new HostTriage.Options(sha256, r.caseJson(), apply.stream().map(FleetSkews.Shift::of).toList(), true),
          Path.of(extracts), window, rules);
      return FleetOutput.write(r.out(), plan.size(), sources, hosts, new FleetOutput.Skews(skews, apply),
          new FleetOutput.Timing(readNanos, System.nanoTime() - start - readNanos));
    } finally {
      read.unpersist(false);
    }
  }

  /**
   * The hosts with their incidents built again with the clock skews applied, where a skewed log
   * has events of the host and the host has hits: a third Spark job over the grouped events (Spark
   * keeps the grouping's shuffle, so the pieces are not read again). Hits and extracts do not move:
   * a skew only changes the incidents' timeline, as in {@code incidents --apply-skew}.
   */
  private static List<HostResult> withSkews(JavaPairRDD<String, Iterable<EventBlock>> grouped, List<HostResult> hosts,
      List<ClockSkew> apply, HostTriage.Options again, Path extracts, long window, List<String> rules) {
    if (apply.isEmpty()) {
      return hosts;
    }
    java.util.Set<String> redo = new java.util.HashSet<>();
    hosts.stream().filter(h -> !h.hits().isEmpty() && FleetSkews.concerns(again.skews(), h)).forEach(h -> redo.add(h.host()));
    if (redo.isEmpty()) {
      return hosts;
    }
    String dir = extracts.toString();
    Map<String, List<HostResult.IncidentLine>> redone = new HashMap<>();
    grouped.filter(h -> redo.contains(h._1()))
        .map(h -> new HostTriage(Path.of(dir), window, rules, again).run(h._1(), h._2()))
        .collect()
        .forEach(h -> redone.put(h.host(), h.incidents()));
    return hosts.stream().map(h -> redone.containsKey(h.host()) ? h.withIncidents(redone.get(h.host())) : h).toList();
  }

  /**
   * A task of the reading job: a piece, or the SHA-256 of an input cut into several pieces (hashing
   * is serial: as a task of its own it runs beside the pieces instead of making the first one slow).
   */
  record Work(LogPart part, boolean hashOnly) implements java.io.Serializable {
    /** Bytes the task reads: tasks start biggest first, so the longest do not come last. */
    long bytes() {
      return hashOnly ? part.size() : part.bytes();
    }
  }

  static List<Work> work(List<LogPart> plan) {
    List<Work> out = new ArrayList<>();
    for (LogPart p : plan) {
      out.add(new Work(p, false));
      if (hashApart(p) && p.part() == 0) {
        out.add(new Work(p, true));
      }
    }
    out.sort(Comparator.comparingLong(Work::bytes).reversed());
    return out;
  }

  /** An input cut into ranges is hashed by a task of its own; anything else by the task that reads it. */
  private static boolean hashApart(LogPart p) {
    return p.parts() > 1 && (p.kind() == LogPart.Kind.EVTX_CHUNKS || p.kind() == LogPart.Kind.JSON_LINES);
  }

  /** Analysis tasks per core by default: enough that hosts of very different sizes even out. */
  static final int HOST_TASKS_PER_CORE = 8;

  /**
   * What a reading task gave: a piece's counts and issues and its events as one block per host, or
   * (for a hash task: {@code result} null) the input's SHA-256.
   */
  record PieceOutput(int file, PartResult result, String sha256, List<Tuple2<String, EventBlock>> blocks)
      implements java.io.Serializable {

    /** Everything but the events: what the driver needs to plan the analysis and list the logs. */
    record Counts(int file, PartResult result, String sha256, Map<String, Long> eventsByHost) implements java.io.Serializable {}

    Counts counts() {
      Map<String, Long> byHost = new HashMap<>();
      blocks.forEach(b -> byHost.merge(b._1(), (long) b._2().events(), Long::sum));
      return new Counts(file, result, sha256, byHost);
    }
  }

  /** Reads a piece: a file named by URI through Hadoop ({@link HadoopInputs}), anything else from the local file system. */
  private static PieceOutput readPiece(Work w, Map<String, String> hadoop) {
    LogPart p = w.part();
    if (w.hashOnly()) {
      return new PieceOutput(p.file(), null, SplitReading.sha256(p), List.of());
    }
    Map<String, EventBlock.Writer> byHost = new LinkedHashMap<>();
    SplitReading.PartSink sink = (d, source) ->
        byHost.computeIfAbsent(d.computer, h -> new EventBlock.Writer(p.file(), p.part())).add(d, source);
    PartResult r = HadoopInputs.remote(p) ? HadoopInputs.read(p, sink, hadoop) : SplitReading.read(p, sink, !hashApart(p));
    List<Tuple2<String, EventBlock>> blocks = new ArrayList<>();
    byHost.forEach((host, b) -> blocks.add(new Tuple2<>(host, b.finish())));
    return new PieceOutput(p.file(), r, null, blocks);
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
