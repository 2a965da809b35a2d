package org.sysmontriage.ui.details;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Sigma rule's YAML text into coloured runs for the analytic page: keys, Sigma modifiers
 * ({@code |contains|all}), strings, numbers and booleans, comments, punctuation. One pass, each
 * character looked at a bounded number of times (no regular expressions); the runs cover the text
 * exactly, so joining them gives the text back. It reads the block style rules are written in, not
 * all of YAML: anything it does not recognise is plain text.
 */
public final class YamlTokens {
  /** What a run of text is. */
  public enum Kind {
    KEY, MODIFIER, STRING, LITERAL, COMMENT, PUNCT, PLAIN;

    /** The CSS class of the run's Text node. */
    public String styleClass() {
      return "yaml-" + name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** {@code text.substring(start, end)} is of kind {@code kind}. */
  public record Token(Kind kind, int start, int end) {}

  private final String text;
  private final List<Token> out = new ArrayList<>();
  /** Indentation of the key that opened a block scalar ({@code |} or {@code >}), or -1 outside one. */
  private int blockIndent = -1;

  private YamlTokens(String text) {
    this.text = text;
  }

  /** The runs of {@code text}, in order, covering every character; neighbours of one kind are merged. */
  public static List<Token> of(String text) {
    YamlTokens t = new YamlTokens(text);
    int at = 0;
    while (at < text.length()) {
      int eol = text.indexOf('\n', at);
      int end = eol < 0 ? text.length() : eol;
      t.line(at, end);
      if (eol >= 0) {
        t.add(Kind.PLAIN, eol, eol + 1);
      }
      at = end + 1;
    }
    return t.out;
  }

  private void line(int start, int end) {
    int i = start;
    while (i < end && text.charAt(i) == ' ') {
      i++;
    }
    int indent = i - start;
    add(Kind.PLAIN, start, i);
    if (i == end) {
      return; // a blank line keeps a block scalar open
    }
    if (blockIndent >= 0) {
      if (indent > blockIndent) {
        add(Kind.STRING, i, end);
        return;
      }
      blockIndent = -1;
    }
    if (text.charAt(i) == '#') {
      add(Kind.COMMENT, i, end);
      return;
    }
    if (indent == 0 && (text.startsWith("---", i) || text.startsWith("...", i)) && (i + 3 == end || text.charAt(i + 3) == ' ')) {
      add(Kind.PUNCT, i, i + 3);
      rest(i + 3, end, indent);
      return;
    }
    while (i + 1 <= end && text.charAt(i) == '-' && (i + 1 == end || text.charAt(i + 1) == ' ')) {
      add(Kind.PUNCT, i, i + 1);
      int j = i + 1;
      while (j < end && text.charAt(j) == ' ') {
        j++;
      }
      add(Kind.PLAIN, i + 1, j);
      indent = j - start;
      i = j;
    }
    int colon = keyEnd(i, end);
    if (colon < 0) {
      value(i, end, indent);
      return;
    }
    int bar = -1;
    char q = text.charAt(i);
    if (q != '\'' && q != '"') {
      for (int k = i; k < colon; k++) {
        if (text.charAt(k) == '|') {
          bar = k;
          break;
        }
      }
    }
    add(Kind.KEY, i, bar < 0 ? colon : bar);
    if (bar >= 0) {
      add(Kind.MODIFIER, bar, colon);
    }
    add(Kind.PUNCT, colon, colon + 1);
    value(colon + 1, end, indent);
  }

  /** The colon ending a mapping key that starts at {@code i}, or -1 when the line holds no key there. */
  private int keyEnd(int i, int end) {
    char c = text.charAt(i);
    if (c == '\'' || c == '"') {
      int close = quoteEnd(i, end);
      return close < end && text.charAt(close) == ':' && (close + 1 == end || text.charAt(close + 1) == ' ') ? close : -1;
    }
    if (c == '[' || c == '{' || c == '#' || c == '|' || c == '>' || c == '&' || c == '*' || c == '!') {
      return -1;
    }
    for (int k = i; k < end; k++) {
      char x = text.charAt(k);
      if (x == ':' && (k + 1 == end || text.charAt(k + 1) == ' ')) {
        return k;
      }
      if (x == '#' && k > i && text.charAt(k - 1) == ' ') {
        return -1;
      }
    }
    return -1;
  }

  /** A value after a key or list marker, up to the end of the line: scalar, flow list, block scalar, comment. */
  private void value(int i, int end, int indent) {
    int s = i;
    while (s < end && text.charAt(s) == ' ') {
      s++;
    }
    add(Kind.PLAIN, i, s);
    if (s == end) {
      return;
    }
    char c = text.charAt(s);
    if (c == '#') {
      add(Kind.COMMENT, s, end);
    } else if ((c == '|' || c == '>') && blockHeader(s + 1, end)) {
      int h = s + 1;
      while (h < end && text.charAt(h) != ' ') {
        h++;
      }
      add(Kind.PUNCT, s, h);
      rest(h, end, indent);
      blockIndent = indent;
    } else if (c == '[' || c == '{') {
      flow(s, end);
    } else {
      scalar(s, end);
    }
  }

  /** {@code |}, {@code >-}, {@code |+2} ...: only chomping/indent indicators, then spaces or a comment. */
  private boolean blockHeader(int i, int end) {
    while (i < end && (text.charAt(i) == '-' || text.charAt(i) == '+' || Character.isDigit(text.charAt(i)))) {
      i++;
    }
    while (i < end && text.charAt(i) == ' ') {
      i++;
    }
    return i == end || text.charAt(i) == '#';
  }

  /** Spaces and an optional comment after a token. */
  private void rest(int i, int end, int indent) {
    int s = i;
    while (s < end && text.charAt(s) == ' ') {
      s++;
    }
    add(Kind.PLAIN, i, s);
    if (s < end) {
      add(text.charAt(s) == '#' ? Kind.COMMENT : Kind.PLAIN, s, end);
    }
  }

  /** A quoted or plain scalar, then perhaps a comment. */
  private void scalar(int s, int end) {
    char c = text.charAt(s);
    if (c == '\'' || c == '"') {
      int close = quoteEnd(s, end);
      add(Kind.STRING, s, close);
      rest(close, end, 0);
      return;
    }
    int stop = end;
    for (int k = s + 1; k < end; k++) {
      if (text.charAt(k) == '#' && text.charAt(k - 1) == ' ') {
        stop = k;
        break;
      }
    }
    int e = stop;
    while (e > s && text.charAt(e - 1) == ' ') {
      e--;
    }
    add(literal(s, e) ? Kind.LITERAL : Kind.STRING, s, e);
    add(Kind.PLAIN, e, stop);
    if (stop < end) {
      add(Kind.COMMENT, stop, end);
    }
  }

  /** {@code [a, 'b', 3]} or {@code {by: [x]}} on one line: brackets and commas are punctuation. */
  private void flow(int s, int end) {
    int i = s;
    while (i < end) {
      char c = text.charAt(i);
      if (c == '[' || c == ']' || c == '{' || c == '}' || c == ',' || c == ':') {
        add(Kind.PUNCT, i, i + 1);
        i++;
      } else if (c == ' ') {
        add(Kind.PLAIN, i, i + 1);
        i++;
      } else if (c == '#' && text.charAt(i - 1) == ' ') {
        add(Kind.COMMENT, i, end);
        return;
      } else if (c == '\'' || c == '"') {
        int close = quoteEnd(i, end);
        add(Kind.STRING, i, close);
        i = close;
      } else {
        int j = i;
        while (j < end && ",[]{}".indexOf(text.charAt(j)) < 0 && !(text.charAt(j) == ':' && (j + 1 == end || text.charAt(j + 1) == ' '))) {
          j++;
        }
        int e = j;
        while (e > i && text.charAt(e - 1) == ' ') {
          e--;
        }
        boolean key = j < end && text.charAt(j) == ':';
        add(key ? Kind.KEY : literal(i, e) ? Kind.LITERAL : Kind.STRING, i, e);
        add(Kind.PLAIN, e, j);
        i = j;
      }
    }
  }

  /** The index after the closing quote of the string opening at {@code s} (or {@code end} if unclosed). */
  private int quoteEnd(int s, int end) {
    char q = text.charAt(s);
    int k = s + 1;
    while (k < end) {
      char c = text.charAt(k);
      if (q == '"' && c == '\\') {
        k += 2;
        continue;
      }
      if (c == q) {
        if (q == '\'' && k + 1 < end && text.charAt(k + 1) == '\'') {
          k += 2; // '' inside single quotes
          continue;
        }
        return k + 1;
      }
      k++;
    }
    return end;
  }

  /** Numbers, booleans and null read as literals; everything else as a string. */
  private boolean literal(int s, int e) {
    if (e <= s) {
      return false;
    }
    String v = text.substring(s, e);
    if (v.equals("true") || v.equals("false") || v.equals("null") || v.equals("~")) {
      return true;
    }
    int k = v.charAt(0) == '-' ? 1 : 0;
    if (k == v.length()) {
      return false;
    }
    boolean dot = false;
    for (; k < v.length(); k++) {
      char c = v.charAt(k);
      if (c == '.' && !dot) {
        dot = true;
      } else if (!Character.isDigit(c)) {
        return false;
      }
    }
    return true;
  }

  private void add(Kind kind, int start, int end) {
    if (end <= start) {
      return;
    }
    int last = out.size() - 1;
    if (last >= 0 && out.get(last).kind() == kind && out.get(last).end() == start) {
      out.set(last, new Token(kind, out.get(last).start(), end));
    } else {
      out.add(new Token(kind, start, end));
    }
  }
}
