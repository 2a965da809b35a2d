package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.ingest.ImportProgress;
import org.sysmontriage.ingest.ImportResult;
import org.sysmontriage.ingest.Importer;
import org.sysmontriage.testing.Corpus;

/** The true positive quoted on the CAR-2019-08-001 page, imported as a user would, fires that analytic. */
class SeedPageTruePositiveTest {
  @Test
  void carTaskManagerPageEventFiresItsAnalyticDespiteDoubledBackslashes(@TempDir Path tmp) throws IOException {
    Path seed = Corpus.dir().resolveSibling("seeds").resolve("000_85b94e9f1c63fb27.txt");
    assumeTrue(Files.isRegularFile(seed), "seed page not found at " + seed);
    String page = Files.readString(seed, StandardCharsets.UTF_8);
    int start = page.indexOf("```json");
    assertTrue(start >= 0, "no json block in the seed page");
    int end = page.indexOf("```", start + 7);
    Path doc = tmp.resolve("car-2019-08-001-true-positive.json");
    Files.writeString(doc, page.substring(start + 7, end), StandardCharsets.UTF_8);
    ImportResult imported = new Importer().run(List.of(doc.toString()), ImportProgress.NONE, new CancellationToken());
    DetectionResult r = new Detector(AnalyticLibrary.builtIn()).run(imported.store(), ProgressListener.NONE, new CancellationToken());
    List<Hit> car = r.hits().stream().filter(h -> h.analytic().id().equals("CAR-2019-08-001")).toList();
    assertEquals(1, car.size(), r.hits().toString());
    assertEquals(258042, imported.store().recordId(car.get(0).event()));
    assertTrue(car.get(0).matches().stream().anyMatch(m -> m.field().equals("TargetFilename") && m.value().endsWith("lsass.DMP")));
  }
}
