package org.sysmontriage.fleet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sysmontriage.cli.ImportSupport;
import org.sysmontriage.cli.StatsJsonlWriter;
import org.sysmontriage.cli.TerminalText;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.incident.ClockSkew;
import org.sysmontriage.ingest.ImportResult;
import org.sysmontriage.report.JsonIncidents;
import org.sysmontriage.risk.RiskRollup;

/**
 * The output folder of the fleet job: {@code hits.jsonl} ({@code scan --format jsonl}'s lines, in
 * event-time order), {@code risk.jsonl} (per host, then per user across hosts), {@code sources.jsonl}
 * ({@code stats --format jsonl}'s lines per log, with located issues), {@code incidents.jsonl}
 * ({@code incidents --format jsonl}'s lines), {@code campaigns.jsonl}, {@code summary.json} and
 * {@code extracts/HOST.ndjson}. Every file is written beside its place and moved in, whole.
 */
final class FleetOutput {
  static final String HITS = "hits.jsonl";
  static final String RISK = "risk.jsonl";
  static final String SOURCES = "sources.jsonl";
  static final String INCIDENTS = "incidents.jsonl";
  static final String CAMPAIGNS = "campaigns.jsonl";
  static final String SUMMARY = "summary.json";
  static final String EXTRACTS = "extracts";
  private static final JsonFactory JSON = new JsonFactory().setRootValueSeparator(null);

  private FleetOutput() {}

  /** What the run gave, for the exit code and the last line on stderr. */
  record Summary(int exitCode, long events, int hosts, int hits, int incidents, int logs, int damagedLogs, List<SourceInfo> sources,
      Skews skews, int suppressed) {}

  /** The clock skews found over all hosts (log order) and those applied to the incidents. */
  record Skews(List<ClockSkew> found, List<ClockSkew> applied) {
    boolean isApplied(ClockSkew s) {
      return applied.stream().anyMatch(a -> a.clock().equals(s.clock()));
    }
  }

  /** Where the job's time went: reading the pieces (first Spark job), then grouping and analysing the hosts and writing. */
  record Timing(long readNanos, long hostNanos) {
    long total() {
      return readNanos + hostNanos;
    }
  }

  static Path extractsDir(Path out) {
    return out.toAbsolutePath().resolve(EXTRACTS);
  }

  static Summary write(Path out, int pieces, List<SourceInfo> sources, List<HostResult> hosts, Skews skews, Timing timing)
      throws IOException {
    Files.createDirectories(out);
    List<HostResult.HitLine> hits = new ArrayList<>();
    long events = 0;
    for (HostResult h : hosts) {
      hits.addAll(h.hits());
      events += h.events();
    }
    hits.sort(Comparator.comparingLong(HostResult.HitLine::ticks).thenComparing(HostResult.HitLine::json));
    atomically(out.resolve(HITS), w -> {
      for (HostResult.HitLine h : hits) {
        w.write(h.json());
        w.write('\n');
      }
    });
    atomically(out.resolve(RISK), w -> writeRisk(w, hosts));
    FleetIncidents.Result incidents = FleetIncidents.of(hosts);
    atomically(out.resolve(INCIDENTS), w -> {
      for (String line : incidents.lines()) {
        w.write(line);
        w.write('\n');
      }
    });
    atomically(out.resolve(CAMPAIGNS), w -> writeCampaigns(w, incidents.campaigns()));
    atomically(out.resolve(SOURCES), w -> StatsJsonlWriter.writeSources(sources, w));
    ImportResult imported = new ImportResult(EventStore.empty(), sources, timing.total());
    int code = ImportSupport.exitCode(imported);
    int damaged = (int) sources.stream().filter(s -> s.damaged() || s.format().equals("unknown")).count();
    int suppressed = hosts.stream().mapToInt(h -> h.suppressed().values().stream().mapToInt(Integer::intValue).sum()).sum();
    Summary summary = new Summary(code, events, hosts.size(), hits.size(), incidents.lines().size(), sources.size(), damaged, sources,
        skews, suppressed);
    atomically(out.resolve(SUMMARY), w -> writeSummary(w, summary, pieces, hosts, incidents.campaigns().size(), timing));
    return summary;
  }

  /** Every located issue on {@code err} as {@code SOURCE: WHERE: MESSAGE}, as the other commands print them. */
  static void printIssues(Summary s, PrintWriter err) {
    ImportSupport.printIssues(new ImportResult(EventStore.empty(), s.sources(), 0), err);
  }

  /** Each clock skew found, as {@code incidents} notes it: applied, or how to apply it. */
  static void printSkews(Summary s, PrintWriter err) {
    for (ClockSkew k : s.skews().found()) {
      err.println(TerminalText.safe("note: clock skew: " + k.describe() + (s.skews().isApplied(k)
          ? "; applied to the incidents (raw times kept in hits.jsonl)"
          : "; not applied, --apply-skew applies it (or confirm it in the GUI's case and give --case)")));
    }
  }

