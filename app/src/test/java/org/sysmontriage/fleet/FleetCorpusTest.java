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
import org.sysmontriage.cli.TriageCommand;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.ingest.ImportProgress;
import org.sysmontriage.ingest.ImportResult;
import org.sysmontriage.ingest.Importer;
import org.sysmontriage.testing.Corpus;
import picocli.CommandLine;

/**
 * The fleet job in Spark local mode (one context for the class, two cores) over the real corpus:
 * the same hits as {@code scan}, extracts that give those hits again, damage reported as the
 * desktop reports it.
 */
class FleetCorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Small pieces, so the corpus's bigger EVTX and JSON files are read by chunk and line ranges. */
  private static final long PIECES = 256 * 1024;
  private static JavaSparkContext sc;

  @BeforeAll
  static void startSpark() {
    sc = new JavaSparkContext(FleetJob.localConf("local[2]"));
  }

  @AfterAll
  static void stopSpark() {
    sc.close();
  }

  @Test
  void fleetHitsAreScansHitsAndTheExtractsGiveThemAgain(@TempDir Path out) throws IOException {
    Path corpus = Corpus.dir();
    FleetOutput.Summary s = FleetJob.run(sc, request(out, corpus.toString()));
    List<String> scan = scan(corpus.toString());
    List<String> fleet = Files.readAllLines(out.resolve(FleetOutput.HITS));
    assertTrue(fleet.size() > 100, "the corpus holds many hits: " + fleet.size());
    assertEquals(sorted(scan), sorted(fleet), "hits.jsonl holds exactly scan's lines");
    assertEquals(s.hits(), fleet.size());

    List<String> again = scan(out.resolve(FleetOutput.EXTRACTS).toString());
    assertEquals(sorted(keys(fleet)), sorted(keys(again)), "the extracts re-opened by scan give the same hits");
    ImportResult opened = new Importer().run(List.of(out.toString()), ImportProgress.NONE, new CancellationToken());
    assertFalse(opened.damaged(), "the output folder opens like any folder of logs");
    assertEquals(count(out.resolve(FleetOutput.EXTRACTS)), opened.sources().stream().filter(i -> i.format().equals("json")).count());
  }

  private static FleetJob.Request request(Path out, String... inputs) {
    return new FleetJob.Request(List.of(inputs), out, PIECES, FleetJob.minutes(5), 2);
  }

  static List<String> scan(String path) {
    StringWriter out = new StringWriter();
    CommandLine cl = TriageCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    cl.execute("scan", "--format", "jsonl", path);
    return out.toString().lines().toList();
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
