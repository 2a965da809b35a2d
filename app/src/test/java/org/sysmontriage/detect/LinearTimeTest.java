package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.casefile.AllowEntry;
import org.sysmontriage.detect.sigma.Glob;
import org.sysmontriage.detect.sigma.ValueTest;

/**
 * Every test that touches a log value runs in time linear in the value (issue 9): hostile 16 MB
 * values through every value test of the built-in library (Sigma re on RE2/J, wildcards,
 * contains/startswith/endswith), Sigma globs and allowlist wildcards. The guards are generous: 30 s of
 * this thread's CPU for one test of one value (a backtracking engine needs hours on these), and 5
 * minutes of wall time so a shared, overloaded machine cannot fail it; speed itself is measured by
 * bench commands.
 */
class LinearTimeTest {
  private static final Duration GUARD = Duration.ofMinutes(5);
  private static final long CPU_GUARD_NANOS = 30_000_000_000L;
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
        linear(() -> t.test(value), t.key() + " on a hostile value");
      }
    }
  }

  /**
   * Every built-in {@code re} test skips RE2/J when a value lacks the literal each match must hold: on
   * values built from the patterns' pieces it answers exactly as RE2/J alone does.
   */
  @Test
  void everyBuiltInRegexAnswersAsRe2AloneDoes() {
    List<String> pieces = List.of("lsass", "LSASS", "l\u017Fass", ".dmp", ".DMP", "\\", "\\Temp\\", ".exe", "procdump", "64", "-ma ",
        " -ma ", "mimikatz", "sekurlsa::", "comsvcs", ".dll", ", ", "#24", "MiniDump", "rundll32", "dbghelp", "dbgcore", "x", "1", "/");
    java.util.Random random = new java.util.Random(9);
    int matched = 0;
    int compared = 0;
    for (ValueTest t : AnalyticLibrary.builtIn().registry().tests()) {
      if (t instanceof ValueTest.RegexTest r) {
        for (int i = 0; i < 2_000; i++) {
          StringBuilder b = new StringBuilder();
          for (int k = random.nextInt(8); k >= 0; k--) {
            b.append(pieces.get(random.nextInt(pieces.size())));
          }
          String v = b.toString();
          boolean re2 = r.pattern().matcher(v).find();
          assertEquals(re2, t.test(v), () -> r.key() + " on " + v);
          matched += re2 ? 1 : 0;
          compared++;
        }
      }
    }
    assertTrue(compared > 0 && matched > 0, compared + " values compared, " + matched + " matched");
  }

  @Test
  void theDumpFileRegexStillMatchesAtTheEndOfAHugeValue() {
    AnalyticLibrary lib = AnalyticLibrary.builtIn();
    ValueTest dumpFile = lib.registry().tests().stream()
        .filter(t -> t instanceof ValueTest.RegexTest && t.key().contains("lsass[^\\\\]*\\.(dmp"))
        .findFirst().orElseThrow();
    String huge = "C:\\Temp\\" + "lsass".repeat(MB16 / 5) + ".dmp";
    linear(() -> assertTrue(dumpFile.test(huge)));
    linear(() -> assertFalse(dumpFile.test(huge + "x")));
  }

  @Test
  void sigmaGlobsAreLinearAndStillRight() {
    Glob many = Glob.compile("*a*a*a*a*a*a*a*b", false);
    Glob unc = Glob.compile("C:*Windows*system*.exe", false); // a Sigma backslash before * escapes it
    String as = "a".repeat(MB16);
    linear(() -> assertFalse(many.matches(as)));
    linear(() -> assertTrue(many.matches(as + "b")));
    String deep = "c:\\windows\\" + "system".repeat(MB16 / 6);
    linear(() -> assertFalse(unc.matches(deep)));
    linear(() -> assertTrue(unc.matches(deep + ".exe")));
  }

  @Test
  void allowlistWildcardsAreLinearAndStillRight() {
    Glob w = Glob.wildcard("C:\\Windows\\*\\*.exe");
    String deep = "C:\\Windows\\" + "\\".repeat(MB16);
    linear(() -> assertFalse(w.matches(deep.toLowerCase(java.util.Locale.ROOT))));
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

  /** Runs {@code body} under the wall-time guard and fails when it used more than the CPU guard. */
  private static void linear(Runnable body) {
    linear(body, "a 16 MB value");
  }

  private static void linear(Runnable body, String what) {
    assertTimeoutPreemptively(GUARD, () -> {
      java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
      long c0 = threads.getCurrentThreadCpuTime();
      body.run();
      long used = threads.getCurrentThreadCpuTime() - c0;
      if (used > CPU_GUARD_NANOS) {
        fail(what + " took " + used / 1_000_000 + " ms of CPU: not linear");
      }
    }, what);
  }
}
