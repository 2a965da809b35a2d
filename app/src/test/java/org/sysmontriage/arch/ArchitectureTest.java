package org.sysmontriage.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of ARCHITECTURE.md, checked on the source tree: only {@code ui} touches JavaFX, and
 * dependencies point one way ({@code ui, cli -> report, casefile -> incident -> detect, risk, attack
 * -> event <- ingest}), and only {@code fleet} touches Apache Spark (a provided dependency: the cluster brings it).
 */
class ArchitectureTest {
  private static final Path SOURCES = Path.of("src/main/java/org/sysmontriage");
  private static final Pattern PACKAGE = Pattern.compile("^package org\\.sysmontriage\\.?([a-z]*)", Pattern.MULTILINE);
  private static final Pattern REFERENCE = Pattern.compile("\\borg\\.sysmontriage\\.([a-z]+)\\b");
  private static final Pattern COMMENTS = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
  private static final Set<String> ANALYTICS = Set.of("event", "detect", "risk", "attack");
  private static final Set<String> INCIDENTS = Set.of("event", "detect", "risk", "attack", "incident");
  private static final Set<String> BELOW_UI = Set.of("event", "ingest", "detect", "risk", "attack", "incident", "report", "casefile");
  private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("event", Set.of("event")),
      Map.entry("ingest", Set.of("event", "ingest")),
      Map.entry("detect", ANALYTICS),
      Map.entry("risk", ANALYTICS),
      Map.entry("attack", ANALYTICS),
      Map.entry("incident", INCIDENTS),
      Map.entry("report", BELOW_UI),
      Map.entry("casefile", BELOW_UI),
      Map.entry("cli", union(BELOW_UI, Set.of("cli"))),
      Map.entry("ui", union(BELOW_UI, Set.of("ui"))),
      Map.entry("fleet", union(BELOW_UI, Set.of("fleet", "cli"))));
  private static final Pattern SPARK = Pattern.compile("\\b(org\\.apache\\.spark|scala)\\.");

  @Test
  void layersDependOnlyDownwardAndOnlyUiTouchesJavaFx() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        violations.addAll(violations(SOURCES.relativize(f).toString(), Files.readString(f)));
      }
    }
    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }

  @Test
  void theCheckCatchesAWrongWayImportAndJavaFxOutsideUi() {
    String event = "package org.sysmontriage.event;\nimport org.sysmontriage.ingest.Importer;\n";
    String detect = "package org.sysmontriage.detect;\n// javafx.scene in a comment is fine\nclass A { javafx.scene.Node n; }\n";
    String ui = "package org.sysmontriage.ui;\nimport javafx.scene.Node;\nimport org.sysmontriage.ingest.Importer;\n";
    assertEquals(1, violations("event/A.java", event).size());
    assertEquals(1, violations("detect/A.java", detect).size());
    assertEquals(0, violations("ui/A.java", ui).size());
  }

  @Test
  void onlyTheFleetPackageTouchesSparkAndNothingDependsOnFleet() {
    String fleet = "package org.sysmontriage.fleet;\nimport org.apache.spark.api.java.JavaSparkContext;\nimport scala.Tuple2;\n"
        + "import org.sysmontriage.cli.HitJsonlWriter;\n";
    String ingest = "package org.sysmontriage.ingest;\nimport org.apache.spark.api.java.JavaRDD;\n";
    String cli = "package org.sysmontriage.cli;\nimport org.sysmontriage.fleet.FleetJob;\n";
    assertEquals(0, violations("fleet/A.java", fleet).size());
    assertEquals(1, violations("ingest/A.java", ingest).size());
    assertEquals(1, violations("cli/A.java", cli).size());
  }

  static List<String> violations(String file, String source) {
    String code = COMMENTS.matcher(source).replaceAll(" ");
    List<String> out = new ArrayList<>();
    Matcher pkg = PACKAGE.matcher(code);
    String layer = pkg.find() ? pkg.group(1) : "";
    if (!layer.equals("ui") && code.contains("javafx.")) {
      out.add(file + ": only org.sysmontriage.ui may use javafx.*");
    }
    if (!layer.equals("fleet") && SPARK.matcher(code).find()) {
      out.add(file + ": only org.sysmontriage.fleet may use org.apache.spark / scala");
    }
    Set<String> allowed = ALLOWED.get(layer);
    if (allowed == null) {
      return out; // the root package (Main) wires everything
    }
    Matcher ref = REFERENCE.matcher(code);
    while (ref.find()) {
      if (!allowed.contains(ref.group(1))) {
        out.add(file + ": " + layer + " must not depend on " + ref.group(1));
      }
    }
    return out;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> s = new java.util.HashSet<>(a);
    s.addAll(b);
    return Set.copyOf(s);
  }
}
