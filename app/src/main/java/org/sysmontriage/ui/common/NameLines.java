package org.sysmontriage.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A name (a field's, {@code TargetOutboundDomainName}) laid out in a width, broken only between its words:
 * after a space or one of {@code _ - . / \ :}, and at CamelCase ({@code Target|Outbound}, {@code Sha256|Hash},
 * {@code GUID|Value}). A word wider than the width alone is cut with an ellipsis (the caller shows the whole
 * name in a tooltip), never broken in the middle. Names come from the logs: at most {@link #LONGEST} characters
 * are laid out, so the work per name is bounded whatever its length.
 */
public final class NameLines {
  /** Characters of a name laid out at most (the rest is cut, the tooltip has the whole name). */
  public static final int LONGEST = 256;
  private static final String MORE = "\u2026";

  private NameLines() {}

  /** The text to show (lines apart by {@code \n}) and whether any of the name was left out. */
  public record Shown(String text, boolean cut) {}

  /**
   * {@code name} on lines no wider than {@code room} as {@code width} measures them; {@code room <= 0} (not known
   * yet): on one line.
   */
  public static Shown lines(String name, double room, ToDoubleFunction<String> width) {
    boolean cut = name.length() > LONGEST;
    String s = cut ? name.substring(0, LONGEST) : name;
    if (room <= 0 || !cut && width.applyAsDouble(s) <= room) {
      return new Shown(cut ? s + MORE : s, cut);
    }
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    double used = 0;
    for (String word : words(s)) {
      double w = width.applyAsDouble(word);
      if (line.length() > 0 && used + w > room) { // widths add up per word: no line is measured again and again
        lines.add(line.toString().stripTrailing());
        line.setLength(0);
        used = 0;
      }
      if (line.length() == 0 && width.applyAsDouble(word.stripTrailing()) > room) {
        lines.add(cutTo(word.stripTrailing(), room, width));
        cut = true;
        continue;
      }
      line.append(word);
      used += w;
    }
    if (line.length() > 0) {
      lines.add(line.toString().stripTrailing());
    }
    String text = String.join("\n", lines);
    return new Shown(s.length() < name.length() && !text.endsWith(MORE) ? text + MORE : text, cut);
  }

  /** The words of {@code s}, each with the space or separator that follows it; joined they give {@code s}. */
  public static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 1; i < s.length(); i++) {
      if (breaksBefore(s, i)) {
        out.add(s.substring(start, i));
        start = i;
      }
    }
    if (start < s.length()) {
      out.add(s.substring(start));
    }
    return out;
  }

  /** True when a line may end before {@code s.charAt(i)}: a word boundary, never inside a word. */
  public static boolean breaksBefore(String s, int i) {
    char prev = s.charAt(i - 1);
    char c = s.charAt(i);
    if (Character.isWhitespace(c)) {
      return false; // spaces stay with the word before them
    }
    if (Character.isWhitespace(prev) || "_-./\\:".indexOf(prev) >= 0) {
      return true;
    }
    if (!Character.isUpperCase(c)) {
      return false;
    }
    if (Character.isLowerCase(prev) || Character.isDigit(prev)) {
      return true; // camelCase, Sha256Hash
    }
    // the last capital of an acronym of two or more before a lower-case letter: GUID|Value (not O|Sservice)
    return Character.isUpperCase(prev) && i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1))
        && i >= 2 && Character.isUpperCase(s.charAt(i - 2));
  }

  // The longest start of the word that fits with the ellipsis (at least one character), by halving: a few measures.
  private static String cutTo(String word, double room, ToDoubleFunction<String> width) {
    int lo = 1;
    int hi = word.length() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (width.applyAsDouble(word.substring(0, mid) + MORE) <= room) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return word.substring(0, lo) + MORE;
  }

  /** Characters of a text looked at by {@link #breakLongWords} at most (the rest is left as it is). */
  public static final int LONGEST_TEXT = 4_096;
  /** Words shorter than this many characters are never broken nor measured (no list is that narrow). */
  static final int SHORT_WORD = 6;

  /**
   * {@code text} with each word (a run without spaces) wider than {@code room} put on lines between its parts
   * ({@code WKS-01.finance.corp.} / {@code insecurebank.local}, {@code 2019-06-21T} / {@code 07:35:37.1010000Z}), as
   * many parts on a line as fit: a label or text that wraps itself breaks only at spaces then, never inside a
   * word. A part wider than the room on its own (a hash) is left whole, for the text to break where it must.
   * {@code room <= 0} (not known yet): the text as it is. Linear: each part is measured once, and at most
   * {@link #LONGEST_TEXT} characters are looked at.
   */
  public static String breakLongWords(String text, double room, ToDoubleFunction<String> width) {
    return breakLongWords(text, room, width, 0);
  }

  /**
   * As {@link #breakLongWords(String, double, ToDoubleFunction)}; a word of fewer than {@code room / (1.25 em)}
   * characters surely fits and is not measured ({@code em}: the font's size; 0: every word is measured).
   */
  public static String breakLongWords(String text, double room, ToDoubleFunction<String> width, double em) {
    if (text == null || room <= 0) {
      return text;
    }
    int end = Math.min(text.length(), LONGEST_TEXT);
    StringBuilder out = new StringBuilder(text.length() + 16);
    int start = 0;
    for (int i = 0; i <= end; i++) {
      if (i == end || Character.isWhitespace(text.charAt(i))) {
        String word = text.substring(start, i);
        boolean mayNotFit = i - start >= SHORT_WORD && (em <= 0 || (i - start) * em * 1.25 > room);
        out.append(mayNotFit && width.applyAsDouble(word) > room ? partsOnLines(word, room, width) : word);
        if (i < end) {
          out.append(text.charAt(i));
        }
        start = i + 1;
      }
    }
    return out.append(text, end, text.length()).toString();
  }

  /** The widest word of {@code text} (a run without spaces of at least {@link #SHORT_WORD} characters), 0 if none. */
  public static double widestWord(String text, ToDoubleFunction<String> width) {
    double widest = 0;
    int end = text == null ? 0 : Math.min(text.length(), LONGEST_TEXT);
    int start = 0;
    for (int i = 0; i <= end; i++) {
      if (i == end || Character.isWhitespace(text.charAt(i))) {
        if (i - start >= SHORT_WORD) {
          widest = Math.max(widest, width.applyAsDouble(text.substring(start, i)));
        }
        start = i + 1;
      }
    }
    return widest;
  }

  /**
   * The parts of a word of a text (a value, an entry): apart after a separator ({@code _ - . / \ : , ; =}), after the
   * {@code T} of a timestamp and at a lower-to-upper-case step ({@code Power|Shell}); never between a digit and a
   * letter or inside a run of capitals (a hash such as {@code 1FEC5C7AD651} is one part). Joined they give {@code word}.
   */
  public static List<String> parts(String word) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 1; i < word.length(); i++) {
      char prev = word.charAt(i - 1);
      char c = word.charAt(i);
      boolean step = "_-./\\:,;=".indexOf(prev) >= 0
          || prev == 'T' && Character.isDigit(c) && i >= 2 && Character.isDigit(word.charAt(i - 2))
          || Character.isLowerCase(prev) && Character.isUpperCase(c);
      if (step) {
        out.add(word.substring(start, i));
        start = i;
      }
    }
    if (start < word.length()) {
      out.add(word.substring(start));
    }
    return out;
  }

  // The parts of one word on lines of at most room (greedy; widths add up per part, each measured once).
  private static String partsOnLines(String word, double room, ToDoubleFunction<String> width) {
    StringBuilder out = new StringBuilder(word.length() + 8);
    double used = 0;
    for (String part : parts(word)) {
      double w = width.applyAsDouble(part);
      if (used > 0 && used + w > room) {
        out.append('\n');
        used = 0;
      }
      out.append(part);
      used += w;
    }
    return out.toString();
  }
}
