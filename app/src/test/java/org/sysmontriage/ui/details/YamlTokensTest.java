package org.sysmontriage.ui.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.ui.details.YamlTokens.Kind;
import org.sysmontriage.ui.details.YamlTokens.Token;

class YamlTokensTest {
  /** Text of each run that is not plain, as "KIND text". */
  private static List<String> runs(String yaml) {
    List<String> out = new ArrayList<>();
    for (Token t : YamlTokens.of(yaml)) {
      String s = yaml.substring(t.start(), t.end());
      if (t.kind() != Kind.PLAIN) {
        out.add(t.kind() + " " + s);
      }
    }
    return out;
  }

  @Test
  void keysModifiersStringsCommentsAndPunctuation() {
    String yaml = "# a rule\n"
        + "title: 'LSASS: dumped' # why\n"
        + "detection:\n"
        + "  selection:\n"
        + "    TargetImage|endswith: '\\lsass.exe'\n"
        + "    CommandLine|contains|all:\n"
        + "      - ' -ma '\n"
        + "      - lsass\n"
        + "    GrantedAccess: 0x1410\n"
        + "  condition: selection and not 1 of filter_*\n"
        + "tags: [attack.t1003.001, 'x']\n"
        + "impact: 80\n"
        + "---\n";
    assertEquals(List.of("COMMENT # a rule", "KEY title", "PUNCT :", "STRING 'LSASS: dumped'", "COMMENT # why",
        "KEY detection", "PUNCT :", "KEY selection", "PUNCT :",
        "KEY TargetImage", "MODIFIER |endswith", "PUNCT :", "STRING '\\lsass.exe'",
        "KEY CommandLine", "MODIFIER |contains|all", "PUNCT :", "PUNCT -", "STRING ' -ma '", "PUNCT -", "STRING lsass",
        "KEY GrantedAccess", "PUNCT :", "STRING 0x1410",
        "KEY condition", "PUNCT :", "STRING selection and not 1 of filter_*",
        "KEY tags", "PUNCT :", "PUNCT [", "STRING attack.t1003.001", "PUNCT ,", "STRING 'x'", "PUNCT ]",
        "KEY impact", "PUNCT :", "LITERAL 80", "PUNCT ---"), runs(yaml));
  }

  @Test
  void blockScalarsAreStringsUntilTheIndentationDrops() {
    String yaml = "description: >-\n  key: not a key\n\n  # not a comment\nlevel: high\n";
    assertEquals(List.of("KEY description", "PUNCT :", "PUNCT >-", "STRING key: not a key", "STRING # not a comment",
        "KEY level", "PUNCT :", "STRING high"), runs(yaml));
  }

  @Test
  void quotesWithEscapesAndUnclosedQuotesStayOnTheirLine() {
    assertEquals(List.of("STRING 'it''s'", "COMMENT # c"), runs("'it''s' # c"));
    assertEquals(List.of("KEY a", "PUNCT :", "STRING \"x\\\"y\""), runs("a: \"x\\\"y\""));
    assertEquals(List.of("KEY a", "PUNCT :", "STRING 'open", "KEY b", "PUNCT :", "LITERAL true"), runs("a: 'open\nb: true"));
  }

  @Test
  void everyBuiltInRuleIsCoveredExactlyAndUsesEveryColour() {
    AnalyticLibrary lib = AnalyticLibrary.builtIn();
    Map<Kind, Integer> seen = new LinkedHashMap<>();
    for (Analytic a : lib.analytics()) {
      String yaml = lib.info(a.id()).ruleDocument();
      StringBuilder joined = new StringBuilder();
      int at = 0;
      for (Token t : YamlTokens.of(yaml)) {
        assertEquals(at, t.start(), a.id() + ": runs are contiguous");
        assertTrue(t.end() > t.start());
        joined.append(yaml, t.start(), t.end());
        at = t.end();
        seen.merge(t.kind(), 1, Integer::sum);
      }
      assertEquals(yaml, joined.toString(), a.id());
      assertTrue(yaml.contains("id: " + a.id()), a.id() + ": its own document");
    }
    assertEquals(java.util.EnumSet.allOf(Kind.class), java.util.EnumSet.copyOf(seen.keySet()));
  }

  @Test
  void aLongHostileLineIsReadInOnePass() {
    String yaml = "k: " + "'a".repeat(200_000) + "\n" + "x|".repeat(100_000) + ":" + " #".repeat(100_000);
    List<Token> tokens = YamlTokens.of(yaml);
    assertEquals(yaml.length(), tokens.get(tokens.size() - 1).end());
  }
}
