package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.ingest.ImportProgress;
import org.sysmontriage.ingest.ImportResult;
import org.sysmontriage.ingest.Importer;

/**
 * SigmaHQ's regression samples (../shared/sigma/regression_data) for every LSASS-related SigmaHQ rule
 * (the rule text names lsass and the rule is tagged T1003 or titled after LSASS) get a T1003 hit from
 * the built-in analytics alone. The set is read from the SigmaHQ checkout, so a new rule there joins.
 */
class SigmaHqLsassRegressionTest {
  static Path sigmaDir() {
    Path dir = Path.of(System.getProperty("sigma.dir", System.getProperty("corpus.dir", "../../shared/corpus") + "/../sigma"))
        .toAbsolutePath().normalize();
    boolean present = Files.isDirectory(dir.resolve("regression_data"));
    if (!present && Boolean.getBoolean("corpus.required")) {
      fail("SigmaHQ regression data is required (-Dcorpus.required=true) but " + dir + "/regression_data is missing");
    }
    assumeTrue(present, "SigmaHQ checkout not found at " + dir);
    return dir;
  }

  @TestFactory
  Stream<DynamicTest> everyLsassRuleRegressionSampleGetsAT1003Hit() throws IOException {
    Path sigma = sigmaDir();
    List<DynamicTest> tests = new ArrayList<>();
    for (Path rule : rulesNamingLsass(sigma)) {
      String text = Files.readString(rule);
      Path data = regressionDir(sigma, text);
      if (data != null && isLsassRule(text)) {
        tests.add(DynamicTest.dynamicTest(rule.getFileName().toString(), () -> assertT1003Hit(rule, data)));
      }
    }
    assertFalse(tests.isEmpty(), "no LSASS-related SigmaHQ rule with regression data under " + sigma);
    return tests.stream();
  }

  /** SigmaHQ rule files (rules, emerging threats, threat hunting) whose text names lsass, sorted. */
  static List<Path> rulesNamingLsass(Path sigma) throws IOException {
    List<Path> out = new ArrayList<>();
    for (String tree : List.of("rules", "rules-emerging-threats", "rules-threat-hunting")) {
      if (Files.isDirectory(sigma.resolve(tree))) {
        try (Stream<Path> files = Files.walk(sigma.resolve(tree))) {
          for (Path rule : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
            if (Files.readString(rule).toLowerCase(Locale.ROOT).contains("lsass")) {
              out.add(rule);
            }
          }
        }
      }
    }
    return out;
  }

  static boolean isLsassRule(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    String title = t.lines().filter(l -> l.startsWith("title:")).findFirst().orElse("");
    return t.contains("lsass") && (t.contains("attack.t1003") || title.contains("lsass"));
  }

  private static Path regressionDir(Path sigma, String text) {
    for (String line : text.lines().toList()) {
      if (line.startsWith("regression_tests_path:")) {
        Path info = sigma.resolve(line.substring(line.indexOf(':') + 1).trim());
        return Files.isDirectory(info.getParent()) ? info.getParent() : null;
      }
    }
    return null;
  }

  private static void assertT1003Hit(Path rule, Path data) throws IOException {
    List<String> logs;
    try (Stream<Path> s = Files.list(data)) {
      logs = s.filter(p -> p.toString().endsWith(".evtx")).map(Path::toString).sorted().toList();
    }
    assertFalse(logs.isEmpty(), data + " holds no .evtx sample");
    ImportResult imported = new Importer().run(logs, ImportProgress.NONE, new CancellationToken());
    EventStore store = imported.store();
    DetectionResult r = new Detector(AnalyticLibrary.builtIn()).run(store, ProgressListener.NONE, new CancellationToken());
    List<String> t1003 = r.hits().stream().filter(h -> h.analytic().techniques().stream().anyMatch(t -> t.startsWith("T1003")))
        .map(h -> h.analytic().id() + "=" + h.risk()).toList();
    assertTrue(!t1003.isEmpty(), rule.getFileName() + ": no T1003 hit on " + logs + " (hits: "
        + r.hits().stream().map(h -> h.analytic().id()).toList() + ")");
  }
}
