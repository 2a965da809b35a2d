package org.sysmontriage.ui.grid;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Locale;

/**
 * One cell of the filter row, parsed from what the analyst typed. Text columns: {@code lsass}
 * contains (case-insensitive), {@code =lsass.exe} equals, {@code !lsass} does not contain,
 * {@code !=x} is not, {@code /ls+ass/} or {@code ~ls+ass} regex (RE2/J: linear time on any value).
 * Number columns: {@code 50} or {@code >=50} at least, {@code >50}, {@code <=50}, {@code <50},
 * {@code =50}.
 */
public final class ColumnFilter {
  /** How the typed text is compared. */
  public enum Op { CONTAINS, NOT_CONTAINS, EQUALS, NOT_EQUALS, REGEX, AT_LEAST, MORE, AT_MOST, LESS, NUMBER_EQUALS }

  public static final String HELP = "text: contains · =text equals · !text excludes · !=text is not · /regex/ or ~regex (RE2, linear time)"
      + " · numbers: 50 or >=50, >50, <=50, <50, =50";

  private final Op op;
  private final String value;
  private final String lower;
  private final Pattern regex;
  private final long number;

  private ColumnFilter(Op op, String value, Pattern regex, long number) {
    this.op = op;
    this.value = value;
    this.lower = value.toLowerCase(Locale.ROOT);
    this.regex = regex;
    this.number = number;
  }

  /**
   * Parses a filter cell; blank gives null (no filter).
   *
   * @throws IllegalArgumentException with a message a person can act on
   */
  public static ColumnFilter parse(String typed, GridColumn.Kind kind) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    String s = typed.strip();
    if (kind == GridColumn.Kind.NUMBER) {
      return number(s);
    }
    if (s.length() >= 2 && s.startsWith("/") && s.endsWith("/")) {
      return regex(s.substring(1, s.length() - 1));
    }
    if (s.startsWith("~")) {
      return regex(s.substring(1));
    }
    if (s.startsWith("!=")) {
      return new ColumnFilter(Op.NOT_EQUALS, s.substring(2), null, 0);
    }
    if (s.startsWith("!")) {
      return new ColumnFilter(Op.NOT_CONTAINS, s.substring(1), null, 0);
    }
    if (s.startsWith("=")) {
      return new ColumnFilter(Op.EQUALS, s.substring(1), null, 0);
    }
    return new ColumnFilter(Op.CONTAINS, s, null, 0);
  }

  private static ColumnFilter regex(String p) {
    try {
      return new ColumnFilter(Op.REGEX, p, Pattern.compile(p, Pattern.CASE_INSENSITIVE), 0);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("Not a valid regular expression: " + e.getMessage());
    }
  }

  private static ColumnFilter number(String s) {
    Op op = Op.AT_LEAST;
    String rest = s;
    for (String[] p : new String[][] {{">=", "AT_LEAST"}, {"<=", "AT_MOST"}, {">", "MORE"}, {"<", "LESS"}, {"=", "NUMBER_EQUALS"}}) {
      if (s.startsWith(p[0])) {
        op = Op.valueOf(p[1]);
        rest = s.substring(p[0].length()).strip();
        break;
      }
    }
    try {
      return new ColumnFilter(op, rest, null, Long.parseLong(rest));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Type a whole number, optionally after >=, >, <=, < or = (\"" + s + "\" is not)");
    }
  }

  public Op op() {
    return op;
  }

  public String value() {
    return value;
  }

  /** True when a row with this cell text (and numeric value, for number columns) passes. */
  public boolean accepts(String text, long n) {
    return switch (op) {
      case CONTAINS -> containsIgnoreCase(text, lower);
      case NOT_CONTAINS -> !containsIgnoreCase(text, lower);
      case EQUALS -> text.equalsIgnoreCase(value);
      case NOT_EQUALS -> !text.equalsIgnoreCase(value);
      case REGEX -> regex.matcher(text).find();
      case AT_LEAST -> n >= number;
      case MORE -> n > number;
      case AT_MOST -> n <= number;
      case LESS -> n < number;
      case NUMBER_EQUALS -> n == number;
    };
  }

  /** Case-insensitive substring test without lower-casing the haystack (no garbage per row). */
  public static boolean containsIgnoreCase(String hay, String lowerNeedle) {
    int n = lowerNeedle.length();
    if (n == 0) {
      return true;
    }
    char first = lowerNeedle.charAt(0);
    char firstUp = Character.toUpperCase(first);
    for (int i = 0, max = hay.length() - n; i <= max; i++) {
      char c = hay.charAt(i);
      if ((c == first || c == firstUp || Character.toLowerCase(c) == first) && hay.regionMatches(true, i, lowerNeedle, 0, n)) {
        return true;
      }
    }
    return false;
  }

  /** The filter-row text that keeps exactly {@code v} ("Filter on this value"). */
  public static String equalsExpr(String v) {
    return "=" + v;
  }
}
