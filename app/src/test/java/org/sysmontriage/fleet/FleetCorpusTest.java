package org.sysmontriage.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.casefile.AllowEntry;
import org.sysmontriage.casefile.CaseFile;
import org.sysmontriage.casefile.CaseFiles;
import org.sysmontriage.casefile.HitKey;
import org.sysmontriage.casefile.HitStatus;
import org.sysmontriage.casefile.HitTriage;
import org.sysmontriage.cli.TriageCommand;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.DetectionResult;
import org.sysmontriage.detect.Detector;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.incident.Campaign;
import org.sysmontriage.incident.ClockSkew;
import org.sysmontriage.incident.IncidentEngine;
import org.sysmontriage.incident.IncidentOptions;
import org.sysmontriage.incident.IncidentResult;
import org.sysmontriage.ingest.ImportProgress;
import org.sysmontriage.ingest.ImportResult;
import org.sysmontriage.ingest.Importer;
import org.sysmontriage.risk.RiskRollup;
import org.sysmontriage.testing.Corpus;
import org.sysmontriage.testing.SigmaHq;
import picocli.CommandLine;

/**
 * The fleet job in Spark local mode (one context for the class, two cores) over the real corpus:
 * the same hits as {@code scan} and the same incidents as {@code incidents}, extracts that give
 * those hits again, the same output whatever the size of the pieces, damage reported as the desktop
 * reports it.
 */
class FleetCorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Small pieces, so the corpus's bigger EVTX and JSON files are read by chunk and line ranges. */
  private static final long PIECES = 256 * 1024;
  private static JavaSparkContext sc;
  /** One run over the corpus in small pieces, shared by the tests that compare it with the desktop. */
  @TempDir
  static Path corpusOut;
  private static FleetOutput.Summary corpusRun;

  @BeforeAll
  static void startSpark() {
    sc = new JavaSparkContext(FleetJob.localConf("local[2]"));
  }

  @AfterAll
  static void stopSpark() {
    sc.close();
  }

  /** The corpus run, made by the first test that needs it. */
  private static synchronized FleetOutput.Summary corpusRun() throws IOException {
    if (corpusRun == null) {
      corpusRun = FleetJob.run(sc, request(corpusOut, PIECES, Corpus.dir().toString()));
    }
    return corpusRun;
  }

  @Test
  void fleetHitsAreScansHitsAndTheExtractsGiveThemAgain() throws IOException {
    FleetOutput.Summary s = corpusRun();
    List<String> scan = cli("scan", "--format", "jsonl", Corpus.dir().toString());
    List<String> fleet = Files.readAllLines(corpusOut.resolve(FleetOutput.HITS));
    assertTrue(fleet.size() > 100, "the corpus holds many hits: " + fleet.size());
    assertEquals(sorted(scan), sorted(fleet), "hits.jsonl holds exactly scan's lines");
    assertEquals(s.hits(), fleet.size());

    List<String> again = cli("scan", "--format", "jsonl", corpusOut.resolve(FleetOutput.EXTRACTS).toString());
    assertEquals(sorted(keys(fleet)), sorted(keys(again)), "the extracts re-opened by scan give the same hits");
    ImportResult opened = new Importer().run(List.of(corpusOut.toString()), ImportProgress.NONE, new CancellationToken());
    assertFalse(opened.damaged(), "the output folder opens like any folder of logs");
    assertEquals(count(corpusOut.resolve(FleetOutput.EXTRACTS)), opened.sources().stream().filter(i -> i.format().equals("json")).count());
  }

  @Test
  void riskIncidentsAndCampaignsAreTheDesktops() throws IOException {
    FleetOutput.Summary s = corpusRun();
    String corpus = Corpus.dir().toString();
    ImportResult r = new Importer().run(List.of(corpus), ImportProgress.NONE, new CancellationToken());
    DetectionResult d = new Detector(AnalyticLibrary.builtIn()).run(r.store(), ProgressListener.NONE, new CancellationToken());
    assertEquals(risk(d.rollup()), sorted(Files.readAllLines(corpusOut.resolve(FleetOutput.RISK))),
        "risk per host and per user (summed over hosts) is the desktop's roll-up");

    List<String> incidents = Files.readAllLines(corpusOut.resolve(FleetOutput.INCIDENTS));
    assertTrue(incidents.size() > 10, "the corpus holds incidents on many hosts: " + incidents.size());
    assertEquals(cli("incidents", "--format", "jsonl", corpus), incidents,
        "incidents.jsonl holds incidents' lines, numbered over all hosts, in the same order");
    assertEquals(s.incidents(), incidents.size());

    IncidentResult desktop = new IncidentEngine(IncidentOptions.defaults()).run(r.store(), d.hits(), new CancellationToken());
    List<String> campaigns = new ArrayList<>();
    for (Campaign c : desktop.campaigns()) {
      campaigns.add(c.id() + " " + c.link() + " " + c.hosts() + " " + c.incidentIds());
    }
    List<String> fleet = new ArrayList<>();
    for (String line : Files.readAllLines(corpusOut.resolve(FleetOutput.CAMPAIGNS))) {
      JsonNode n = JSON.readTree(line);
      fleet.add(n.get("id").asText() + " " + n.get("link").asText() + " " + strings(n.get("hosts")) + " " + strings(n.get("incidents")));
    }
    assertFalse(campaigns.isEmpty(), "the corpus has incidents of several hosts that share a dump file name");
    assertEquals(campaigns, fleet, "campaigns.jsonl holds the desktop's campaigns: the same incidents, hosts and link");
  }

  @Test
  void theOutputDoesNotDependOnHowTheInputsAreCut(@TempDir Path whole) throws IOException {
    corpusRun();
    FleetJob.run(sc, request(whole, 1L << 40, Corpus.dir().toString()));
    for (String file : List.of(FleetOutput.HITS, FleetOutput.RISK, FleetOutput.INCIDENTS, FleetOutput.CAMPAIGNS, FleetOutput.SOURCES)) {
      assertEquals(Files.readAllLines(whole.resolve(file)), Files.readAllLines(corpusOut.resolve(file)),
          file + ": every file read as one piece gives what 256 KiB pieces give");
    }
    for (String extract : List.of("IEWIN7.ndjson", "win-host-mhaag-attack-range-117.ndjson")) {
      assertEquals(Files.readAllLines(whole.resolve(FleetOutput.EXTRACTS).resolve(extract)),
          Files.readAllLines(corpusOut.resolve(FleetOutput.EXTRACTS).resolve(extract)), extract);
    }
    int small = JSON.readTree(corpusOut.resolve(FleetOutput.SUMMARY).toFile()).get("pieces").asInt();
    int big = JSON.readTree(whole.resolve(FleetOutput.SUMMARY).toFile()).get("pieces").asInt();
    assertTrue(small > big + 40, "the two runs cut the corpus differently: " + small + " and " + big + " pieces");
  }

  @Test
  void extraSigmaRulesGiveScansHitsWithThoseRules(@TempDir Path out) throws IOException {
    String rules = SigmaHq.dir().resolve("rules/windows/process_access").toString();
    String input = Corpus.dir().resolve("EVTX-ATTACK-SAMPLES/Credential Access").toString();
    FleetJob.run(sc, new FleetJob.Request(List.of(input), out, PIECES, FleetJob.minutes(5), 0, List.of(rules)));
    List<String> fleet = Files.readAllLines(out.resolve(FleetOutput.HITS));
    assertEquals(sorted(cli("scan", "--format", "jsonl", "--rules", rules, input)), sorted(fleet),
        "with --rules, hits.jsonl holds scan --rules' lines (SigmaHQ hits with their author)");
    assertTrue(fleet.stream().anyMatch(h -> !h.contains("\"analytic_id\":\"ST-") && !h.contains("\"analytic_id\":\"CAR-")
        && h.contains("\"author\":")), "some hits come from the added SigmaHQ rules");
    assertEquals(cli("incidents", "--format", "jsonl", "--rules", rules, input), Files.readAllLines(out.resolve(FleetOutput.INCIDENTS)));
  }

  /** Logs with Security events hours off Sysmon's time (4 skewed clocks) on several hosts. */
  private static Path skewed() {
    return Corpus.dir().resolve("Security-Datasets");
  }

  @Test
  void clockSkewsAreFoundAsIncidentsFindsThemAndApplied(@TempDir Path out) throws IOException {
    String input = skewed().toString();
    FleetJob.run(sc, new FleetJob.Request(List.of(input), out, PIECES, FleetJob.minutes(5), 0, List.of(), null, true));
    List<String> applied = cli("incidents", "--format", "jsonl", "--apply-skew", input);
    assertFalse(applied.equals(cli("incidents", "--format", "jsonl", input)), "applying the skews moves incidents here");
    assertEquals(applied, Files.readAllLines(out.resolve(FleetOutput.INCIDENTS)),
        "with --apply-skew, incidents.jsonl holds incidents --apply-skew's lines");

    ImportResult r = new Importer().run(List.of(input), ImportProgress.NONE, new CancellationToken());
    DetectionResult d = new Detector(AnalyticLibrary.builtIn()).run(r.store(), ProgressListener.NONE, new CancellationToken());
    List<String> desktop = new ArrayList<>();
    for (ClockSkew k : new IncidentEngine(IncidentOptions.defaults()).run(r.store(), d.hits(), new CancellationToken()).detectedSkews()) {
      desktop.add(k.describe() + " " + k.sha256() + " " + k.offsetTicks());
    }
    assertTrue(desktop.size() >= 3, "the input has several skewed clocks: " + desktop);
    assertEquals(desktop, skews(out, true), "summary.json lists incidents' skews, in the same order, all applied");
    assertEquals(desktop, skews(corpusOutOf(), false), "without --apply-skew the corpus run lists them as found, none applied");
  }

  @Test
  void aCaseSuppressesMarksAndCorrectsAsScanAndIncidentsDoWithIt(@TempDir Path dir, @TempDir Path out) throws IOException {
    String input = skewed().toString();
    ImportResult r = new Importer().run(List.of(input), ImportProgress.NONE, new CancellationToken());
    DetectionResult d = new Detector(AnalyticLibrary.builtIn()).run(r.store(), ProgressListener.NONE, new CancellationToken());
    List<ClockSkew> found = new IncidentEngine(IncidentOptions.defaults()).run(r.store(), d.hits(), new CancellationToken()).detectedSkews();
    ClockSkew confirmed = found.stream().filter(k -> k.offsetText().equals("+19:00:00.000")).findFirst().orElseThrow();
    Hit marked = d.hits().stream().filter(h -> h.analytic().id().equals("ST-LSASS-DUMP-FILE")).findFirst().orElseThrow();
    CaseFile c = CaseFile.of(r.sources())
        .withAllow(new AllowEntry("CAR-2019-07-002", "Image", "*\\procdump.exe", "test", "", "the admins' procdump"))
        .withTriage(HitKey.of(r.store(), marked), new HitTriage(HitStatus.TRUE_POSITIVE, List.of("dump"), "seen by IR", "", ""))
        .withSkew(confirmed);
    Path caseFile = dir.resolve("acme.case.json");
    Files.writeString(caseFile, CaseFiles.json(c));

    FleetOutput.Summary s = FleetJob.run(sc, new FleetJob.Request(List.of(input), out, PIECES, FleetJob.minutes(5), 0, List.of(),
        CaseFiles.json(CaseFiles.load(caseFile)), false));
    List<String> fleet = Files.readAllLines(out.resolve(FleetOutput.HITS));
    assertEquals(sorted(cli("scan", "--format", "jsonl", "--case", caseFile.toString(), input)), sorted(fleet),
        "with a case, hits.jsonl holds scan --case's lines: allowlisted hits left out, every hit with its status, tags and notes");
    assertEquals(1, fleet.stream().filter(h -> h.contains("\"status\":\"true_positive\",\"tags\":[\"dump\"],\"notes\":\"seen by IR\"")).count());
    int suppressed = c.apply(r.store(), d.hits()).suppressedCount();
    assertTrue(suppressed > 0, "the allowlist entry suppresses hits here");
    assertEquals(suppressed, s.suppressed());
    assertEquals(d.hits().size() - suppressed, fleet.size());
    assertEquals(cli("incidents", "--format", "jsonl", "--case", caseFile.toString(), input), Files.readAllLines(out.resolve(FleetOutput.INCIDENTS)),
        "with a case, incidents.jsonl holds incidents --case's lines: kept hits only, the confirmed skew applied");
    assertEquals(List.of(confirmed.describe()), s.skews().applied().stream().map(ClockSkew::describe).toList());
  }

  private static Path corpusOutOf() throws IOException {
    corpusRun();
    return corpusOut;
  }

  /** summary.json's clock skews as {@code ClockSkew.describe()}, SHA-256 and offset; each must be applied or not as said. */
  private static List<String> skews(Path out, boolean applied) throws IOException {
    List<String> list = new ArrayList<>();
    for (JsonNode k : JSON.readTree(out.resolve(FleetOutput.SUMMARY).toFile()).get("clock_skews")) {
      assertEquals(applied, k.get("applied").asBoolean(), k.toString());
      list.add(k.get("channel").asText() + " events of " + k.get("source").asText() + " are " + k.get("offset").asText()
          + " off Sysmon's UtcTime (" + k.get("agreeing").asInt() + " of " + k.get("pairs").asInt() + " process creations seen by both agree) "
          + k.get("sha256").asText() + " " + k.get("offset_ticks").asLong());
    }
    return list;
  }

  @Test
  void inputsGivenAsUrisAreReadThroughHadoopsFileSystems(@TempDir Path out, @TempDir Path other) throws IOException {
    String folder = Corpus.dir().resolve("EVTX-ATTACK-SAMPLES/Credential Access").toAbsolutePath().normalize().toString();
    String zip = Corpus.dir().resolve("Security-Datasets/datasets/compound/LSASS_campaign_02/metasploit_procdump_lsass_memory_dump.zip")
        .toAbsolutePath().normalize().toString();
    String missing = out.resolveSibling(out.getFileName() + "-none").resolve("gone.evtx").toString();
    List<String> local = List.of(folder, zip, missing);
    List<String> desktopHits = sorted(cli("scan", "--format", "jsonl", folder, zip, missing));
    List<String> desktopSources = cli("stats", "--format", "jsonl", folder, zip, missing);
    List<String> desktopIncidents = cli("incidents", "--format", "jsonl", folder, zip, missing);
    assertTrue(desktopHits.size() > 30, "hits in the folder and the zip: " + desktopHits.size());

    FleetOutput.Summary s = FleetJob.run(sc, request(out, PIECES, local.stream().map(p -> "file://" + p).toArray(String[]::new)));
    assertEquals(TriageCommand.PARTIAL, s.exitCode(), "a missing input is an issue, as on the desktop");
    assertEquals(desktopHits, sorted(unprefixed(out.resolve(FleetOutput.HITS), "file://")),
        "file:// URIs read through Hadoop's local file system give scan's hits, sources named by the URIs");
    assertEquals(desktopSources.subList(0, desktopSources.size() - 1), unprefixed(out.resolve(FleetOutput.SOURCES), "file://"),
        "the same logs, SHA-256s, counts and issues (the zip's member, the missing file)");
    assertEquals(desktopIncidents, unprefixed(out.resolve(FleetOutput.INCIDENTS), "file://"));

    sc.hadoopConfiguration().set("fs.lfs.impl", OtherLocalFileSystem.class.getName());
    FleetJob.run(sc, request(other, PIECES, "lfs://" + folder));
    assertEquals(sorted(cli("scan", "--format", "jsonl", folder)), sorted(unprefixed(other.resolve(FleetOutput.HITS), "lfs://")),
        "a file system other than Hadoop's default for files, named by its own scheme, gives the same hits; logs read: "
        + Files.readString(other.resolve(FleetOutput.SOURCES)));
  }

  /**
   * The local file system under another scheme ({@code lfs://}): a Hadoop file system that is not the
   * default one for files. It answers for {@code lfs:} paths with {@code lfs:} paths.
   */
  public static final class OtherLocalFileSystem extends org.apache.hadoop.fs.RawLocalFileSystem {
    @Override
    public java.net.URI getUri() {
      return java.net.URI.create("lfs:///");
    }

    @Override
    public String getScheme() {
      return "lfs";
    }

    @Override
    protected void checkPath(org.apache.hadoop.fs.Path path) {
      if (path.toUri().getScheme() != null && !path.toUri().getScheme().equals("lfs") && !path.toUri().getScheme().equals("file")) {
        throw new IllegalArgumentException("not an lfs: path: " + path);
      }
    }

    private static org.apache.hadoop.fs.Path local(org.apache.hadoop.fs.Path p) {
      return new org.apache.hadoop.fs.Path("file", null, p.toUri().getPath());
    }

    private static org.apache.hadoop.fs.FileStatus ours(org.apache.hadoop.fs.FileStatus s) {
      return new org.apache.hadoop.fs.FileStatus(s.getLen(), s.isDirectory(), 1, s.getBlockSize(), s.getModificationTime(),
          new org.apache.hadoop.fs.Path("lfs", null, s.getPath().toUri().getPath()));
    }

    @Override
    public org.apache.hadoop.fs.FileStatus getFileStatus(org.apache.hadoop.fs.Path f) throws IOException {
      return ours(super.getFileStatus(local(f)));
    }

    @Override
    public org.apache.hadoop.fs.FileStatus[] listStatus(org.apache.hadoop.fs.Path f) throws IOException {
      org.apache.hadoop.fs.FileStatus[] all = super.listStatus(local(f));
      for (int i = 0; i < all.length; i++) {
        all[i] = ours(all[i]);
      }
      return all;
    }
  }

  /** A file's lines with the URI scheme taken off the sources' names: the names the desktop gives the same files. */
  private static List<String> unprefixed(Path file, String scheme) throws IOException {
    return Files.readAllLines(file).stream().map(l -> l.replace(scheme + "/", "/")).toList();
  }

  @Test
  void damagedInputsGiveLocatedIssuesKeepGoodRecordsAndSetTheExitCode(@TempDir Path dir, @TempDir Path out) throws IOException {
    byte[] evtx = Files.readAllBytes(Corpus.dir().resolve("EVTX-ATTACK-SAMPLES/Credential Access/CA_sysmon_hashdump_cmd_meterpreter.evtx"));
    byte[] damaged = java.util.Arrays.copyOf(evtx, evtx.length + 65_536 / 2); // a second chunk cut short
    System.arraycopy(evtx, 4096, damaged, 4096 + 65_536, 65_536 / 2);
    Files.write(dir.resolve("cut.evtx"), damaged);
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      lines.append(i == 200 ? "{\"EventID\": 10, \"Hostname\": \"WS1\", broken\n"
          : "{\"EventID\": 10, \"Hostname\": \"WS1\", \"SourceImage\": \"C:\\\\t\\\\p" + i + ".exe\", "
          + "\"TargetImage\": \"C:\\\\Windows\\\\System32\\\\lsass.exe\", \"GrantedAccess\": \"0x1010\"}\n");
    }
    Files.writeString(dir.resolve("access.json"), lines);
    String missing = dir.resolve("missing.evtx").toString();

    FleetOutput.Summary s = FleetJob.run(sc, new FleetJob.Request(List.of(dir.toString(), missing), out, 16 * 1024, FleetJob.minutes(5), 2, List.of()));
    assertEquals(TriageCommand.PARTIAL, s.exitCode(), "damaged input sets exit code 1");
    List<String> stats = cli("stats", "--format", "jsonl", dir.toString(), missing);
    assertEquals(stats.subList(0, stats.size() - 1), Files.readAllLines(out.resolve(FleetOutput.SOURCES)),
        "sources.jsonl holds stats' lines: the same counts and located issues (line 201, the cut chunk), "
        + "the SHA-256 of the inputs read in pieces computed by tasks of their own");
    assertTrue(stats.get(0).contains("\"where\":\"line 201\"") && stats.get(1).contains("chunk 1 offset 0x11000"), String.join("\n", stats));
    List<String> fleet = Files.readAllLines(out.resolve(FleetOutput.HITS));
    assertEquals(399, fleet.stream().filter(h -> h.contains("access.json\",\"record_id\"")).count(),
        "every good record around the broken line is kept and analysed");
    assertEquals(sorted(cli("scan", "--format", "jsonl", dir.toString())), sorted(fleet));
    assertEquals(cli("incidents", "--format", "jsonl", dir.toString()), Files.readAllLines(out.resolve(FleetOutput.INCIDENTS)));
  }

  private static FleetJob.Request request(Path out, long pieces, String... inputs) {
    return new FleetJob.Request(List.of(inputs), out, pieces, FleetJob.minutes(5), 0, List.of());
  }

  /** The lines a command of the desktop's CLI prints. */
  static List<String> cli(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = TriageCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    cl.execute(args);
    return out.toString().lines().toList();
  }

  /** The desktop's risk roll-up in risk.jsonl's form, sorted. */
  private static List<String> risk(RiskRollup rollup) {
    List<String> out = new ArrayList<>();
    for (RiskRollup.Finding f : rollup.findings()) {
      out.add("{\"kind\":\"" + f.kind() + "\",\"name\":" + quote(f.name()) + ",\"sum\":" + f.sum() + ",\"max\":" + f.max()
          + ",\"hits\":" + f.hits() + ",\"analytics\":[" + String.join(",", f.analytics().stream().map(FleetCorpusTest::quote).toList()) + "]}");
    }
    return sorted(out);
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** What identifies a hit wherever its event is read from: analytic, computer, record, risk, time. */
  private static List<String> keys(List<String> lines) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      JsonNode n = JSON.readTree(line);
      out.add(n.get("analytic_id").asText() + "|" + n.get("computer").asText() + "|" + n.get("record_id").asText()
          + "|" + n.get("risk").asInt() + "|" + n.get("time").asText() + "|" + n.get("fields"));
    }
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static List<String> sorted(List<String> lines) {
    List<String> s = new ArrayList<>(lines);
    s.sort(null);
    return s;
  }

  private static long count(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.count();
    }
  }
}
