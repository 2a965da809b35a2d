package org.sysmontriage.ingest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.EventDraft;

/**
 * A big NDJSON file read on several threads (cut into line ranges) gives the same events, the same
 * issue line numbers and the same raw records as reading it on one thread.
 */
class JsonLogReaderParallelTest {
  @TempDir Path tmp;

  @Test
  void rangesOnManyThreadsEqualOneThread() throws Exception {
    Path file = bigFile();

    CanonicalDump.Result one = CanonicalDump.read(new JsonLogReader(1), file);
    CanonicalDump.Result four = CanonicalDump.read(new JsonLogReader(4), file);

    assertTrue(one.events().size() > 10_000);
    assertEquals(one.events().size(), four.events().size());
    List<String> a = sorted(one.events());
    List<String> b = sorted(four.events());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i), b.get(i), "event " + i);
    }
    assertEquals(one.ctx().issues(), four.ctx().issues());
    assertEquals("line 5001", four.ctx().issues().get(0).where());
  }

  @Test
  void rawRecordIsTheStoredLineAtTheEventsOffset() throws Exception {
    Path file = bigFile();
    List<String> lines = Files.readAllLines(file);
    JsonLogReader reader = new JsonLogReader(4);
    CanonicalDump.Result r = CanonicalDump.read(reader, file);
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < r.events().size(); i += 997) {
      EventDraft e = r.events().get(i);
      String raw = reader.readRaw(file, e.rawOffset);
      assertTrue(lines.contains(raw.strip()), raw);
      assertEquals(e.recordId, json.readTree(raw).path("RecordNumber").asLong());
    }
  }

  @Test
  void rawRecordOfAPrettyDocumentIsTheWholeObject() throws Exception {
    Path file = JsonLogReaderGoldenTest.resourceDir().resolve("elastic-hit.json");
    JsonLogReader reader = new JsonLogReader(1);
    CanonicalDump.Result r = CanonicalDump.read(reader, file);
    String raw = reader.readRaw(file, r.events().get(1).rawOffset);
    assertEquals("9a8b7c6d5e4f", new ObjectMapper().readTree(raw).path("_id").asText());
  }

  /** About 6 MB of OTRF-flat lines with distinct record numbers and one broken line (5001). */
  private Path bigFile() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 1; i <= 24_000; i++) {
      String line = i == 5001 ? "{\"EventID\":10,\"Hostname\":\"h\"," : String.format(
          "{\"EventID\":%d,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"Hostname\":\"host%d\",\"SourceName\":\"Microsoft-Windows-Sysmon\",\"RecordNumber\":%d,"
              + "\"UtcTime\":\"2023-08-16 00:%02d:%02d.%03d\",\"Image\":\"C:\\\\Windows\\\\System32\\\\svchost.exe\",\"CommandLine\":\"svchost.exe -k netsvcs -p -s Schedule %d\",\"Message\":\"Process Create:\\r\\nRuleName: -\"}",
          1 + i % 13, i % 7, i, (i / 60) % 60, i % 60, i % 1000, i);
      out.write(line.getBytes(StandardCharsets.UTF_8));
      out.write(i % 3 == 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
    }
    Path file = tmp.resolve("big.ndjson");
    Files.write(file, out.toByteArray());
    assertTrue(Files.size(file) > NdjsonReader.PARALLEL_FROM);
    return file;
  }

  private static List<String> sorted(List<EventDraft> events) {
    return events.stream().map(CanonicalDump::line).sorted().toList();
  }
}
