package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A rule without our {@code x-sysmon-triage} block (every Hunt pack rule, most user rules) takes its
 * impact and confidence from its Sigma level: the mapping README "Rule format" and "The Hunt pack" document.
 */
class LevelRiskMappingTest {
  @ParameterizedTest
  @CsvSource({
    "informational, 10, 50, 5, INFORMATIONAL",
    "low, 30, 70, 21, LOW",
    "medium, 50, 80, 40, MEDIUM",
    "high, 70, 90, 63, HIGH",
    "critical, 90, 100, 90, CRITICAL",
    "'', 50, 80, 40, MEDIUM"})
  void theLevelGivesImpactConfidenceAndRisk(String level, int impact, int confidence, int risk, Severity severity) {
    AnalyticLibrary lib = AnalyticLibrary.fromText("hunt/r.yml", """
        title: A SigmaHQ-style rule
        id: r
        %s
        logsource: {product: windows, category: process_creation}
        detection:
          sel:
            Image|endswith: '\\whoami.exe'
          condition: sel
        """.formatted(level.isEmpty() ? "" : "level: " + level));

    Analytic a = lib.analytic("r");
    assertEquals(impact, a.impact());
    assertEquals(confidence, a.confidence());
    assertEquals(risk, a.risk());
    assertEquals(severity, a.severity());
  }
}
