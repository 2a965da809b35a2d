package org.sysmontriage.ui.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sysmontriage.incident.Incident;
import org.sysmontriage.incident.IncidentCorrelation;

/** The incident's "Tied by Sigma correlation rules" text: each distinct correlation once, and bounded. */
class IncidentCorrelationLinesTest {
  private static IncidentCorrelation chain(String process) {
    return new IncidentCorrelation("ST-CHAIN-X", "LSASS opened, then a dump file", "temporal_ordered", "high", 80,
        Map.of("process", process), 2, true, "built-in");
  }

  private static Incident with(List<IncidentCorrelation> correlations) {
    return new Incident("INC-001", "k", List.of("WKS"), List.of(), 0, 0, null, null, "", List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), null, correlations);
  }

  @Test
  void theSameCorrelationOnTheSameGroupIsOneLineWithItsCount() {
    List<String> lines = IncidentsView.correlationLines(with(List.of(chain("{A}"), chain("{B}"), chain("{A}"))));
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(0).contains("process={A}") && lines.get(0).endsWith("(found 2 times)"), lines.get(0));
    assertTrue(lines.get(1).contains("process={B}") && !lines.get(1).contains("found"), lines.get(1));
  }

  @Test
  void thousandsOfCorrelationsShowTheFirstOnesAndHowManyMore() {
    List<IncidentCorrelation> many = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      many.add(chain("{" + i + "}"));
    }
    List<String> lines = IncidentsView.correlationLines(with(many));
    assertEquals(IncidentsView.MAX_CORRELATION_LINES + 1, lines.size());
    assertTrue(lines.get(0).contains("process={0}"), lines.get(0));
    assertEquals("\u2026 and " + (30_000 - IncidentsView.MAX_CORRELATION_LINES) + " more (the Correlations view lists every finding)",
        lines.get(lines.size() - 1));
  }
}
