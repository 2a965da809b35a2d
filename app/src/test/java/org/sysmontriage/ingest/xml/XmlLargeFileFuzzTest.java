package org.sysmontriage.ingest.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.ingest.ReadContext;

/**
 * XML exports over 8 MB (the parallel path) with random damage: one thread and several give the
 * same events and the same located issues, and every damaged event is accounted for. Fixed seeds;
 * the timeout is a hang guard.
 */
class XmlLargeFileFuzzTest {
  @TempDir Path tmp;

  @Test
  void damagedExportsOverEightMegabytesReadTheSameOnOneAndOnSeveralThreads() throws Exception {
    for (String name : new String[] {"event-viewer.xml", "wevtutil-utf16.xml"}) {
      byte[] original = Files.readAllBytes(XmlLogReaderGoldenTest.resource(name));
      Random rnd = new Random(name.hashCode() * 31L);
      byte[] big = repeatEvents(original, XmlLogReader.PARALLEL_FROM_BYTES + (1 << 20));
      for (int round = 0; round < Integer.getInteger("xml.fuzz.large", 1); round++) {
        byte[] b = big.clone();
        for (int k = 0; k < 200; k++) {
          int at = rnd.nextInt(b.length);
          b[at] = switch (rnd.nextInt(5)) {
            case 0 -> (byte) '<';
            case 1 -> (byte) '&';
            case 2 -> 0;
            case 3 -> (byte) 0xff;
            default -> (byte) rnd.nextInt(256);
          };
        }
        Path file = Files.write(tmp.resolve("big-" + round + "-" + name), b);
        assertTrue(Files.size(file) >= XmlLogReader.PARALLEL_FROM_BYTES);
        String what = name + " round " + round;
        ReadContext one = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> read(file, 1));
        ReadContext several = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> read(file, 4));
        assertEquals(one.events(), several.events(), what);
        assertEquals(one.skipped(), several.skipped(), what);
        assertEquals(sorted(one.issues()), sorted(several.issues()), what);
        assertTrue(one.events() > 0 && !one.issues().isEmpty(), what + ": the damage must show");
        for (ImportIssue issue : one.issues()) {
          assertTrue(issue.where().startsWith("line ") || issue.where().equals("-"), what + ": " + issue);
        }
      }
    }
  }

  /** The file's events repeated (in their own encoding) inside its prolog and root until it is {@code min} bytes. */
  private static byte[] repeatEvents(byte[] original, int min) {
    boolean utf16 = original.length > 1 && (original[0] & 0xff) == 0xFF && (original[1] & 0xff) == 0xFE;
    String text = utf16 ? new String(original, 2, original.length - 2, StandardCharsets.UTF_16LE) : new String(original, StandardCharsets.UTF_8);
    int first = text.indexOf("<Event ");
    int last = text.lastIndexOf("</Event>") + "</Event>".length();
    String events = text.substring(first, last) + "\n";
    StringBuilder s = new StringBuilder(text.substring(0, first));
    int unit = utf16 ? 2 : 1;
    while (s.length() * unit < min) {
      s.append(events);
    }
    s.append(text.substring(last));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (utf16) {
      out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
    }
    out.writeBytes(s.toString().getBytes(utf16 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static ReadContext read(Path file, int threads) throws Exception {
    ReadContext ctx = new ReadContext(file.getFileName().toString(), d -> { }, new CancellationToken(), b -> { });
    new XmlLogReader(threads).read(file, ctx);
    return ctx;
  }

  private static List<String> sorted(List<ImportIssue> issues) {
    return issues.stream().map(ImportIssue::toString).sorted().toList();
  }
}
