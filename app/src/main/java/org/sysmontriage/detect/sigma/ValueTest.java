package org.sysmontriage.detect.sigma;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * A test on one field value, independent of the field: the detector caches its result per
 * distinct value id of the store. {@link #key()} identifies equal tests so rules share caches.
 */
public sealed interface ValueTest {
  boolean test(String value);

  /** The test on a value whose comparable forms are computed once for all tests ({@link Subject}). */
  default boolean test(Subject value) {
    return test(value.raw());
  }

  /**
   * One event value with its comparable forms made once and shared by every test that looks at it:
   * a rule set of thousands of rules tests the same CommandLine hundreds of times.
   */
  final class Subject {
    private final String raw;
    private String lower;
    private String cased;

    public Subject(String raw) {
      this.raw = raw;
    }

    public String raw() {
      return raw;
    }

    /** {@link Values#normalize} of the value, made on first use. */
    public String normalized(boolean casedForm) {
      if (casedForm) {
        if (cased == null) {
          cased = Values.normalize(raw, true);
        }
        return cased;
      }
      if (lower == null) {
        lower = Values.normalize(raw, false);
      }
      return lower;
    }
  }

  /** Stable identity of the test (equal tests share a cache), as the rule writes it. */
  String key();

  /** How the test reads in "why it fired"; the key unless the test has plainer words. */
  default String reason() {
    return key();
  }

  /** Sigma wildcard / equality / contains / startswith / endswith, on normalized values. */
  record GlobTest(Glob glob, boolean cased, String key) implements ValueTest {
    @Override
    public boolean test(String value) {
      return glob.matches(Values.normalize(value, cased));
    }

    @Override
    public boolean test(Subject value) {
      return glob.matches(value.normalized(cased));
    }
  }

  /** Any of several tests on the same field (a Sigma value list): one cache instead of one per value. */
  record AnyOf(List<ValueTest> parts, String key) implements ValueTest {
    public AnyOf {
      parts = List.copyOf(parts);
    }

    static ValueTest of(List<ValueTest> parts) {
      if (parts.size() == 1) {
        return parts.get(0);
      }
      StringBuilder k = new StringBuilder();
      for (ValueTest t : parts) {
        k.append(k.length() == 0 ? "" : " or ").append(t.key());
      }
      return new AnyOf(parts, k.toString());
    }

    @Override
    public String reason() {
      return String.join(" or ", parts.stream().map(ValueTest::reason).toList());
    }

    @Override
    public boolean test(String value) {
      return test(new Subject(value));
    }

    @Override
    public boolean test(Subject value) {
      for (ValueTest t : parts) {
        if (t.test(value)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The {@code re} modifier: a regular expression searched in the raw value with RE2/J (an automaton,
   * no backtracking: time linear in the value's length).
   */
  record RegexTest(com.google.re2j.Pattern pattern, String key, String reason, RequiredLiteral required) implements ValueTest {
    RegexTest(com.google.re2j.Pattern pattern, String key, String reason) {
      this(pattern, key, reason, RequiredLiteral.of(pattern.pattern(), (pattern.flags() & com.google.re2j.Pattern.CASE_INSENSITIVE) != 0));
    }

    /** A value without the literal every match holds is answered without RE2/J ({@link RequiredLiteral}). */
    @Override
    public boolean test(String value) {
      return (required == null || required.in(value)) && pattern.matcher(value).find();
    }
  }

  /** gt, gte, lt, lte: numbers in decimal or 0x hex. */
  record NumberTest(String op, double bound, String key) implements ValueTest {
    @Override
    public boolean test(String value) {
      Double v = Values.number(value);
      if (v == null) {
        return false;
      }
      return switch (op) {
        case "gt" -> v > bound;
        case "gte" -> v >= bound;
        case "lt" -> v < bound;
        default -> v <= bound;
      };
    }
  }

  /** The {@code cidr} modifier: an IPv4 or IPv6 address inside a network. */
  record CidrTest(byte[] network, int prefix, String key) implements ValueTest {
    public static CidrTest of(String cidr) {
      int slash = cidr.indexOf('/');
      if (slash < 0 || !looksLikeIp(cidr.substring(0, slash))) {
        throw new IllegalArgumentException("not a CIDR network: " + cidr);
      }
      byte[] net = parseIp(cidr.substring(0, slash));
      int prefix = Integer.parseInt(cidr.substring(slash + 1));
      if (net == null || prefix < 0 || prefix > net.length * 8) {
        throw new IllegalArgumentException("not a CIDR network: " + cidr);
      }
      return new CidrTest(net, prefix, "cidr " + cidr);
    }

    @Override
    public boolean test(String value) {
      String v = value.trim();
      if (!looksLikeIp(v)) {
        return false;
      }
      byte[] ip = parseIp(v);
      if (ip == null || ip.length != network.length) {
        return false;
      }
      BigInteger mask = BigInteger.ONE.shiftLeft(network.length * 8).subtract(BigInteger.ONE)
          .shiftRight(prefix).not();
      return new BigInteger(1, ip).and(mask).equals(new BigInteger(1, network).and(mask));
    }

    private static boolean looksLikeIp(String s) {
      return !s.isEmpty() && s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
    }

    private static byte[] parseIp(String s) {
      try {
        return InetAddress.getByName(s).getAddress(); // a literal only: looksLikeIp ruled out names
      } catch (UnknownHostException e) {
        return null;
      }
    }
  }
}
