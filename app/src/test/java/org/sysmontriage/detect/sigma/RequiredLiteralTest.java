package org.sysmontriage.detect.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The literal every match must hold is read conservatively, and skipping RE2/J when a value lacks it
 * never changes an answer: 34,000 values (case variants, the Kelvin sign and long s that
 * RE2 folds onto k and s, surrogates, near misses) give the same result with and without the filter.
 */
class RequiredLiteralTest {
  @Test
  void readsTheLiteralsEveryMatchHolds() {
    assertEquals(List.of("lsass", "."), RequiredLiteral.literals("(^|\\\\)lsass[^\\\\]*\\.(dmp|zip)$"));
    assertEquals(List.of("a", "c"), RequiredLiteral.literals("ab?c"));
    assertEquals(List.of("ab", "c"), RequiredLiteral.literals("ab+c"));
    assertEquals(List.of("y"), RequiredLiteral.literals("x{0,2}y"));
    assertEquals(List.of("y"), RequiredLiteral.literals("x{2}y"), "a counted repeat is not read: weaker, never wrong");
    assertEquals(List.of("foo.exe"), RequiredLiteral.literals("\\d+foo\\.exe"));
    assertEquals(List.of("def"), RequiredLiteral.literals("[]abc]def"));
    assertEquals(List.of("cd"), RequiredLiteral.literals("(?:a|b)+cd"));
    assertEquals(List.of("x", "y"), RequiredLiteral.literals("x\u00e9y"), "a non-ASCII character is not a literal here");
    assertEquals(List.of(), RequiredLiteral.literals(".*"));
  }

  @Test
  void patternsItDoesNotReadHaveNoLiteral() {
    for (String p : List.of("a|b", "(?i)abc", "abc(?i)def", "\\Qabc\\E", "a{,2}", "a\\x41", "\\pLabc", "(?P<n>a)bc", "abc)", "ab\\")) {
      assertNull(RequiredLiteral.literals(p), p);
    }
    assertNull(RequiredLiteral.of(".*\\d", false));
  }

  @Test
  void caseInsensitiveLiteralsFoldAsRe2Does() {
    RequiredLiteral r = RequiredLiteral.of("mimikatz", true);
    assertNotNull(r);
    assertTrue(r.in("C:\\TEMP\\MimiKatz.exe"));
    assertTrue(r.in("mimi\u212Aatz"), "Kelvin sign is a k");
    assertTrue(Pattern.compile("mimikatz", Pattern.CASE_INSENSITIVE).matcher("mimi\u212Aatz").find());
    RequiredLiteral s = RequiredLiteral.of("lsass", true);
    assertTrue(s.in("l\u017Fass"), "long s is an s");
    assertTrue(Pattern.compile("lsass", Pattern.CASE_INSENSITIVE).matcher("l\u017Fass").find());
    assertFalse(RequiredLiteral.of("lsass", false).in("LSASS"));
    assertTrue(RequiredLiteral.of("aab", false).in("aaab"), "a partial match restarts correctly (KMP)");
  }

  @Test
  void theFilterNeverChangesAnAnswer() {
    List<String> patterns = new ArrayList<>(List.of("(^|\\\\)lsass[^\\\\]*\\.(dmp|zip)$", "ab?c", "ab+c", "x{0,2}y", "aab",
        "k+s", "\\\\Temp\\\\.*\\.dmp", "procdump(64)?\\.exe", "[a-z]+kat[sz]", "^s.k$", "a.b.c", "(?:ab|cd)e", "l\\.s\\.a",
        "sekurlsa::(logonpasswords|minidump)", "comsvcs(\\.dll)?[, ]+#?(24|MiniDump)", "\\s-ma\\s", "(?:^|\\\\)mimi[kK]atz\\.exe$"));
    // the built-in library's own patterns are compared the same way in LinearTimeTest
    Random random = new Random(9);
    String alphabet = "abcdekKlsSxyzLAB.\\_0123456789\u212A\u017F\ud83d\ude00 ";
    int compared = 0;
    int matched = 0;
    for (String p : patterns) {
      for (int flags : new int[] {0, Pattern.CASE_INSENSITIVE}) {
        Pattern re = Pattern.compile(p, flags);
        ValueTest.RegexTest filtered = new ValueTest.RegexTest(re, p, "");
        List<String> literals = RequiredLiteral.literals(p);
        List<String> pool = new ArrayList<>(FRAGMENTS);
        pool.addAll(literals == null ? List.of() : literals);
        for (String value : values(random, alphabet, pool)) {
          boolean expected = re.matcher(value).find();
          assertEquals(expected, filtered.test(value), () -> p + " on " + value);
          compared++;
          matched += expected ? 1 : 0;
        }
      }
    }
    assertTrue(compared > 30_000, "compared " + compared);
    assertTrue(matched > 1_000, "values that match: " + matched);
  }

  /** Pieces of the patterns above, so that many values match. */
  private static final List<String> FRAGMENTS = List.of("lsass", "dmp", "zip", ".dmp", "\\", "\\Temp\\", ".exe", "procdump", "64",
      "kat", "ab", "c", "e", "mimikatz", "sekurlsa", "comsvcs", "MiniDump", "-ma", ".");

  /** Random strings, the literals themselves in all case forms, and strings built around them with near misses. */
  private static List<String> values(Random random, String alphabet, List<String> literals) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(24); k > 0; k--) {
        if (!literals.isEmpty() && random.nextInt(4) == 0) {
          String l = literals.get(random.nextInt(literals.size()));
          l = switch (random.nextInt(4)) {
            case 0 -> l.toUpperCase(java.util.Locale.ROOT);
            case 1 -> l.replace('k', '\u212A').replace('s', '\u017F');
            case 2 -> l.substring(0, l.length() - 1);
            default -> l;
          };
          b.append(l);
        } else {
          b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      out.add(b.toString());
    }
    return out;
  }

  /** The prefilter's literal: backslash-free pieces with a non-hex character, lower-cased; leading flags are read past. */
  @Test
  void comparableLiteralIsBackslashFreeNotAllHexAndLowerCase() {
    assertEquals("sekurlsa::", RequiredLiteral.comparableLiteral("SEKURLSA::[a-z]+"));
    assertEquals("public", RequiredLiteral.comparableLiteral("users\\\\public\\\\[^\\\\]+"));
    assertEquals(null, RequiredLiteral.comparableLiteral("^0x0*1F[0-9a-f]{4}$"));
    assertEquals("0x1g", RequiredLiteral.comparableLiteral("0x1G"));
    assertEquals(null, RequiredLiteral.comparableLiteral("a|b"));
    assertEquals(null, RequiredLiteral.comparableLiteral("\\\\"));
    assertEquals("echo", RequiredLiteral.comparableLiteral("(?i)echo.*clip.*&&.*(?:Clipboard|i`?n`?v`?o`?k`?e`?)"));
    assertEquals("echo", RequiredLiteral.comparableLiteral("(?is)ECHO.*"));
    assertEquals(null, RequiredLiteral.comparableLiteral("(?P<x>echo)"));
    assertEquals(null, RequiredLiteral.comparableLiteral("(?i:echo)|b"));
  }
}
