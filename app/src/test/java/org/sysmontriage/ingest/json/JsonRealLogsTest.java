package org.sysmontriage.ingest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.ingest.ReadContext;
import org.sysmontriage.testing.Corpus;

/**
 * Every JSON-lines log of LABELS.csv (archive members included) imports with exactly the listed
 * number of events and nothing skipped. Archive members are copied to a temporary file first.
 */
class JsonRealLogsTest {
  @TempDir Path tmp;

  static Stream<String> jsonLogs() {
    List<Corpus.Label> labels = Corpus.labels();
    return labels.stream().filter(l -> l.format().startsWith("json")).map(Corpus.Label::path);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jsonLogs")
  void importsExactlyTheListedNumberOfEvents(String labelPath) throws Exception {
    Corpus.Label label = Corpus.labels().stream().filter(l -> l.path().equals(labelPath)).findFirst().orElseThrow();
    Path file = Corpus.file(labelPath);
    if (label.isArchiveMember()) {
      Path member = tmp.resolve("member.json");
      TarGzMembers.extract(file, label.member(), member);
      file = member;
    }
    AtomicLong sysmon = new AtomicLong();
    ReadContext ctx = new ReadContext(labelPath, d -> {
      if (d.provider.equals("Microsoft-Windows-Sysmon")) {
        sysmon.incrementAndGet();
      }
    }, new CancellationToken(), b -> { });

    new JsonLogReader().read(file, ctx);

    assertEquals(label.events(), ctx.events(), () -> "events of " + labelPath + "; issues " + ctx.issues());
    assertEquals(label.sysmonEvents(), sysmon.get(), "Sysmon events of " + labelPath);
    assertEquals(0, ctx.skipped(), () -> "skipped in " + labelPath + ": " + ctx.issues());
    assertTrue(Files.size(file) > 0);
  }
}
