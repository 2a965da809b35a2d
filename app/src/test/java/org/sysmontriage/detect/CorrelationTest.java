package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sysmontriage.detect.correlation.CorrelationFinding;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.ProgressListener;

/** Sigma correlation rules v2: event_count, value_count, temporal, temporal_ordered, group-by, timespan, aliases. */
class CorrelationTest {
  private static final String FAILED_LOGON = """
      title: Failed logon
      id: failed-logon
      name: failed_logon
      logsource: {product: windows, service: security}
      detection:
        sel:
          EventID: 4625
        condition: sel
      ---
      """;

  private static EventDraft logon(int eventId, String time, String user, String ip) {
    EventDraft d = TestEvents.security(eventId, "UtcTime", time, "TargetUserName", user, "IpAddress", ip);
    return d;
  }

  private static List<CorrelationFinding> run(String yaml, EventDraft... events) {
    AnalyticLibrary lib = AnalyticLibrary.fromText("c.yml", yaml);
    assertEquals(List.of(), lib.errors());
    return new Detector(lib).run(TestEvents.store(events), ProgressListener.NONE, new CancellationToken()).correlations();
  }

  @Test
  void eventCountPerGroupWithinTheTimespan() {
    String yaml = FAILED_LOGON + """
        title: Brute force
        id: brute
        correlation:
          type: event_count
          rules: [failed_logon]
          group-by: [TargetUserName]
          timespan: 5m
          condition: {gte: 4}
        level: high
        """;
    List<EventDraft> events = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      events.add(logon(4625, "2024-01-01 10:0" + i + ":00.000", "alice", "10.0.0.1"));
    }
    events.add(logon(4625, "2024-01-01 10:00:00.000", "bob", "10.0.0.1"));
    events.add(logon(4625, "2024-01-01 10:30:00.000", "bob", "10.0.0.1"));
    events.add(logon(4625, "2024-01-01 11:00:00.000", "bob", "10.0.0.1"));
    events.add(logon(4625, "2024-01-01 12:00:00.000", "bob", "10.0.0.1"));
    List<CorrelationFinding> f = run(yaml, events.toArray(EventDraft[]::new));
    assertEquals(1, f.size(), f.toString());
    assertEquals(Map.of("TargetUserName", "alice"), f.get(0).group());
    assertEquals(5, f.get(0).count(), "every alice failure from 10:00 to 10:04 is inside 5 minutes");
    assertEquals(5, f.get(0).events().size());
    assertEquals("brute", f.get(0).rule().id());
  }

  @Test
  void valueCountCountsDistinctValues() {
    String yaml = FAILED_LOGON + """
        title: Spray
        id: spray
        correlation:
          type: value_count
          rules: [failed-logon]
          group-by: [IpAddress]
          timespan: 10m
          condition: {gte: 3, field: TargetUserName}
        """;
    List<CorrelationFinding> f = run(yaml,
        logon(4625, "2024-01-01 10:00:00.000", "a", "10.0.0.9"), logon(4625, "2024-01-01 10:01:00.000", "b", "10.0.0.9"),
        logon(4625, "2024-01-01 10:02:00.000", "b", "10.0.0.9"), logon(4625, "2024-01-01 10:03:00.000", "c", "10.0.0.9"),
        logon(4625, "2024-01-01 10:00:00.000", "a", "10.0.0.8"), logon(4625, "2024-01-01 10:01:00.000", "a", "10.0.0.8"),
        logon(4625, "2024-01-01 10:02:00.000", "a", "10.0.0.8"));
    assertEquals(1, f.size(), f.toString());
    assertEquals("10.0.0.9", f.get(0).group().get("IpAddress"));
    assertEquals(3, f.get(0).count());
  }

  private static final String TWO_RULES = FAILED_LOGON + """
      title: Logon
      id: ok-logon
      name: ok_logon
      logsource: {product: windows, service: security}
      detection:
        sel:
          EventID: 4624
        condition: sel
      ---
      """;

  @Test
  void temporalNeedsEveryRuleInTheWindowInAnyOrder() {
    String yaml = TWO_RULES + """
        title: Failure then success
        id: fail-success
        correlation:
          type: temporal
          rules: [failed_logon, ok_logon]
          group-by: [TargetUserName]
          timespan: 1m
        """;
    List<CorrelationFinding> f = run(yaml,
        logon(4624, "2024-01-01 10:00:00.000", "alice", "x"), logon(4625, "2024-01-01 10:00:30.000", "alice", "x"),
        logon(4625, "2024-01-01 10:00:00.000", "bob", "x"), logon(4624, "2024-01-01 10:05:00.000", "bob", "x"));
    assertEquals(1, f.size(), f.toString());
    assertEquals("alice", f.get(0).group().get("TargetUserName"));
    assertEquals(List.of("ok-logon", "failed-logon"), f.get(0).ruleIds());
  }

  @Test
  void temporalOrderedNeedsTheListedOrder() {
    String yaml = TWO_RULES + """
        title: Failure then success, in order
        id: fail-then-success
        correlation:
          type: temporal_ordered
          rules: [failed_logon, ok_logon]
          group-by: [TargetUserName]
          timespan: 1m
        """;
    List<CorrelationFinding> f = run(yaml,
        logon(4624, "2024-01-01 10:00:00.000", "alice", "x"), logon(4625, "2024-01-01 10:00:30.000", "alice", "x"),
        logon(4625, "2024-01-01 10:00:00.000", "bob", "x"), logon(4625, "2024-01-01 10:00:10.000", "bob", "x"),
        logon(4624, "2024-01-01 10:00:50.000", "bob", "x"));
    assertEquals(1, f.size(), f.toString());
    assertEquals("bob", f.get(0).group().get("TargetUserName"));
    assertEquals(2, f.get(0).events().size());
  }

  @Test
  void aliasesMapOneGroupFieldToEachRulesOwnField() {
    String yaml = TWO_RULES + """
        title: Same account
        id: alias
        correlation:
          type: temporal
          rules: [failed_logon, ok_logon]
          aliases:
            account:
              failed_logon: TargetUserName
              ok_logon: SubjectUserName
          group-by: [account]
          timespan: 1m
        """;
    EventDraft ok = TestEvents.security(4624, "UtcTime", "2024-01-01 10:00:10.000", "SubjectUserName", "carol");
    List<CorrelationFinding> f = run(yaml, logon(4625, "2024-01-01 10:00:00.000", "carol", "x"), ok);
    assertEquals(1, f.size(), f.toString());
    assertEquals(Map.of("account", "carol"), f.get(0).group());
  }

  @Test
  void badCorrelationsAreErrorsWithTheirLine() {
    AnalyticLibrary lib = AnalyticLibrary.fromText("c.yml", FAILED_LOGON + """
        title: Broken
        id: broken
        correlation:
          type: event_count
          rules: [no_such_rule]
          timespan: 5m
          condition: {gte: 2}
        ---
        title: Broken 2
        id: broken2
        correlation:
          type: sometimes
          rules: [failed_logon]
          timespan: 5m
        """);
    assertEquals(2, lib.errors().size(), lib.errors().toString());
    assertTrue(lib.errors().get(0).message().contains("sometimes"), lib.errors().toString());
    assertTrue(lib.errors().get(1).message().contains("no_such_rule"), lib.errors().toString());
    assertEquals(0, lib.correlations().size());
  }
}
