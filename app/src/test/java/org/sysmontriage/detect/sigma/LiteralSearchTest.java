package org.sysmontriage.detect.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The Aho-Corasick search reports exactly the literals that occur, each once, like String.contains. */
class LiteralSearchTest {
  private static TreeSet<Integer> found(LiteralSearch search, String text) {
    TreeSet<Integer> out = new TreeSet<>();
    List<Integer> all = new ArrayList<>();
    search.scanner().scan(text, all::add);
    out.addAll(all);
    assertEquals(out.size(), all.size(), "each literal is reported once: " + all);
    return out;
  }

  private static TreeSet<Integer> naive(List<String> literals, String text) {
    TreeSet<Integer> out = new TreeSet<>();
    for (int i = 0; i < literals.size(); i++) {
      if (text.contains(literals.get(i)) && literals.indexOf(literals.get(i)) == i) {
        out.add(i);
      }
    }
    return out;
  }

  @Test
  void findsOverlappingNestedAndSuffixLiterals() {
    List<String> lits = List.of("he", "she", "his", "hers", "\\procdump", "procdump.exe", "e", "-ma", "–ma", "é");
    LiteralSearch s = LiteralSearch.of(lits);
    assertEquals(naive(lits, "ushers"), found(s, "ushers"));
    assertEquals(new TreeSet<>(List.of(2, 4, 5, 6)), found(s, "c:\\t\\procdump.exe his"));
    assertEquals(naive(lits, "x –ma é -ma"), found(s, "x –ma é -ma"));
    assertEquals(new TreeSet<Integer>(), found(s, "xyz\u4e2d"));
  }

  @Test
  void agreesWithContainsOnRandomTexts() {
    Random random = new Random(12);
    String alphabet = "ab\\c.-é";
    for (int round = 0; round < 300; round++) {
      List<String> lits = new ArrayList<>();
      for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
        lits.add(randomText(random, alphabet, 1 + random.nextInt(5)));
      }
      LiteralSearch s = LiteralSearch.of(lits);
      LiteralSearch.Scanner scanner = s.scanner();
      for (int t = 0; t < 20; t++) {
        String text = randomText(random, alphabet + "xyz", random.nextInt(40));
        TreeSet<Integer> got = new TreeSet<>();
        scanner.scan(text, got::add); // one scanner reused: each text is reported afresh
        assertEquals(naive(lits, text), got, lits + " in '" + text + "'");
      }
    }
  }

  @Test
  void aLongRunOfOneCharacterReportsEachNestedLiteralOnce() {
    List<String> lits = new ArrayList<>();
    for (int n = 1; n <= 64; n++) {
      lits.add("a".repeat(n));
    }
    TreeSet<Integer> all = new TreeSet<>();
    for (int i = 0; i < 64; i++) {
      all.add(i);
    }
    assertEquals(all, found(LiteralSearch.of(lits), "a".repeat(2_000_000)));
  }

  /** The record id's search is left out unless a literal can occur in a number's text: digits (and minus signs) only. */
  @Test
  void onlyALiteralOfDigitsCanOccurInANumber() {
    assertFalse(LiteralSearch.of(List.of("host7", "0x10", "4242x", "\\4242")).canOccurInNumber());
    assertTrue(LiteralSearch.of(List.of("host7", "4242")).canOccurInNumber());
    assertTrue(LiteralSearch.of(List.of("-1")).canOccurInNumber());
    assertTrue(LiteralSearch.of(List.of("evil", "0")).canOccurInNumber());
  }

  @Test
  void anEmptyLiteralIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> LiteralSearch.of(List.of("a", "")));
  }

  private static String randomText(Random random, String alphabet, int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /**
   * A case-insensitive regular expression's literal is searched lower-cased in lower-cased values
   * ({@link Prerequisites}): every character RE2/J matches for an ASCII letter under {@code (?i)}
   * (the long s and the Kelvin sign too) must be found as that letter once the value is lower-cased.
   */
  @Test
  void everyCharacterRe2FoldsOntoAnAsciiLetterIsFoundAsThatLetter() {
    int folded = 0;
    for (char letter = 'a'; letter <= 'z'; letter++) {
      LiteralSearch search = LiteralSearch.of(List.of("x" + letter + "x"));
      com.google.re2j.Pattern re = com.google.re2j.Pattern.compile("x" + letter + "x", com.google.re2j.Pattern.CASE_INSENSITIVE);
      for (int c = 0; c < 0x10000; c++) {
        if (Character.isSurrogate((char) c)) {
          continue;
        }
        String value = "X" + (char) c + "X";
        if (re.matcher(value).find()) {
          List<Integer> found = new ArrayList<>();
          search.scanner().scan(value.toLowerCase(java.util.Locale.ROOT), found::add);
          assertEquals(List.of(0), found, "U+" + Integer.toHexString(c) + " for " + letter);
          folded += c >= 128 ? 1 : 0;
        }
      }
    }
    assertEquals(2, folded, "RE2 folds two non-ASCII characters onto ASCII letters (U+017F, U+212A)");
  }
}
