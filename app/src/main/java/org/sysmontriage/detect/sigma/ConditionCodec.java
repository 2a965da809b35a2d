package org.sysmontriage.detect.sigma;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled condition in bytes and back, for the rule cache: field slots by name and value tests by
 * value, so reading registers them in the library being loaded exactly as compiling the rule would
 * (equal tests, by key, share one id). A test whose key the library holds already is not rebuilt
 * (its bytes are skipped), so most regular expressions and globs of a rule set are made once.
 */
public final class ConditionCodec {
  private static final int MAX_DEPTH = 256;

  private ConditionCodec() {}

  /** Writes {@code node}, whose slots and test ids are those of {@code registry}. */
  public static void write(DataOutputStream out, Node node, Registry registry) throws IOException {
    write(out, node, registry, 0);
  }

  /** Reads a condition written by {@link #write}, registering its slots and tests in {@code registry}. */
  public static Node read(CacheInput in, Registry registry) throws IOException {
    return read(in, registry, 0);
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

  private static void write(DataOutputStream out, Node node, Registry r, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IOException("condition nested too deeply to cache");
    }
    if (node instanceof Node.FieldLeaf f) {
      out.writeByte(FIELD);
      text(out, r.slotName(f.slot()), f.field(), f.reason());
      test(out, r, f.testId());
    } else if (node instanceof Node.NullLeaf n) {
      out.writeByte(NULL);
      text(out, r.slotName(n.slot()), n.field());
    } else if (node instanceof Node.ExistsLeaf e) {
      out.writeByte(EXISTS);
      text(out, r.slotName(e.slot()), e.field());
      out.writeBoolean(e.expected());
    } else if (node instanceof Node.SystemLeaf s) {
      out.writeByte(SYSTEM);
      text(out, s.system().name(), s.field(), s.reason());
      test(out, r, s.testId());
    } else if (node instanceof Node.KeywordLeaf k) {
      out.writeByte(KEYWORD);
      text(out, k.reason());
      test(out, r, k.testId());
    } else if (node instanceof Node.DataLeaf d) {
      out.writeByte(DATA);
      text(out, d.field(), d.reason());
      test(out, r, d.testId());
    } else if (node instanceof Node.FieldRefLeaf f) {
      out.writeByte(FIELD_REF);
      text(out, r.slotName(f.slot()), f.field(), r.slotName(f.refSlot()), f.refField(), f.mode());
    } else if (node instanceof Node.AtLeast a) {
      out.writeByte(AT_LEAST);
      out.writeInt(a.n());
      parts(out, a.parts(), r, depth);
    } else if (node instanceof Node.And a) {
      out.writeByte(AND);
      parts(out, a.parts(), r, depth);
    } else if (node instanceof Node.Or o) {
      out.writeByte(OR);
      parts(out, o.parts(), r, depth);
    } else if (node instanceof Node.Not n) {
      out.writeByte(NOT);
      write(out, n.inner(), r, depth + 1);
    } else if (node instanceof Node.Const c) {
      out.writeByte(CONST);
      out.writeBoolean(c.value());
    } else {
      throw new IOException("cannot cache " + node.getClass().getSimpleName());
    }
  }

  private static void parts(DataOutputStream out, List<Node> parts, Registry r, int depth) throws IOException {
    out.writeInt(parts.size());
    for (Node p : parts) {
      write(out, p, r, depth + 1);
    }
  }

