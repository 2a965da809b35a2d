package org.sysmontriage.fleet;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.sysmontriage.casefile.CaseFile;
import org.sysmontriage.casefile.CaseFiles;
import org.sysmontriage.casefile.SourceProblem;
import org.sysmontriage.cli.TerminalText;
import org.sysmontriage.cli.TriageCommand;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.HuntPack;
import org.sysmontriage.event.TriageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The fleet job's command line: {@code --out OUT [--master M] [--split-mb N] [--window-minutes N] [--rules R] [--pack hunt]
 * [--case FILE] [--apply-skew] INPUTS...}.
 */
@Command(
    name = "sysmon-triage-fleet",
    mixinStandardHelpOptions = true,
    description = "Read the logs of a fleet on Spark, run the LSASS analytics (plus --rules) per host and write hits, risk, "
        + "incidents, per-log stats and issues and per-host triage extracts to OUT. Exit 0 all read, 1 some input damaged "
        + "or a rule file with errors, 2 usage, "
        + "3 the job failed (OUT not writable, a task failed on every attempt).")
final class FleetCommand implements Callable<Integer> {
  /** Exit code when the job itself failed. */
  static final int FAILED = 3;

  @Option(names = "--out", required = true, paramLabel = "OUT",
      description = "Output folder (created; must not hold evidence: not an input, not inside one, empty or a previous fleet output).")
  Path out;

  @Option(names = "--master", paramLabel = "MASTER",
      description = "Spark master when not started by spark-submit, e.g. local[*] (spark-submit's --master wins).")
  String master;

  @Option(names = "--split-mb", defaultValue = "64", paramLabel = "N",
      description = "EVTX and JSON-lines files above N MiB are read in pieces of about N MiB (default ${DEFAULT-VALUE}).")
  int splitMb;

  @Option(names = "--window-minutes", defaultValue = "5", paramLabel = "N",
      description = "The extracts keep the host's events within N minutes of each hit (default ${DEFAULT-VALUE}).")
  int windowMinutes;

  @Option(names = "--host-partitions", defaultValue = "0", paramLabel = "N",
      description = "Tasks the hosts are analysed in, spread by their event counts (default: 8 per core of Spark's default parallelism, at most one per host).")
  int hostPartitions;

  @Option(names = "--rules", paramLabel = "DIR_OR_FILE",
      description = "Extra Sigma rule files or folders (.yml/.yaml, read recursively), as for scan; repeatable. Every executor reads them at the same path.")
  List<Path> rules = List.of();

  @Option(names = "--pack", paramLabel = "hunt", description = "Also run a rule pack, as for scan: hunt = SigmaHQ's Windows rules "
      + "(~/.sysmon-triage/packs/hunt or ../shared/sigma/rules/windows, found on the driver; every executor reads it at that path).")
  List<String> packs = List.of();

  @Option(names = "--case", paramLabel = "FILE",
      description = "A saved investigation (case file), read by the driver: its allowlist suppresses hits, its statuses, tags and notes "
          + "show in hits.jsonl (as scan --case), its confirmed clock corrections apply to the incidents (as incidents --case).")
  Path caseFile;

