package org.sysmontriage.detect.sigma;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A compiled condition in the rule cache's compact form and back ({@link CacheOutput}, {@link
 * CacheTables}): field slots by name and value tests by value, both through the cache file's tables,
 * so reading registers them in the library being loaded exactly as compiling the rule would (equal
 * tests, by key, share one id). A test is stored once per cache file and built once per load; one whose
 * key the library holds already is not built at all.
 */
public final class ConditionCodec {
  private static final int MAX_DEPTH = 256;

  private ConditionCodec() {}

  /** Writes {@code node}, whose slots and test ids are those of {@code registry}. */
  public static void write(CacheOutput out, Node node, Registry registry) throws IOException {
    try {
      write(out, node, registry, 0);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Reads a condition written by {@link #write}, registering its slots and tests in the tables' registry. */
  public static Node read(CacheInput in, CacheTables tables, Registry registry) throws IOException {
    return read(in, tables, registry, 0);
  }

  private static final byte FIELD = 1;
  private static final byte NULL = 2;
  private static final byte EXISTS = 3;
  private static final byte SYSTEM = 4;
  private static final byte KEYWORD = 5;
  private static final byte DATA = 6;
  private static final byte FIELD_REF = 7;
  private static final byte AT_LEAST = 8;
  private static final byte AND = 9;
  private static final byte OR = 10;
  private static final byte NOT = 11;
  private static final byte CONST = 12;

  private static void write(CacheOutput out, Node node, Registry r, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IOException("condition nested too deeply to cache");
    }
    if (node instanceof Node.FieldLeaf f) {
      kind(out, FIELD);
      texts(out, r.slotName(f.slot()), f.field(), f.reason());
      test(out, r, f.testId());
    } else if (node instanceof Node.NullLeaf n) {
      kind(out, NULL);
      texts(out, r.slotName(n.slot()), n.field());
    } else if (node instanceof Node.ExistsLeaf e) {
      kind(out, EXISTS);
      texts(out, r.slotName(e.slot()), e.field());
      out.varint(e.expected() ? 1 : 0);
    } else if (node instanceof Node.SystemLeaf s) {
      kind(out, SYSTEM);
      texts(out, s.system().name(), s.field(), s.reason());
      test(out, r, s.testId());
    } else if (node instanceof Node.KeywordLeaf k) {
      kind(out, KEYWORD);
      texts(out, k.reason());
      test(out, r, k.testId());
    } else if (node instanceof Node.DataLeaf d) {
      kind(out, DATA);
      texts(out, d.field(), d.reason());
      test(out, r, d.testId());
    } else if (node instanceof Node.FieldRefLeaf f) {
      kind(out, FIELD_REF);
      texts(out, r.slotName(f.slot()), f.field(), r.slotName(f.refSlot()), f.refField(), f.mode());
    } else if (node instanceof Node.AtLeast a) {
      kind(out, AT_LEAST);
      out.varint(a.n());
      parts(out, a.parts(), r, depth);
    } else if (node instanceof Node.And a) {
      kind(out, AND);
      parts(out, a.parts(), r, depth);
    } else if (node instanceof Node.Or o) {
      kind(out, OR);
      parts(out, o.parts(), r, depth);
    } else if (node instanceof Node.Not n) {
      kind(out, NOT);
      write(out, n.inner(), r, depth + 1);
    } else if (node instanceof Node.Const c) {
      kind(out, CONST);
      out.varint(c.value() ? 1 : 0);
    } else {
      throw new IOException("cannot cache " + node.getClass().getSimpleName());
    }
  }

  private static void kind(CacheOutput out, byte kind) {
    out.body().write(kind);
  }

  private static void parts(CacheOutput out, List<Node> parts, Registry r, int depth) throws IOException {
    out.varint(parts.size());
    for (Node p : parts) {
      write(out, p, r, depth + 1);
    }
  }

  private static Node read(CacheInput in, CacheTables t, Registry r, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IOException("cached condition nested too deeply");
    }
    byte kind = in.readByte();
    return switch (kind) {
      case FIELD -> {
        int slot = r.slot(text(in, t));
        String field = text(in, t);
        String reason = text(in, t);
        yield new Node.FieldLeaf(slot, field, t.test(in.readVarint()), reason);
      }
      case NULL -> new Node.NullLeaf(r.slot(text(in, t)), text(in, t));
      case EXISTS -> new Node.ExistsLeaf(r.slot(text(in, t)), text(in, t), in.readVarint() != 0);
      case SYSTEM -> {
        SystemField system = systemField(text(in, t));
        String field = text(in, t);
        String reason = text(in, t);
        yield new Node.SystemLeaf(system, field, t.test(in.readVarint()), reason);
      }
      case KEYWORD -> {
        String reason = text(in, t);
        yield new Node.KeywordLeaf(t.test(in.readVarint()), reason);
      }
      case DATA -> {
        String field = text(in, t);
        String reason = text(in, t);
        yield new Node.DataLeaf(field, t.test(in.readVarint()), reason);
      }
      case FIELD_REF -> new Node.FieldRefLeaf(r.slot(text(in, t)), text(in, t), r.slot(text(in, t)), text(in, t), text(in, t));
      case AT_LEAST -> {
        int n = in.readVarint();
        yield new Node.AtLeast(n, parts(in, t, r, depth));
      }
      case AND -> new Node.And(parts(in, t, r, depth));
      case OR -> new Node.Or(parts(in, t, r, depth));
      case NOT -> new Node.Not(read(in, t, r, depth + 1));
      case CONST -> new Node.Const(in.readVarint() != 0);
      default -> throw new IOException("unknown condition node " + kind);
    };
  }

  private static List<Node> parts(CacheInput in, CacheTables t, Registry r, int depth) throws IOException {
    int n = in.readVarCount();
    Node[] parts = new Node[n];
    for (int i = 0; i < n; i++) {
      parts[i] = read(in, t, r, depth + 1);
    }
    return List.of(parts);
  }

  private static String text(CacheInput in, CacheTables t) throws IOException {
    return t.text(in.readVarint());
  }

  private static SystemField systemField(String name) throws IOException {
    try {
      return SystemField.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IOException("unknown system field " + name);
    }
  }

  private static void texts(CacheOutput out, String... texts) {
    for (String t : texts) {
      out.text(t);
    }
  }

  /** A registered test, by its index in the cache file's test table (its body written once per file). */
  private static void test(CacheOutput out, Registry r, int id) {
    ValueTest t = r.testAt(id);
    out.test(t.key(), o -> {
      try {
        writeTest(o, t);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static final byte GLOB = 1;
  private static final byte ANY_OF = 2;
  private static final byte REGEX = 3;
  private static final byte NUMBER = 4;
  private static final byte CIDR = 5;

  private static void writeTest(CacheOutput out, ValueTest t) throws IOException {
    if (t instanceof ValueTest.GlobTest g) {
      kind(out, GLOB);
      out.text(g.key());
      out.varint(g.cased() ? 1 : 0);
      String[] segments = g.glob().segments();
      out.varint(segments.length);
      texts(out, segments);
      out.varint((g.glob().leadingStar() ? 1 : 0) | (g.glob().trailingStar() ? 2 : 0));
    } else if (t instanceof ValueTest.AnyOf a) {
      kind(out, ANY_OF);
      out.text(a.key());
      out.varint(a.parts().size());
      for (ValueTest p : a.parts()) {
        writeTest(out, p);
      }
    } else if (t instanceof ValueTest.RegexTest x) {
      kind(out, REGEX);
      texts(out, x.key(), x.reason(), x.pattern().pattern());
      out.varint(x.pattern().flags());
    } else if (t instanceof ValueTest.NumberTest n) {
      kind(out, NUMBER);
      texts(out, n.key(), n.op());
      long bits = Double.doubleToRawLongBits(n.bound());
      out.varint((int) (bits >>> 32));
      out.varint((int) bits);
    } else if (t instanceof ValueTest.CidrTest c) {
      kind(out, CIDR);
      out.text(c.key());
      out.varint(c.network().length);
      out.bytes(c.network());
      out.varint(c.prefix());
    } else {
      throw new IOException("cannot cache " + t.getClass().getSimpleName());
    }
  }

  /** Builds the test of a table item and registers it (the id of an equal test when its key is registered already). */
  static int readTest(CacheInput in, CacheTables t, Registry r) throws IOException {
    byte kind = in.readByte();
    String key = text(in, t);
    int known = r.idOf(key);
    if (known >= 0) {
      in.skip(in.remaining());
      return known;
    }
    return r.test(readTestBody(in, t, kind, key, 0));
  }

  private static ValueTest readTestBody(CacheInput in, CacheTables t, byte kind, String key, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IOException("cached test nested too deeply");
    }
    return switch (kind) {
      case GLOB -> {
        boolean cased = in.readVarint() != 0;
        int n = in.readVarCount();
        String[] segments = new String[n];
        for (int i = 0; i < n; i++) {
          segments[i] = text(in, t);
        }
        int stars = in.readVarint();
        yield new ValueTest.GlobTest(new Glob(segments, (stars & 1) != 0, (stars & 2) != 0), cased, key);
      }
      case ANY_OF -> {
        int n = in.readVarCount();
        ValueTest[] parts = new ValueTest[n];
        for (int i = 0; i < n; i++) {
          byte k = in.readByte();
          parts[i] = readTestBody(in, t, k, text(in, t), depth + 1);
        }
        yield new ValueTest.AnyOf(List.of(parts), key);
      }
      case REGEX -> {
        String reason = text(in, t);
        String pattern = text(in, t);
        int flags = in.readVarint();
        try {
          yield ValueCompiler.regexTest(pattern, flags, key, reason);
        } catch (com.google.re2j.PatternSyntaxException e) {
          throw new IOException("cached regular expression does not compile", e);
        }
      }
      case NUMBER -> {
        String op = text(in, t);
        long high = in.readVarint() & 0xffffffffL;
        long low = in.readVarint() & 0xffffffffL;
        yield new ValueTest.NumberTest(op, Double.longBitsToDouble((high << 32) | low), key);
      }
      case CIDR -> {
        int n = in.readVarCount();
        byte[] network = new byte[n];
        for (int i = 0; i < n; i++) {
          network[i] = in.readByte();
        }
        yield new ValueTest.CidrTest(network, in.readVarint(), key);
      }
      default -> throw new IOException("unknown value test " + kind);
    };
  }
}