  private static Node read(CacheInput in, Registry r, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IOException("cached condition nested too deeply");
    }
    byte kind = in.readByte();
    return switch (kind) {
      case FIELD -> {
        int slot = r.slot(in.readText());
        String field = in.readText();
        String reason = in.readText();
        yield new Node.FieldLeaf(slot, field, test(in, r), reason);
      }
      case NULL -> new Node.NullLeaf(r.slot(in.readText()), in.readText());
      case EXISTS -> new Node.ExistsLeaf(r.slot(in.readText()), in.readText(), in.readBoolean());
      case SYSTEM -> {
        SystemField system = systemField(in.readText());
        String field = in.readText();
        String reason = in.readText();
        yield new Node.SystemLeaf(system, field, test(in, r), reason);
      }
      case KEYWORD -> {
        String reason = in.readText();
        yield new Node.KeywordLeaf(test(in, r), reason);
      }
      case DATA -> {
        String field = in.readText();
        String reason = in.readText();
        yield new Node.DataLeaf(field, test(in, r), reason);
      }
      case FIELD_REF -> new Node.FieldRefLeaf(r.slot(in.readText()), in.readText(), r.slot(in.readText()), in.readText(), in.readText());
      case AT_LEAST -> {
        int n = in.readInt();
        yield new Node.AtLeast(n, parts(in, r, depth));
      }
      case AND -> new Node.And(parts(in, r, depth));
      case OR -> new Node.Or(parts(in, r, depth));
      case NOT -> new Node.Not(read(in, r, depth + 1));
      case CONST -> new Node.Const(in.readBoolean());
      default -> throw new IOException("unknown condition node " + kind);
    };
  }

  private static List<Node> parts(CacheInput in, Registry r, int depth) throws IOException {
    int n = in.readCount();
    List<Node> parts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      parts.add(read(in, r, depth + 1));
    }
    return List.copyOf(parts);
  }

  private static SystemField systemField(String name) throws IOException {
    try {
      return SystemField.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IOException("unknown system field " + name);
    }
  }

  private static void text(DataOutputStream out, String... texts) throws IOException {
    for (String t : texts) {
      byte[] b = t.getBytes(StandardCharsets.UTF_8);
      out.writeInt(b.length);
      out.write(b);
    }
  }

  /** A registered test: its key, then its body's length and body (so a reader that has the key skips it). */
  private static void test(DataOutputStream out, Registry r, int id) throws IOException {
    ValueTest t = r.testAt(id);
    text(out, t.key());
    ByteArrayOutputStream body = new ByteArrayOutputStream(64);
    writeTest(new DataOutputStream(body), t);
    out.writeInt(body.size());
    body.writeTo(out);
  }

  private static int test(CacheInput in, Registry r) throws IOException {
    String key = in.readText();
    int length = in.readInt();
    int known = r.idOf(key);
    if (known >= 0) {
      in.skip(length);
      return known;
    }
    int end = in.position() + length;
    ValueTest t = readTest(in, 0);
    if (in.position() != end || !t.key().equals(key)) {
      throw new IOException("cached test does not match its key");
    }
    return r.test(t);
  }

  private static final byte GLOB = 1;
  private static final byte ANY_OF = 2;
  private static final byte REGEX = 3;
  private static final byte NUMBER = 4;
  private static final byte CIDR = 5;

  private static void writeTest(DataOutputStream out, ValueTest t) throws IOException {
    if (t instanceof ValueTest.GlobTest g) {
      out.writeByte(GLOB);
      text(out, g.key());
      out.writeBoolean(g.cased());
      String[] segments = g.glob().segments();
      out.writeInt(segments.length);
      text(out, segments);
      out.writeBoolean(g.glob().leadingStar());
      out.writeBoolean(g.glob().trailingStar());
    } else if (t instanceof ValueTest.AnyOf a) {
      out.writeByte(ANY_OF);
      text(out, a.key());
      out.writeInt(a.parts().size());
      for (ValueTest p : a.parts()) {
        writeTest(out, p);
      }
    } else if (t instanceof ValueTest.RegexTest x) {
      out.writeByte(REGEX);
      text(out, x.key(), x.reason(), x.pattern().pattern());
      out.writeInt(x.pattern().flags());
    } else if (t instanceof ValueTest.NumberTest n) {
      out.writeByte(NUMBER);
      text(out, n.key(), n.op());
      out.writeDouble(n.bound());
    } else if (t instanceof ValueTest.CidrTest c) {
      out.writeByte(CIDR);
      text(out, c.key());
      out.writeInt(c.network().length);
      out.write(c.network());
      out.writeInt(c.prefix());
    } else {
      throw new IOException("cannot cache " + t.getClass().getSimpleName());
    }
  }

  private static ValueTest readTest(CacheInput in, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IOException("cached test nested too deeply");
    }
    byte kind = in.readByte();
    String key = in.readText();
    return switch (kind) {
      case GLOB -> {
        boolean cased = in.readBoolean();
        int n = in.readCount();
        String[] segments = new String[n];
        for (int i = 0; i < n; i++) {
          segments[i] = in.readText();
        }
        yield new ValueTest.GlobTest(new Glob(segments, in.readBoolean(), in.readBoolean()), cased, key);
      }
      case ANY_OF -> {
        int n = in.readCount();
        List<ValueTest> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          parts.add(readTest(in, depth + 1));
        }
        yield new ValueTest.AnyOf(parts, key);
      }
      case REGEX -> {
        String reason = in.readText();
        String pattern = in.readText();
        int flags = in.readInt();
        try {
          yield ValueCompiler.regexTest(pattern, flags, key, reason);
        } catch (com.google.re2j.PatternSyntaxException e) {
          throw new IOException("cached regular expression does not compile", e);
        }
      }
      case NUMBER -> {
        String op = in.readText();
        yield new ValueTest.NumberTest(op, Double.longBitsToDouble(in.readLong()), key);
      }
      case CIDR -> {
        int n = in.readCount();
        byte[] network = new byte[n];
        for (int i = 0; i < n; i++) {
          network[i] = in.readByte();
        }
        yield new ValueTest.CidrTest(network, in.readInt(), key);
      }
      default -> throw new IOException("unknown value test " + kind);
    };
  }
}
