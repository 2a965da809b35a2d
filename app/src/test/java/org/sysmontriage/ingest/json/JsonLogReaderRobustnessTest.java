package org.sysmontriage.ingest.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Truncated and mutated records never throw out of read(): each non-blank line becomes exactly
 * one event or one skipped record with a located issue, and reading goes on after it.
 */
class JsonLogReaderRobustnessTest {
  private static final String[] INPUTS = {"winlogbeat6.ndjson", "winlogbeat7-ecs.ndjson", "otrf-flat.ndjson", "nxlog.ndjson", "xml-json.ndjson"};

  @TempDir Path tmp;

  @Test
  void mutatedLinesEachBecomeOneEventOrOneSkip() throws Exception {
    Random random = new Random(20261121);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long nonBlank = 0;
    for (byte[] line : sourceLines()) {
      for (int k = 0; k < 40; k++) {
        byte[] m = mutate(line, random);
        out.write(m);
        out.write('\n');
        nonBlank += isBlank(m) ? 0 : 1;
      }
    }
    Path file = tmp.resolve("mutated.ndjson");
    Files.write(file, out.toByteArray());

    CanonicalDump.Result r = assertDoesNotThrow(() -> CanonicalDump.read(new JsonLogReader(1), file));

    assertEquals(nonBlank, r.ctx().events() + r.ctx().skipped(), r.ctx().issues().toString());
    assertTrue(r.ctx().events() > 0 && r.ctx().skipped() > 0);
  }

  @Test
  void truncatedDocumentKeepsTheEventsBeforeTheDamage() throws Exception {
    byte[] doc = Files.readAllBytes(JsonLogReaderGoldenTest.resourceDir().resolve("elastic-hit.json"));
    for (int cut = 1; cut < doc.length; cut += 7) {
      Path file = tmp.resolve("cut.json");
      Files.write(file, Arrays.copyOf(doc, cut));
      CanonicalDump.Result r = assertDoesNotThrow(() -> CanonicalDump.read(new JsonLogReader(1), file));
      assertTrue(r.events().size() <= 2);
      assertTrue(r.events().size() == 2 || !r.ctx().issues().isEmpty(), "cut at " + cut + " lost events without an issue");
    }
  }

  @Test
  void overlongLineIsSkippedAndTheLinesAroundItAreKept() throws Exception {
    String good = "{\"EventID\":1,\"Hostname\":\"h\",\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"Image\":\"C:\\\\a.exe\"}\n";
    byte[] longLine = new byte[JsonLimits.MAX_RECORD_BYTES + 1000];
    Arrays.fill(longLine, (byte) 'x');
    longLine[0] = '{';
    longLine[longLine.length - 1] = '\n';
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(good.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    out.write(longLine);
    out.write(good.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Path file = tmp.resolve("long-line.ndjson");
    Files.write(file, out.toByteArray());

    CanonicalDump.Result r = CanonicalDump.read(new JsonLogReader(1), file);

    assertEquals(2, r.ctx().events(), r.render());
    assertEquals(1, r.ctx().skipped());
    assertEquals("line 2", r.ctx().issues().get(0).where());
    assertTrue(r.ctx().issues().get(0).message().contains("longer than 32 MB"), r.render());
  }

  @Test
  void garbageFileGivesOneClearIssueAndNoEvents() throws Exception {
    Path file = tmp.resolve("garbage.json");
    byte[] bytes = new byte[300_000];
    new Random(7).nextBytes(bytes);
    Files.write(file, bytes);

    CanonicalDump.Result r = assertDoesNotThrow(() -> CanonicalDump.read(new JsonLogReader(1), file));

    assertEquals(0, r.ctx().events());
    assertTrue(r.render().contains("not a JSON event log"), r.render());
  }

  @Test
  void nonEventJsonIsReportedAsSuch() throws Exception {
    Path file = tmp.resolve("package.json");
    Files.writeString(file, "{\n  \"name\": \"x\",\n  \"version\": \"1.0.0\"\n}\n");

    CanonicalDump.Result r = CanonicalDump.read(new JsonLogReader(1), file);

    assertEquals(0, r.ctx().events());
    assertTrue(r.render().contains("no Windows event records found"), r.render());
  }

  @Test
  void tooDeepNestingIsLocatedWhereTheLimitIsCrossedAndReportedOnce() throws Exception {
    Path file = tmp.resolve("deep.json");
    int n = 100_000;
    Files.writeString(file, "[".repeat(n) + "]".repeat(n));

    CanonicalDump.Result r = CanonicalDump.read(new JsonLogReader(1), file);

    assertEquals(0, r.ctx().events());
    assertEquals(1, r.ctx().issues().size(), r.render());
    String where = r.ctx().issues().get(0).where();
    assertTrue(where.startsWith("byte offset "), where);
    long offset = Long.parseLong(where.substring("byte offset ".length()));
    assertTrue(offset >= JsonLimits.MAX_NESTING && offset <= JsonLimits.MAX_NESTING + 2, where);
  }

  @Test
  void tooDeepObjectLineGivesOneIssueWithoutTheNoRecordsOne() throws Exception {
    Path file = tmp.resolve("deep-object.json");
    int n = 100_000;
    Files.writeString(file, "{\"a\":".repeat(n) + "1" + "}".repeat(n));

    CanonicalDump.Result r = CanonicalDump.read(new JsonLogReader(1), file);

    assertEquals(1, r.ctx().issues().size(), r.render());
    assertTrue(!r.render().contains("no Windows event records found"), r.render());
  }

  private static List<byte[]> sourceLines() throws Exception {
    List<byte[]> lines = new ArrayList<>();
    for (String name : INPUTS) {
      for (String line : Files.readAllLines(JsonLogReaderGoldenTest.resourceDir().resolve(name))) {
        if (!line.isBlank()) {
          lines.add(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
      }
    }
    return lines;
  }

  /** A truncation, a byte flip, a deleted or a duplicated span; never a newline. */
  private static byte[] mutate(byte[] line, Random random) {
    int at = random.nextInt(line.length);
    byte[] m;
    switch (random.nextInt(4)) {
      case 0 -> m = Arrays.copyOf(line, at);
      case 1 -> {
        m = line.clone();
        m[at] = (byte) random.nextInt(256);
      }
      case 2 -> {
        int end = Math.min(line.length, at + 1 + random.nextInt(20));
        m = new byte[line.length - (end - at)];
        System.arraycopy(line, 0, m, 0, at);
        System.arraycopy(line, end, m, at, line.length - end);
      }
      default -> {
        int end = Math.min(line.length, at + 1 + random.nextInt(20));
        m = new byte[line.length + (end - at)];
        System.arraycopy(line, 0, m, 0, end);
        System.arraycopy(line, at, m, end, line.length - at);
      }
    }
    for (int i = 0; i < m.length; i++) {
      if (m[i] == '\n') {
        m[i] = ' ';
      }
    }
    return m;
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (!ObjectScanner.isSpace(b)) {
        return false;
      }
    }
    return true;
  }
}
