package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.attack.AttackCatalog;

class AnalyticLibraryTest {
  private final AnalyticLibrary lib = AnalyticLibrary.builtIn();

  @Test
  void builtInRulesLoadWithoutErrors() {
    assertEquals(List.of(), lib.errors());
    assertTrue(lib.analytics().size() >= 19, "analytics: " + lib.analytics().size());
  }

  @Test
  void everyRuleFileIsListedInTheIndex() throws IOException {
    Path dir = Path.of("src/main/resources/org/sysmontriage/detect/rules");
    List<String> index = Files.readAllLines(dir.resolve("index.txt"));
    try (Stream<Path> files = Files.list(dir)) {
      files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml"))
          .forEach(n -> assertTrue(index.contains(n), n + " missing from index.txt"));
    }
  }

  @Test
  void seedAnalyticsCarTheirPageIdsAndRisks() {
    assertEquals(80, lib.analytic("e102e297-dbe6-4a19-b319-5c08f4c19a06").risk());
    assertEquals(63, lib.analytic("fb4c31b0-13e8-4155-8aa5-24de4b8d6717").risk());
    assertEquals(List.of("T1003.001", "T1003"), lib.analytic("CAR-2020-05-001").techniques());
    assertTrue(lib.info("CAR-2020-05-001").notes().contains("T1003.003"));
    assertNotNull(lib.analytic("CAR-2019-07-002/process-access"));
    assertEquals(List.of("Computer", "TargetImage", "TargetProcessId", "SourceImage", "SourceProcessId"),
        lib.info("fb4c31b0-13e8-4155-8aa5-24de4b8d6717").aggregateBy());
    assertEquals(3, lib.info("CAR-2019-08-001").implementations().size());
    assertEquals(List.of("D3-PSA"), lib.info("CAR-2019-07-002").d3fend());
  }

  @Test
  void everyTechniqueAndTacticOfEveryRuleIsInTheAttackCatalog() {
    AttackCatalog catalog = AttackCatalog.builtIn();
    for (Analytic a : lib.analytics()) {
      assertTrue(!a.techniques().isEmpty(), a.id() + " has no technique");
      a.techniques().forEach(t -> assertTrue(catalog.technique(t).isPresent(), a.id() + ": " + t));
      a.tactics().forEach(t -> assertTrue(catalog.tactic(t).isPresent(), a.id() + ": " + t));
    }
  }

  @Test
  void badRulesAreReportedWithFileAndLineWhileGoodOnesLoad(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("good.yml"), """
        title: Good
        id: user-good
        logsource: {product: windows, category: process_creation}
        detection:
          sel:
            Image|endswith: '\\evil.exe'
          condition: sel
        """);
    Files.writeString(dir.resolve("bad.yml"), """
        title: Bad modifier
        id: user-bad
        logsource: {product: windows, category: process_creation}
        detection:
          sel:
            Image|sometimes: 'x'
          condition: sel
        ---
        title: Bad condition
        id: user-bad-2
        logsource: {product: windows, category: process_creation}
        detection:
          sel:
            Image: 'x'
          condition: sel and nothere
        """);
    Files.writeString(dir.resolve("broken.yaml"), "title: [unclosed\n  id: x\n");
    AnalyticLibrary loaded = AnalyticLibrary.load(List.of(dir));
    assertNotNull(loaded.analytic("user-good"));
    assertNotNull(loaded.analytic("CAR-2019-08-001"));
    List<RuleError> errors = loaded.errors();
    assertEquals(3, errors.size(), errors.toString());
    RuleError modifier = errors.stream().filter(e -> e.message().contains("sometimes")).findFirst().orElseThrow();
    assertTrue(modifier.file().endsWith("bad.yml"));
    assertEquals(6, modifier.line());
    RuleError condition = errors.stream().filter(e -> e.message().contains("nothere")).findFirst().orElseThrow();
    assertEquals(15, condition.line());
    assertTrue(errors.stream().anyMatch(e -> e.file().endsWith("broken.yaml") && e.line() > 0));
  }

  @Test
  void aBinaryRuleFileIsReportedAsNotUtf8TextWithItsLine(@TempDir Path dir) throws IOException {
    Path photo = dir.resolve("photo.evtx");
    Files.write(photo, new byte[] {'t', 'i', 't', 'l', 'e', ':', ' ', 'x', '\n', (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0});
    List<RuleError> errors = AnalyticLibrary.load(List.of(photo)).errors();
    assertEquals(1, errors.size(), errors.toString());
    assertEquals(2, errors.get(0).line());
    assertEquals("not UTF-8 text at byte offset 9 (a Sigma rule in YAML was expected)", errors.get(0).message());
  }
}
