package org.sysmontriage.ingest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.testing.Corpus;

/**
 * The true positive printed on the CAR-2019-08-001 page (an Elasticsearch hit with HELK names and
 * a doubly escaped message) imports as one Sysmon event 11. The JSON block is cut from the seed
 * page at test time; the seeds folder sits beside the corpus.
 */
class SeedTruePositiveTest {
  private static final String SEED = "000_85b94e9f1c63fb27.txt";

  @TempDir Path tmp;

  @Test
  void carPageTruePositiveImportsAsOneSysmonFileCreate() throws Exception {
    Path seed = Corpus.dir().resolveSibling("seeds").resolve(SEED);
    String missing = "seed page not found at " + seed + " (the seeds folder sits beside the corpus)";
    if (Boolean.getBoolean("corpus.required")) {
      assertTrue(Files.isRegularFile(seed), missing);
    }
    assumeTrue(Files.isRegularFile(seed), missing);
    Path doc = tmp.resolve("car-2019-08-001-true-positive.json");
    Files.writeString(doc, jsonBlock(Files.readString(seed, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);

    CanonicalDump.Result r = CanonicalDump.read(new JsonLogReader(), doc);

    assertEquals(1, r.events().size(), r.render());
    EventDraft e = r.events().get(0);
    assertEquals(11, e.eventId);
    assertEquals("it001.shire.com", e.computer);
    assertEquals("Microsoft-Windows-Sysmon/Operational", e.channel);
    assertEquals("elastic-hit", r.ctx().dialect());
    assertEquals("C:\\\\Windows\\\\system32\\\\taskmgr.exe", e.get("Image"));
    assertEquals("C:\\\\Users\\\\pgustavo\\\\AppData\\\\Local\\\\Temp\\\\lsass.DMP", e.get("TargetFilename"));
    assertEquals("2019-10-27T05:45:39.8510000Z", org.sysmontriage.event.Times.format(e.ticks));
    assertEquals(0, r.ctx().skipped());
  }

  /** The first fenced {@code ```json} block of a page. */
  static String jsonBlock(String page) {
    int start = page.indexOf("```json");
    assertTrue(start >= 0, "no ```json block in the seed page");
    start = page.indexOf('\n', start) + 1;
    int end = page.indexOf("```", start);
    return page.substring(start, end);
  }
}
