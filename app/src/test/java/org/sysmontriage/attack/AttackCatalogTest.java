package org.sysmontriage.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.testing.Corpus;

class AttackCatalogTest {
  private final AttackCatalog catalog = AttackCatalog.builtIn();

  @Test
  void holdsTheWholeEnterpriseMatrixOfTheRelease() {
    assertEquals("18", catalog.version());
    assertEquals(14, catalog.tactics().size());
    assertEquals("reconnaissance", catalog.tactics().get(0).shortName(), "kill-chain order");
    assertEquals(691, catalog.techniques().size(), "216 techniques + 475 sub-techniques, neither revoked nor deprecated");
    assertEquals(475, catalog.techniques().stream().filter(AttackCatalog.Technique::isSubTechnique).count());
    for (AttackCatalog.Technique t : catalog.techniques()) {
      assertTrue(catalog.technique(t.parentId()).isPresent(), t.id() + " has no parent");
      assertTrue(!t.tactics().isEmpty(), t.id() + " has no tactic");
      t.tactics().forEach(x -> assertTrue(catalog.tactic(x).isPresent(), t.id() + ": " + x));
    }
    assertTrue(catalog.label().startsWith("MITRE ATT&CK Enterprise v18 (data modified up to 2025-"), catalog.label());
  }

  @Test
  void knowsTheCredentialDumpingFamily() {
    assertEquals("OS Credential Dumping", name("T1003"));
    assertEquals(List.of("LSASS Memory", "Security Account Manager", "NTDS", "LSA Secrets", "Cached Domain Credentials",
        "DCSync", "Proc Filesystem", "/etc/passwd and /etc/shadow"),
        List.of("T1003.001", "T1003.002", "T1003.003", "T1003.004", "T1003.005", "T1003.006", "T1003.007", "T1003.008")
            .stream().map(this::name).toList());
    assertEquals(8, catalog.techniques().stream().filter(t -> t.parentId().equals("T1003") && t.isSubTechnique()).count());
  }

  @Test
  void tacticsAreMitresOwn() {
    assertEquals(List.of("credential-access"), catalog.technique("T1003.001").orElseThrow().tactics());
    assertEquals(List.of("credential-access"), catalog.technique("t1003").orElseThrow().tactics());
    assertEquals(List.of("privilege-escalation", "defense-evasion"), catalog.technique("T1055").orElseThrow().tactics());
    assertEquals("TA0006", catalog.tactic("credential-access").orElseThrow().id());
    assertEquals("Defense Evasion", catalog.tactic("TA0005").orElseThrow().name());
  }

  @Test
  void everyTechniqueARuleNamesExists() {
    for (Analytic a : AnalyticLibrary.builtIn().analytics()) {
      a.techniques().forEach(t -> assertTrue(catalog.technique(t).isPresent(), a.id() + " names " + t + ", not in ATT&CK v18"));
    }
  }

  /** The bundled file is what tools/attack_catalog.py makes of ../shared/attack: nobody edited it by hand. */
  @Test
  void isWhatTheGeneratorMakesOfMitresData(@TempDir Path tmp) throws Exception {
    Path data = Corpus.dir().resolveSibling("attack").resolve("enterprise-attack");
    if (!Files.isDirectory(data)) {
      fail("MITRE's ATT&CK data is missing at " + data);
    }
    Path out = tmp.resolve("enterprise-attack.json");
    Process p = new ProcessBuilder("python3", Path.of("../tools/attack_catalog.py").toString(), data.toString(),
        "--attack-version", catalog.version(), "--source", catalog.source(), "--out", out.toString())
        .redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "generator did not end");
    assertEquals(0, p.exitValue(), log);
    try (InputStream bundled = AttackCatalog.class.getResourceAsStream("/org/sysmontriage/attack/enterprise-attack.json")) {
      assertEquals(new String(bundled.readAllBytes(), StandardCharsets.UTF_8), Files.readString(out),
          "regenerate with tools/attack_catalog.py (README: ATT&CK)");
    }
  }

  /** The streaming read gives every field Jackson's data-binding tree of the same file gives. */
  @Test
  void holdsWhatAJsonTreeOfTheBundledFileHolds() throws IOException {
    com.fasterxml.jackson.databind.JsonNode root;
    try (InputStream in = AttackCatalog.class.getResourceAsStream("/org/sysmontriage/attack/enterprise-attack.json")) {
      root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
    }
    assertEquals(root.path("version").asText(), catalog.version());
    assertEquals(root.path("source").asText(), catalog.source());
    assertEquals(root.path("modified").asText(), catalog.modified());
    List<String> tactics = new java.util.ArrayList<>();
    root.path("tactics").forEach(t -> tactics.add(t.path("id").asText() + "|" + t.path("short").asText() + "|" + t.path("name").asText()));
    assertEquals(tactics, catalog.tactics().stream().map(t -> t.id() + "|" + t.shortName() + "|" + t.name()).toList());
    List<String> techniques = new java.util.ArrayList<>();
    root.path("techniques").forEach(t -> {
      List<String> ts = new java.util.ArrayList<>();
      t.path("tactics").forEach(x -> ts.add(x.asText()));
      techniques.add(t.path("id").asText() + "|" + t.path("name").asText() + "|" + ts + "|" + t.path("version").asText());
    });
    assertEquals(691, techniques.size());
    assertEquals(techniques, catalog.techniques().stream().map(t -> t.id() + "|" + t.name() + "|" + t.tactics() + "|" + t.objectVersion()).toList());
  }

  private String name(String id) {
    return catalog.technique(id).map(AttackCatalog.Technique::name).orElse("<missing " + id + ">");
  }
}