  @Option(names = "--apply-skew", description = "Apply every clock skew found (Security 4688 against Sysmon EID 1 of the same process) "
      + "to the incidents, as incidents --apply-skew; without it they are only reported (stderr and summary.json).")
  boolean applySkew;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Log files, folders or archives, readable at the same path by every executor, "
      + "or URIs read through Hadoop's FileSystem API (hdfs://, s3a://, abfs://, file://...: the connectors the cluster has).")
  List<String> inputs;

  @Spec
  CommandSpec spec;

  static int execute(String... args) {
    CommandLine cl = new CommandLine(new FleetCommand());
    cl.setExitCodeExceptionMapper(e -> TriageCommand.USAGE);
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println("sysmon-triage-fleet: the job failed: " + rootMessage(e));
      line.getErr().flush();
      return FAILED;
    });
    return cl.execute(args);
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    String problem = outProblem();
    if (problem != null || splitMb < 1 || windowMinutes < 0) {
      err.println("sysmon-triage-fleet: " + (problem != null ? problem : "--split-mb must be >= 1 and --window-minutes >= 0"));
      return TriageCommand.USAGE;
    }
    List<String> ruleSources = new ArrayList<>();
    for (String pack : packs) {
      if (!HuntPack.known(pack)) {
        err.println("sysmon-triage-fleet: unknown pack '" + pack + "': the packs are: " + HuntPack.NAME);
        return TriageCommand.USAGE;
      }
      Path folder = HuntPack.folder();
      if (folder == null) {
        err.println("sysmon-triage-fleet: " + HuntPack.notInstalled());
        return TriageCommand.USAGE;
      }
      ruleSources.add(folder.toAbsolutePath().normalize().toString());
    }
    rules.forEach(r -> ruleSources.add(r.toAbsolutePath().normalize().toString()));
    CaseFile loaded = null;
    if (caseFile != null) {
      try {
        loaded = CaseFiles.load(caseFile);
      } catch (TriageException e) {
        err.println("sysmon-triage-fleet: " + TerminalText.safe(e.getMessage()));
        return TriageCommand.USAGE;
      }
    }
    AnalyticLibrary library = HostTriage.library(ruleSources); // the driver reports rule errors once, as scan does
    library.errors().forEach(e -> err.println(TerminalText.safe(e.toString())));
    SparkConf conf = new SparkConf().setAppName("sysmon-triage-fleet");
    if (!conf.contains("spark.master")) {
      conf = FleetJob.localConf(master == null ? "local[*]" : master);
    }
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      FleetOutput.Summary s = FleetJob.run(sc, request(ruleSources, loaded == null ? null : CaseFiles.json(loaded)));
      FleetOutput.printIssues(s, err);
      if (loaded != null) {
        for (SourceProblem p : loaded.checkAgainst(s.sources())) {
          err.println(TerminalText.safe("sysmon-triage-fleet: case " + caseFile + ": " + p.message()));
        }
        err.println("sysmon-triage-fleet: " + s.suppressed() + " hit(s) suppressed by the case's allowlist");
      }
      FleetOutput.printSkews(s, err);
      err.println("sysmon-triage-fleet: " + s.logs() + " logs (" + s.damagedLogs() + " damaged), " + s.events() + " events, "
          + s.hosts() + " hosts, " + s.hits() + " hits, " + s.incidents() + " incidents -> " + out.toAbsolutePath());
      err.flush();
      return library.errors().isEmpty() ? s.exitCode() : TriageCommand.PARTIAL;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t + ")";
  }

  FleetJob.Request request(List<String> ruleSources, String caseJson) {
    return new FleetJob.Request(inputs, out, splitMb * 1024L * 1024L, FleetJob.minutes(windowMinutes), hostPartitions, ruleSources,
        caseJson, applySkew);
  }

  /** Why OUT may not be written, or null: it must never be, hold or sit inside evidence. */
  String outProblem() throws IOException {
    Path o = out.toAbsolutePath().normalize();
    for (String in : inputs) {
      if (HadoopInputs.isUri(in) && !in.regionMatches(true, 0, "file:", 0, 5)) {
        continue; // not on this machine's file system: OUT cannot be in it
      }
      Path i = (HadoopInputs.isUri(in) ? Path.of(new org.apache.hadoop.fs.Path(in).toUri().getPath()) : Path.of(in)).toAbsolutePath().normalize();
      if (o.startsWith(i) || i.startsWith(o)) {
        return "--out " + out + " overlaps the input " + in + ": choose a folder outside the evidence";
      }
    }
    if (Files.exists(o) && !Files.isDirectory(o)) {
      return "--out " + out + " is a file, not a folder";
    }
    if (Files.isDirectory(o) && !Files.exists(o.resolve(FleetOutput.SUMMARY))) {
      try (Stream<Path> s = Files.list(o)) {
        if (s.findAny().isPresent()) {
          return "--out " + out + " is not empty and holds no previous fleet output (" + FleetOutput.SUMMARY + "): choose a new folder";
        }
      }
    }
    return null;
  }
}
