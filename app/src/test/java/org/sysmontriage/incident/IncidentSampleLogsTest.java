package org.sysmontriage.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.Detector;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.ingest.ImportProgress;
import org.sysmontriage.ingest.Importer;
import org.sysmontriage.testing.SampleLogs;

/**
 * sample-logs/incidents/: the multi-step stories (tool start, LSASS access, dump written, dump
 * packed, copied or sent) on three hosts give exactly the incidents listed in
 * expected-incidents.csv: outcome, score range, campaign membership and the steps it must tell.
 */
class IncidentSampleLogsTest {
  record Expected(String file, String host, String outcome, int minScore, int maxScore, boolean campaign, List<String> mentions) {}

  @Test
  void theStoriesGiveTheListedIncidents() throws IOException {
    Path dir = SampleLogs.dir().resolve("incidents");
    List<Expected> expected = expected(dir.resolve("expected-incidents.csv"));
    assertEquals(3, expected.size());
    List<String> paths = expected.stream().map(e -> SampleLogs.dir().resolve(e.file()).toString()).distinct().toList();
    EventStore store = new Importer().run(paths, ImportProgress.NONE, new CancellationToken()).store();
    var hits = new Detector(AnalyticLibrary.builtIn()).run(store, ProgressListener.NONE, new CancellationToken()).hits();
    IncidentResult r = new IncidentEngine(IncidentOptions.defaults()).run(store, hits, new CancellationToken());
    List<Incident> strong = r.incidents().stream().filter(i -> i.score().value() >= 50).toList();
    assertEquals(expected.size(), strong.size(), strong.stream().map(Incident::headline).toList().toString());
    for (Expected e : expected) {
      Incident i = strong.stream().filter(x -> x.hosts().contains(e.host())).findFirst().orElseThrow(() -> new AssertionError("no incident on " + e.host()));
      assertEquals(e.outcome(), i.outcome().word(), e.host() + ": " + i.outcomeReason());
      assertTrue(i.score().value() >= e.minScore() && i.score().value() <= e.maxScore(), e.host() + ": " + i.score().formula());
      assertEquals(e.campaign(), i.campaignId() != null, e.host() + " campaign");
      String story = String.join("\n", i.steps().stream().map(Step::summary).toList());
      for (String m : e.mentions()) {
        assertTrue(story.contains(m), e.host() + " lacks '" + m + "' in\n" + story);
      }
    }
    assertEquals(1, r.campaigns().size(), r.campaigns().toString());
    assertEquals(2, r.campaigns().get(0).hosts().size());
  }

  private static List<Expected> expected(Path csv) throws IOException {
    List<Expected> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", -1);
      List<String> mentions = c[6].isEmpty() ? List.of() : List.of(c[6].split(";"));
      out.add(new Expected(c[0], c[1], c[2], Integer.parseInt(c[3]), Integer.parseInt(c[4]), c[5].equals("yes"), mentions));
    }
    return out;
  }
}