  private static void writeRisk(Writer w, List<HostResult> hosts) throws IOException {
    List<HostResult.Risk> hostRisks = new ArrayList<>();
    Map<String, HostResult.Risk> users = new LinkedHashMap<>();
    List<HostResult> byName = new ArrayList<>(hosts);
    byName.sort(Comparator.comparing(HostResult::host));
    for (HostResult h : byName) {
      for (HostResult.Risk r : h.risks()) {
        if (r.kind().equals(RiskRollup.HOST)) {
          hostRisks.add(r);
        } else {
          users.merge(r.name(), r, FleetOutput::add);
        }
      }
    }
    Comparator<HostResult.Risk> order = Comparator.comparingInt(HostResult.Risk::sum).reversed().thenComparing(HostResult.Risk::name);
    hostRisks.sort(order);
    List<HostResult.Risk> userRisks = new ArrayList<>(users.values());
    userRisks.sort(order);
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      for (List<HostResult.Risk> list : List.of(hostRisks, userRisks)) {
        for (HostResult.Risk r : list) {
          g.writeStartObject();
          g.writeStringField("kind", r.kind());
          g.writeStringField("name", r.name());
          g.writeNumberField("sum", r.sum());
          g.writeNumberField("max", r.max());
          g.writeNumberField("hits", r.hits());
          g.writeArrayFieldStart("analytics");
          for (String a : r.analytics()) {
            g.writeString(a);
          }
          g.writeEndArray();
          g.writeEndObject();
          g.writeRaw('\n');
        }
      }
    }
  }

  /** One user's risk over two hosts: sums and hit counts add up, the maximum is the larger. */
  static HostResult.Risk add(HostResult.Risk a, HostResult.Risk b) {
    Set<String> analytics = new LinkedHashSet<>(a.analytics());
    analytics.addAll(b.analytics());
    return new HostResult.Risk(a.kind(), a.name(), a.sum() + b.sum(), Math.max(a.max(), b.max()), a.hits() + b.hits(),
        List.copyOf(analytics));
  }

  private static void writeCampaigns(Writer w, List<FleetIncidents.Campaign> campaigns) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      for (FleetIncidents.Campaign c : campaigns) {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("link", c.link());
        JsonIncidents.strings(g, "hosts", c.hosts());
        JsonIncidents.strings(g, "incidents", c.incidentIds());
        g.writeEndObject();
        g.writeRaw('\n');
      }
    }
  }

  private static void writeSummary(Writer w, Summary s, int pieces, List<HostResult> hosts, int campaigns, Timing timing)
      throws IOException {
    List<HostResult> byName = new ArrayList<>(hosts);
    byName.sort(Comparator.comparing(HostResult::host));
    try (JsonGenerator g = JSON.createGenerator(w).useDefaultPrettyPrinter()) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("format", "sysmon-triage-fleet");
      g.writeNumberField("exit_code", s.exitCode());
      g.writeNumberField("logs", s.logs());
      g.writeNumberField("damaged_logs", s.damagedLogs());
      g.writeNumberField("pieces", pieces);
      g.writeNumberField("events", s.events());
      g.writeNumberField("hosts", s.hosts());
      g.writeNumberField("hits", s.hits());
      g.writeNumberField("incidents", s.incidents());
      g.writeNumberField("campaigns", campaigns);
      g.writeNumberField("suppressed_by_case", s.suppressed());
      g.writeArrayFieldStart("clock_skews"); // as incidents notes them: what to add to the log's channel to get Sysmon's time
      for (ClockSkew k : s.skews().found()) {
        g.writeStartObject();
        g.writeStringField("source", k.sourceName());
        g.writeStringField("sha256", k.sha256());
        g.writeStringField("channel", k.clock().channel());
        g.writeStringField("offset", k.offsetText());
        g.writeNumberField("offset_ticks", k.offsetTicks());
        g.writeNumberField("pairs", k.pairs());
        g.writeNumberField("agreeing", k.agreeing());
        g.writeBooleanField("applied", s.skews().isApplied(k));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("seconds", timing.total() / 1e9);
      g.writeNumberField("read_seconds", timing.readNanos() / 1e9);
      g.writeNumberField("host_seconds", timing.hostNanos() / 1e9);
      g.writeArrayFieldStart("hosts_analysed"); // biggest first: where the analysis time went
      List<HostResult> bySize = new ArrayList<>(hosts);
      bySize.sort(Comparator.comparingLong(HostResult::events).reversed().thenComparing(HostResult::host));
      for (HostResult h : bySize) {
        g.writeStartObject();
        g.writeStringField("host", h.host());
        g.writeNumberField("events", h.events());
        g.writeNumberField("hits", h.hits().size());
        g.writeNumberField("incidents", h.incidents().size());
        g.writeNumberField("seconds", h.nanos() / 1e9);
        g.writeNumberField("store_seconds", h.phases().store() / 1e9);
        g.writeNumberField("detect_seconds", h.phases().detect() / 1e9);
        g.writeNumberField("hit_lines_seconds", h.phases().hitLines() / 1e9);
        g.writeNumberField("incidents_seconds", h.phases().incidents() / 1e9);
        g.writeNumberField("extract_seconds", h.phases().extract() / 1e9);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("extracts");
      for (HostResult h : byName) {
        if (h.extract() != null) {
          g.writeStartObject();
          g.writeStringField("host", h.host());
          g.writeStringField("file", EXTRACTS + "/" + h.extract());
          g.writeNumberField("events", h.extractEvents());
          g.writeNumberField("hits", h.hits().size());
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  @FunctionalInterface
  private interface Body {
    void write(Writer w) throws IOException;
  }

  private static void atomically(Path file, Body body) throws IOException {
    Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
    try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      body.write(w);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
