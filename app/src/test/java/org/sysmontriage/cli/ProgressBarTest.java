package org.sysmontriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.sysmontriage.ingest.ImportStatus;

class ProgressBarTest {
  @Test
  void drawsTheDoneFractionEventsAndSpeed() {
    String line = ProgressBar.line(new ImportStatus(50, 100, 1234, 1, 2, "logs/" + "x".repeat(60) + ".json", 12.34));
    assertTrue(line.startsWith("[############------------]  50% 1,234 events  1/2 logs  12.3 MB/s  ..."), line);
    assertTrue(line.endsWith("x.json"), line);
  }

  @Test
  void showsAnUnknownTotalWhileArchivesExpand() {
    assertTrue(ProgressBar.line(new ImportStatus(0, 0, 0, 0, 0, "a.zip", 0)).startsWith("[------------------------]  ... 0 events  expanding archives"));
  }

  @Test
  void redrawsInPlaceAndWipesItself() {
    StringWriter err = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(err));
    bar.update(new ImportStatus(1, 2, 3, 0, 1, "a.json", 1));
    bar.clear();
    String s = err.toString();
    assertTrue(s.startsWith("\r["), s);
    assertTrue(s.endsWith("\r"), s);
    assertEquals(-1, s.indexOf('\n'));
  }
}
