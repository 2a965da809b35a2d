package org.sysmontriage.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: no backtracking regular expression ever runs on a log value. In the layers where log values
 * meet patterns (detect, casefile, risk, incident) java.util.regex and String's regex methods are refused, except
 * in the few files below that apply them to rule or case-file text only. Log values go through RE2/J
 * ({@code ValueTest.RegexTest}) or compiled globs ({@code Glob}).
 */
class NoBacktrackingOnEvidenceTest {
  private static final Path SOURCES = Path.of("src/main/java/org/sysmontriage");
  private static final List<String> LAYERS = List.of("detect", "casefile", "risk", "incident");
  private static final List<String> REGEX_USES = List.of(
      "java.util.regex", "Pattern.compile", ".matches(\"", ".replaceAll(", ".replaceFirst(", ".split(\"");
  /** File -> why its regex never sees a log value. */
  private static final Map<String, String> ALLOWED = Map.of(
      "detect/sigma/ConditionParser.java", "tokenizes a rule's condition and splits 'x*' at its stars",
      "detect/sigma/ValueCompiler.java", "windash rewrites the rule's own value at compile time",
      "detect/sigma/SelectionCompiler.java", "splits a rule key 'Field|mod|mod'",
      "casefile/HitKey.java", "splits a case file's hit key");

  @Test
  void noRegexOnLogValuesInTheEngine() throws IOException {
    List<String> violations = new ArrayList<>();
    for (String layer : LAYERS) {
      Path dir = SOURCES.resolve(layer);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          String name = SOURCES.relativize(f).toString().replace('\\', '/');
          if (!ALLOWED.containsKey(name)) {
            violations.addAll(violations(name, Files.readString(f)));
          }
        }
      }
    }
    assertTrue(violations.isEmpty(), "backtracking regex where log values are tested (use RE2/J or Glob):\n"
        + String.join("\n", violations));
  }

  @Test
  void theAllowlistIsSmallAndCurrent() {
    for (String file : ALLOWED.keySet()) {
      assertTrue(Files.isRegularFile(SOURCES.resolve(file)), "allowlisted file no longer exists: " + file);
    }
    assertTrue(ALLOWED.size() <= 8, "the allowlist is for rule/case text only: keep it small");
  }

  @Test
  void theCheckCatchesRegexUses() {
    assertEquals(1, violations("detect/A.java", "import java.util.regex.Pattern;\nclass A {}").size());
    assertEquals(1, violations("detect/A.java", "class A { boolean f(String v) { return v.matches(\"a.*b\"); } }").size());
    assertEquals(1, violations("detect/A.java", "class A { Object f(String v) { return v.split(\"[^0-9]+\"); } }").size());
    assertEquals(0, violations("detect/A.java", "class A { boolean f(Glob g, String v) { return g.matches(v); } }").size());
    assertEquals(0, violations("detect/A.java", "// java.util.regex in a comment\nclass A { com.google.re2j.Pattern p; }").size());
  }

  static List<String> violations(String file, String source) {
    String code = source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
    List<String> out = new ArrayList<>();
    for (String use : REGEX_USES) {
      if (code.contains(use)) {
        out.add(file + ": " + use);
      }
    }
    return out;
  }
}
