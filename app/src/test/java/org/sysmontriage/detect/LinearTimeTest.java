package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.casefile.AllowEntry;
import org.sysmontriage.detect.sigma.Glob;
import org.sysmontriage.detect.sigma.ValueTest;

/**
 * Every test that touches a log value runs in time linear in the value (issue 9): hostile 16 MB
 * values through every value test of the built-in library (Sigma re on RE2/J, wildcards,
 * contains/startswith/endswith), Sigma globs and allowlist wildcards. The guard is generous (a
 * backtracking engine needs minutes to hours on these); speed itself is measured by bench commands.
 */
class LinearTimeTest {
  private static final Duration GUARD = Duration.ofSeconds(30);
  private static final int MB16 = 16 << 20;

  /**
   * Values that make backtracking engines and naive glob matchers quadratic or worse, 2 MB each (the
   * size of issue 9's 400,000 times "lsass"; the 16 MB cases follow).
   */
  private static List<String> hostile() {
    int mb2 = 2_000_000;
    return List.of(
        "lsass".repeat(mb2 / 5),
        "C:\\Windows\\" + "\\a".repeat(mb2 / 2 - 8),
        "a".repeat(mb2));
  }

  @Test
  void everyBuiltInValueTestIsLinearOnHostileValues() {
    List<ValueTest> tests = AnalyticLibrary.builtIn().registry().tests();
    assertTrue(tests.stream().anyMatch(t -> t instanceof ValueTest.RegexTest), "the built-in library has re tests");
    for (String value : hostile()) {
      for (ValueTest t : tests) {
        assertTimeoutPreemptively(GUARD, () -> t.test(value), () -> t.key() + " on a 16 MB value");
      }
    }
  }

  @Test
  void theDumpFileRegexStillMatchesAtTheEndOfAHugeValue() {
    AnalyticLibrary lib = AnalyticLibrary.builtIn();
    ValueTest dumpFile = lib.registry().tests().stream()
        .filter(t -> t instanceof ValueTest.RegexTest && t.key().contains("lsass[^\\\\]*\\.(dmp"))
        .findFirst().orElseThrow();
    String huge = "C:\\Temp\\" + "lsass".repeat(MB16 / 5) + ".dmp";
    assertTimeoutPreemptively(GUARD, () -> assertTrue(dumpFile.test(huge)));
    assertTimeoutPreemptively(GUARD, () -> assertFalse(dumpFile.test(huge + "x")));
  }

  @Test
  void sigmaGlobsAreLinearAndStillRight() {
    Glob many = Glob.compile("*a*a*a*a*a*a*a*b", false);
    Glob unc = Glob.compile("C:*Windows*system*.exe", false); // a Sigma backslash before * escapes it
    String as = "a".repeat(MB16);
    assertTimeoutPreemptively(GUARD, () -> assertFalse(many.matches(as)));
    assertTimeoutPreemptively(GUARD, () -> assertTrue(many.matches(as + "b")));
    String deep = "c:\\windows\\" + "system".repeat(MB16 / 6);
    assertTimeoutPreemptively(GUARD, () -> assertFalse(unc.matches(deep)));
    assertTimeoutPreemptively(GUARD, () -> assertTrue(unc.matches(deep + ".exe")));
  }

  @Test
  void allowlistWildcardsAreLinearAndStillRight() {
    Glob w = Glob.wildcard("C:\\Windows\\*\\*.exe");
    String deep = "C:\\Windows\\" + "\\".repeat(MB16);
    assertTimeoutPreemptively(GUARD, () -> assertFalse(w.matches(deep.toLowerCase(java.util.Locale.ROOT))));
    assertTrue(w.matches("c:\\windows\\system32\\rundll32.exe"));
    assertFalse(w.matches("c:\\windows\\rundll32.exe"));
    assertTrue(Glob.wildcard("*\\rundll3?.EXE").matches("c:\\x\\rundll32.exe"));
    assertFalse(Glob.wildcard("*\\rundll3?.exe").matches("c:\\x\\rundll3.exe"));
    assertTrue(Glob.wildcard("*").matches(""));
    assertTrue(Glob.wildcard("").matches(""));
    assertFalse(Glob.wildcard("").matches("a"));
    assertTrue(Glob.wildcard("a*").matches("a"));
    assertFalse(Glob.wildcard("a*a").matches("a"));
    assertTrue(Glob.wildcard("a*a").matches("aa"));
    new AllowEntry("X", "SourceImage", "C:\\Windows\\*\\*.exe", "", "", "").matcher(); // compiles without regex
  }
}
