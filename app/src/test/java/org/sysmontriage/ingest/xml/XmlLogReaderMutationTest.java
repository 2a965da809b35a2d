package org.sysmontriage.ingest.xml;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged copies of real-shaped exports never make the reader throw; every event is kept or skipped. */
class XmlLogReaderMutationTest {
  @TempDir Path tmp;

  @Test
  void randomByteDamageNeverThrows() throws Exception {
    for (String name : new String[] {"event-viewer.xml", "wevtutil-utf16.xml", "splunk.xml", "evtx-xml.xml"}) {
      byte[] original = Files.readAllBytes(XmlLogReaderGoldenTest.resource(name));
      Random rnd = new Random(name.hashCode());
      for (int round = 0; round < 150; round++) {
        byte[] b = original.clone();
        for (int k = 0; k < 1 + rnd.nextInt(6); k++) {
          int at = rnd.nextInt(b.length);
          b[at] = switch (rnd.nextInt(4)) {
            case 0 -> (byte) '<';
            case 1 -> (byte) '&';
            case 2 -> 0;
            default -> (byte) rnd.nextInt(256);
          };
        }
        readsWithoutThrowing(Files.write(tmp.resolve("m" + round + name), b), name + " round " + round);
      }
    }
  }

  @Test
  void everyTruncationPointIsSurvived() throws Exception {
    byte[] original = Files.readAllBytes(XmlLogReaderGoldenTest.resource("event-viewer.xml"));
    for (int cut = 0; cut < original.length; cut += 37) {
      byte[] b = java.util.Arrays.copyOf(original, cut);
      readsWithoutThrowing(Files.write(tmp.resolve("cut.xml"), b), "cut at " + cut);
    }
  }

  private static void readsWithoutThrowing(Path file, String what) throws Exception {
    XmlReadResult r = XmlReadResult.read(file);
    XmlLogReader reader = new XmlLogReader();
    for (var d : r.events()) {
      assertTrue(d.eventId >= 0, what);
      String raw = reader.readRaw(file, d.rawOffset);
      assertTrue(raw.startsWith("<Event") && raw.endsWith("</Event>"), what);
    }
    for (var issue : r.issues()) {
      assertTrue(issue.where().startsWith("line ") && !issue.message().isBlank(), what + ": " + issue);
    }
  }
}
