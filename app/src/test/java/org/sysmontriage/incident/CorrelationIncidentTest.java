package org.sysmontriage.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.correlation.CorrelationRule;

/** Sigma correlation rules define incidents: each finding ties the hits it covers and counts in the score. */
class CorrelationIncidentTest {
  private static final String WKS = "WKS-7.acme.local";

  /** Two base rules (made-up ids) and a user's correlation over them. */
  private static AnalyticLibrary library(String correlation) {
    String base = """
        title: whoami run
        id: U-WHOAMI
        logsource: {product: windows, category: process_creation}
        detection:
          sel: {Image|endswith: '\\\\whoami.exe'}
          condition: sel
        level: low
        ---
        title: share listing
        id: U-NETVIEW
        logsource: {product: windows, category: process_creation}
        detection:
          sel: {Image|endswith: '\\\\net.exe'}
          condition: sel
        level: low
        """;
    AnalyticLibrary lib = AnalyticLibrary.fromText("user.yml", correlation.isEmpty() ? base : base + "---\n" + correlation);
    assertEquals(List.of(), lib.errors());
    return lib;
  }

  private static final String RECON = """
      title: Recon burst on one host
      id: U-RECON-BURST
      correlation:
        type: temporal_ordered
        rules: [U-WHOAMI, U-NETVIEW]
        group-by: [Computer]
        timespan: 1h
      level: critical
      """;

  /** Two low hits of different processes and users, 40 minutes apart: no link of the engine's own ties them. */
  private static Story recon() {
    return new Story()
        .sysmon(WKS, 0, 1, "ProcessGuid", "{a0000000-0000-0000-0000-000000000001}", "ProcessId", "100", "Image",
            "C:\\Windows\\System32\\whoami.exe", "CommandLine", "whoami /all", "User", "ACME\\a.one")
        .hit("U-WHOAMI", 21, "T1033")
        .sysmon(WKS, 2400, 1, "ProcessGuid", "{a0000000-0000-0000-0000-000000000002}", "ProcessId", "200", "Image",
            "C:\\Windows\\System32\\net.exe", "CommandLine", "net view \\\\srv", "User", "ACME\\b.two")
        .hit("U-NETVIEW", 21, "T1135");
  }

  @Test
  void withoutTheRuleTheHitsStaySeparateWeakIncidents() {
    IncidentResult r = recon().incidents(IncidentOptions.defaults().withLibrary(library("")));
    assertEquals(2, r.incidents().size());
    assertTrue(r.incidents().stream().allMatch(i -> i.correlations().isEmpty() && i.score().value() == 21));
  }

  @Test
  void aFindingTiesItsHitsIntoOneIncidentScoredByItsLevel() {
    IncidentResult r = recon().incidents(IncidentOptions.defaults().withLibrary(library(RECON)));
    assertEquals(1, r.incidents().size(), r.incidents().toString());
    Incident i = r.incidents().get(0);
    assertEquals(2, i.hits().size());
    assertEquals(List.of("ACME\\a.one", "ACME\\b.two"), i.users());
    assertEquals(1, i.correlations().size());
    IncidentCorrelation c = i.correlations().get(0);
    assertEquals("U-RECON-BURST", c.ruleId());
    assertFalse(c.bundled());
    assertEquals(90, c.risk(), "critical gives the risk of a critical rule");
    assertEquals("correlation rule 'Recon burst on one host' (U-RECON-BURST, temporal_ordered, critical) on Computer=" + WKS + ": 2 hits",
        c.describe());
    // 90 (the finding's level) + 10 x 1 more technique (T1033, T1135) + 0 sources + 0 stages
    assertEquals(100, i.score().value(), i.score().formula());
    assertTrue(i.score().topFromCorrelation());
    assertTrue(i.score().formula().startsWith("90 (correlation U-RECON-BURST) + 10 x 1 more techniques"), i.score().formula());
    assertEquals(Outcome.ATTEMPT, i.outcome(), "the outcome still comes from the events: no LSASS read, no dump");
  }

  @Test
  void aFindingOutsideItsTimespanTiesNothing() {
    String narrow = RECON.replace("timespan: 1h", "timespan: 30m");
    IncidentResult r = recon().incidents(IncidentOptions.defaults().withLibrary(library(narrow)));
    assertEquals(2, r.incidents().size());
  }

  @Test
  void aGroupByFieldMissingFromTheEventsIsNoSharedValue() {
    String byGuid = RECON.replace("group-by: [Computer]", "group-by: [Computer, SourceProcessGUID]");
    IncidentResult r = recon().incidents(IncidentOptions.defaults().withLibrary(library(byGuid)));
    assertEquals(2, r.incidents().size(), "both events lack SourceProcessGUID: an empty value ties nothing");
  }

  @Test
  void theCorrectedTimelineDecidesTheTimespan() {
    // the second event 2 h after the first on the raw clock: outside 1h; nothing ties
    Story late = new Story()
        .sysmon(WKS, 0, 1, "ProcessGuid", "{a0000000-0000-0000-0000-000000000001}", "Image", "C:\\Windows\\System32\\whoami.exe")
        .hit("U-WHOAMI", 21, "T1033")
        .security(WKS, 7200, 4688, "NewProcessId", "0x10", "NewProcessName", "C:\\Windows\\System32\\net.exe")
        .hit("U-NETVIEW", 21, "T1135");
    AnalyticLibrary lib = library(RECON);
    assertEquals(2, late.incidents(IncidentOptions.defaults().withLibrary(lib)).incidents().size());
    ClockSkew twoHours = new ClockSkew(new Clock(0, "Security"), "story.evtx", "", -2 * 3600 * org.sysmontriage.event.Times.TICKS_PER_SECOND, 1, 1);
    IncidentResult fixed = late.incidents(IncidentOptions.defaults().withLibrary(lib).withSkews(List.of(twoHours)));
    assertEquals(1, fixed.incidents().size(), "with the Security clock corrected the two are 0 s apart");
  }

  @Test
  void bundledChainsAreReadAndAllTheirRulesAreBuiltIn() {
    List<CorrelationRule> chains = Chains.bundled();
    assertEquals(4, chains.size());
    AnalyticLibrary builtIn = AnalyticLibrary.builtIn();
    assertEquals(chains, Chains.forLibrary(builtIn).subList(0, chains.size()), "every bundled chain's rules are built-in analytics");
    for (CorrelationRule c : chains) {
      assertTrue(c.id().startsWith("ST-CHAIN-"), c.id());
      assertEquals(null, builtIn.analytic(c.id()), "a chain id is no analytic id: " + c.id());
      assertEquals("high", c.level());
    }
    assertEquals(List.of(), Chains.forLibrary(library("")), "a library without the built-in analytics runs no bundled chain");
  }
}
