package org.sysmontriage.detect.sigma;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns one Sigma value plus its modifiers into value tests (several when a modifier expands it). */
final class ValueCompiler {
  static final Set<String> KNOWN = Set.of("contains", "startswith", "endswith", "all", "re", "i", "m",
      "s", "windash", "exists", "cased", "gt", "gte", "lt", "lte", "base64", "base64offset", "wide",
      "utf16le", "utf16be", "utf16", "cidr", "fieldref", "expand");
  private static final Pattern DASH = Pattern.compile("\\B[-/]\\b");
  private static final String DASHES = "-/\u2013\u2014\u2015";

  private ValueCompiler() {}

  /** The tests for {@code value}; a match of any one of them is a match of the value. */
  static List<ValueTest> tests(String value, List<String> mods, YamlNode at) throws RuleException {
    if (mods.contains("re")) {
      return List.of(regex(value, mods, at));
    }
    for (String op : List.of("gt", "gte", "lt", "lte")) {
      if (mods.contains(op)) {
        Double bound = Values.number(value);
        if (bound == null) {
          throw new RuleException("modifier " + op + " needs a number, not '" + value + "'", at);
        }
        return List.of(new ValueTest.NumberTest(op, bound, op + " " + value));
      }
    }
    if (mods.contains("cidr")) {
      try {
        return List.of(ValueTest.CidrTest.of(value));
      } catch (IllegalArgumentException e) {
        throw new RuleException(e.getMessage(), at);
      }
    }
    boolean cased = mods.contains("cased");
    List<ValueTest> out = new ArrayList<>();
    boolean prefix = mods.contains("contains") || mods.contains("endswith");
    boolean suffix = mods.contains("contains") || mods.contains("startswith");
    for (String v : expand(value, mods, at)) {
      String key = (cased ? "cased " : "") + reason(v, mods);
      out.add(new ValueTest.GlobTest(Glob.compile(v, cased, prefix, suffix), cased, key));
    }
    return out;
  }

  /** How a test reads in an explanation: {@code contains 'dbghelp.dll'}. */
  static String reason(String v, List<String> mods) {
    for (String m : List.of("contains", "startswith", "endswith")) {
      if (mods.contains(m)) {
        return m + " '" + v + "'";
      }
    }
    return (v.contains("*") || v.contains("?") ? "matches '" : "is '") + v + "'";
  }

  private static List<String> expand(String value, List<String> mods, YamlNode at) throws RuleException {
    List<String> vs = mods.contains("windash") ? windash(value) : List.of(value);
    boolean b64 = mods.contains("base64");
    boolean b64off = mods.contains("base64offset");
    if (!b64 && !b64off) {
      return vs;
    }
    if (value.contains("*") || value.contains("?")) {
      throw new RuleException("base64 modifiers cannot encode wildcards: '" + value + "'", at);
    }
    Charset cs = charset(mods);
    List<String> out = new ArrayList<>();
    for (String v : vs) {
      byte[] bytes = v.getBytes(cs);
      if (b64off) {
        out.addAll(base64Offsets(bytes));
      } else {
        out.add(Base64.getEncoder().encodeToString(bytes));
      }
    }
    return out;
  }

  private static Charset charset(List<String> mods) {
    if (mods.contains("wide") || mods.contains("utf16le")) {
      return StandardCharsets.UTF_16LE;
    }
    if (mods.contains("utf16be")) {
      return StandardCharsets.UTF_16BE;
    }
    return mods.contains("utf16") ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8;
  }

  /** Sigma's base64offset: the three encodings of the value at byte offsets 0, 1, 2, trimmed. */
  static List<String> base64Offsets(byte[] value) {
    int[] start = {0, 2, 3};
    int[] endTrim = {0, 3, 2};
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      byte[] shifted = new byte[value.length + i];
      for (int k = 0; k < i; k++) {
        shifted[k] = ' ';
      }
      System.arraycopy(value, 0, shifted, i, value.length);
      String b64 = Base64.getEncoder().encodeToString(shifted);
      int end = b64.length() - endTrim[(value.length + i) % 3];
      out.add(b64.substring(start[i], Math.max(start[i], end)));
    }
    return out;
  }

  /** Sigma's windash: every variant with '-' or '/' options written with each Windows dash. */
  static List<String> windash(String value) {
    List<String> out = new ArrayList<>();
    for (char d : DASHES.toCharArray()) {
      Matcher m = DASH.matcher(value);
      String v = m.replaceAll(Matcher.quoteReplacement(String.valueOf(d)));
      if (!out.contains(v)) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * How a regular expression reads in "why it fired": in words when its shape is simple ("file name
   * matches lsass*.dmp"), else as the rule writes it ({@code re|i '...'}), which a reader can look up.
   */
  static String regexReason(String value, String written) {
    String words = RegexWords.of(value);
    if (words == null) {
      return written + " '" + value + "'";
    }
    return words + (written.contains("|i") ? "" : " (case-sensitive)");
  }

  /** An RE2/J test of this pattern and flags (also the rule cache's, {@link ConditionCodec}). */
  static ValueTest.RegexTest regexTest(String pattern, int flags, String key, String reason) {
    return new ValueTest.RegexTest(com.google.re2j.Pattern.compile(pattern, flags), key, reason);
  }

  /** The {@code re} modifier on RE2/J: matching time is linear in the value, whatever the pattern. */
  private static ValueTest regex(String value, List<String> mods, YamlNode at) throws RuleException {
    int flags = 0;
    StringBuilder written = new StringBuilder("re"); // as the rule writes it: re|i 'pattern'
    if (mods.contains("i")) {
      flags |= com.google.re2j.Pattern.CASE_INSENSITIVE;
      written.append("|i");
    }
    if (mods.contains("m")) {
      flags |= com.google.re2j.Pattern.MULTILINE;
      written.append("|m");
    }
    if (mods.contains("s")) {
      flags |= com.google.re2j.Pattern.DOTALL;
      written.append("|s");
    }
    try {
      return regexTest(value, flags, written + " '" + value + "'", regexReason(value, written.toString()));
    } catch (com.google.re2j.PatternSyntaxException e) {
      throw new RuleException("regular expression '" + value + "' is not supported (linear-time RE2 syntax: no"
          + " look-around or back-references): " + e.getDescription(), at);
    }
  }
}
