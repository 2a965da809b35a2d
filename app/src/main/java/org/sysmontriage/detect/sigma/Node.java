package org.sysmontriage.detect.sigma;

import java.util.List;

/** A compiled condition: evaluated once per candidate event. */
public sealed interface Node {
  boolean eval(MatchContext c);

  /** Adds the leaves that hold on this event (not under a negation) to {@code out}. */
  void explain(MatchContext c, List<Evidence> out);

  /** A field that decided a match, with the test in words. */
  record Evidence(String field, String value, String reason) {}

  /** Every rule field slot the condition reads ({@link MatchContext#valueIdOfSlot}), each once or more. */
  static void slots(Node n, java.util.function.IntConsumer out) {
    if (n instanceof FieldLeaf f) {
      out.accept(f.slot());
    } else if (n instanceof NullLeaf f) {
      out.accept(f.slot());
    } else if (n instanceof ExistsLeaf f) {
      out.accept(f.slot());
    } else if (n instanceof FieldRefLeaf f) {
      out.accept(f.slot());
      out.accept(f.refSlot());
    } else if (n instanceof AtLeast a) {
      slots(a.parts(), out);
    } else if (n instanceof And a) {
      slots(a.parts(), out);
    } else if (n instanceof Or o) {
      slots(o.parts(), out);
    } else if (n instanceof Not x) {
      slots(x.inner(), out);
    }
  }

  private static void slots(List<Node> parts, java.util.function.IntConsumer out) {
    for (int i = 0, n = parts.size(); i < n; i++) {
      slots(parts.get(i), out);
    }
  }

  record FieldLeaf(int slot, String field, int testId, String reason) implements Node {
    @Override
    public boolean eval(MatchContext c) {
      int v = c.valueIdOfSlot(slot);
      return v >= 0 && c.test(testId, v);
    }

    @Override
    public void explain(MatchContext c, List<Evidence> out) {
      if (eval(c)) {
        String v = c.value(c.valueIdOfSlot(slot));
        out.add(new Evidence(field, v, field + " " + c.describe(testId, v)));
      }
    }
  }

  /** {@code Field: null}: absent or empty. */
  record NullLeaf(int slot, String field) implements Node {
    @Override
    public boolean eval(MatchContext c) {
      int v = c.valueIdOfSlot(slot);
      return v < 0 || c.value(v).isEmpty();
    }

    @Override
    public void explain(MatchContext c, List<Evidence> out) {
      if (eval(c)) {
        out.add(new Evidence(field, "", field + " is empty"));
      }
    }
  }

  record ExistsLeaf(int slot, String field, boolean expected) implements Node {
    @Override
    public boolean eval(MatchContext c) {
      return (c.valueIdOfSlot(slot) >= 0) == expected;
    }

    @Override
    public void explain(MatchContext c, List<Evidence> out) {
      if (eval(c) && expected) {
        out.add(new Evidence(field, c.value(c.valueIdOfSlot(slot)), field + " exists"));
      }
    }
  }

  record SystemLeaf(SystemField system, String field, int testId, String reason) implements Node {
    @Override
    public boolean eval(MatchContext c) {
      return c.testText(testId, c.system(system));
    }

    @Override
    public void explain(MatchContext c, List<Evidence> out) {
      if (eval(c)) {
        out.add(new Evidence(field, c.system(system), field + " " + c.describe(testId, c.system(system))));
      }
    }
  }

  /** Unfielded search: any value of the record passes the test, EventData and System fields alike. */
  record KeywordLeaf(int testId, String reason) implements Node {
    @Override
    public boolean eval(MatchContext c) {
      return matchingField(c) >= 0 || matchingSystem(c) != null;
    }

    private int matchingField(MatchContext c) {
      for (int k = 0, n = c.fieldCount(); k < n; k++) {
        if (c.test(testId, c.valueIdAt(k))) {
          return k;
        }
      }
      return -1;
    }

    private SystemField matchingSystem(MatchContext c) {
      for (SystemField f : SystemField.values()) {
        if (c.testText(testId, c.system(f))) {
          return f;
        }
      }
      return null;
    }

    @Override
    public void explain(MatchContext c, List<Evidence> out) {
      int k = matchingField(c);
      if (k >= 0) {
        String v = c.value(c.valueIdAt(k));
        out.add(new Evidence(c.fieldNameAt(k), v, "keyword " + c.describe(testId, v) + " in " + c.fieldNameAt(k)));
        return;
      }
      SystemField f = matchingSystem(c);
      if (f != null) {
        String v = c.system(f);
        out.add(new Evidence(f.sigmaName(), v, "keyword " + c.describe(testId, v) + " in " + f.sigmaName()));
      }
    }
  }

  /**
   * Sigma's {@code Data} field: every unnamed {@code <Data>} element of the record (stored as Data,
   * Data1, Data2, ...), so a value in any of them matches.
   */
  record DataLeaf(String field, int testId, String reason) implements Node {
    @Override
    public boolean eval(MatchContext c) {
      return matchingField(c) >= 0;
    }

    private int matchingField(MatchContext c) {
      for (int k = 0, n = c.fieldCount(); k < n; k++) {
        if (isUnnamedData(c.fieldNameAt(k)) && c.test(testId, c.valueIdAt(k))) {
          return k;
        }
      }
      return -1;
    }

    /** Data, or Data followed by digits: how readers name unnamed Data elements. */
    public static boolean isUnnamedData(String name) {
      if (!name.startsWith("Data")) {
        return false;
      }
      for (int i = 4; i < name.length(); i++) {
        if (name.charAt(i) < '0' || name.charAt(i) > '9') {
          return false;
        }
      }
      return true;
    }

    @Override
    public void explain(MatchContext c, List<Evidence> out) {
      int k = matchingField(c);
      if (k >= 0) {
        String v = c.value(c.valueIdAt(k));
        out.add(new Evidence(c.fieldNameAt(k), v, field + " " + c.describe(testId, v)));
      }
    }
  }

  /**
   * Sigma's {@code fieldref}: the field's value compared with another field's value of the same record
   * (case-insensitive; {@code contains}, {@code startswith}, {@code endswith} as modifiers).
   */
  record FieldRefLeaf(int slot, String field, int refSlot, String refField, String mode) implements Node {
    @Override
    public boolean eval(MatchContext c) {
      int a = c.valueIdOfSlot(slot);
      int b = c.valueIdOfSlot(refSlot);
      if (a < 0 || b < 0) {
        return false;
      }
      if (a == b) {
        return true; // the same pooled value
      }
      String v = Values.normalize(c.value(a), false);
      String r = Values.normalize(c.value(b), false);
      return switch (mode) {
        case "contains" -> v.contains(r);
        case "startswith" -> v.startsWith(r);
        case "endswith" -> v.endsWith(r);
        default -> v.equals(r);
      };
    }

    @Override
    public void explain(MatchContext c, List<Evidence> out) {
      if (eval(c)) {
        out.add(new Evidence(field, c.value(c.valueIdOfSlot(slot)),
            field + " " + (mode.equals("equals") ? "equals" : mode) + " the value of " + refField));
      }
    }
  }

  /** {@code N of x*}: at least {@code n} of the parts hold. */
  record AtLeast(int n, List<Node> parts) implements Node {
    @Override
    public boolean eval(MatchContext c) {
      int held = 0;
      for (int i = 0; i < parts.size(); i++) {
        if (parts.get(i).eval(c) && ++held >= n) {
          return true;
        }
        if (held + parts.size() - i - 1 < n) {
          return false;
        }
      }
      return false;
    }

    @Override
    public void explain(MatchContext c, List<Evidence> out) {
      for (Node p : parts) {
        if (p.eval(c)) {
          p.explain(c, out);
        }
      }
    }
  }

  record And(List<Node> parts) implements Node {
    @Override
    public boolean eval(MatchContext c) {
      for (Node n : parts) {
        if (!n.eval(c)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void explain(MatchContext c, List<Evidence> out) {
      parts.forEach(n -> n.explain(c, out));
    }
  }

  record Or(List<Node> parts) implements Node {
    @Override
    public boolean eval(MatchContext c) {
      for (Node n : parts) {
        if (n.eval(c)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void explain(MatchContext c, List<Evidence> out) {
      for (Node n : parts) {
        if (n.eval(c)) {
          n.explain(c, out);
        }
      }
    }
  }

  record Not(Node inner) implements Node {
    @Override
    public boolean eval(MatchContext c) {
      return !inner.eval(c);
    }

    @Override
    public void explain(MatchContext c, List<Evidence> out) {}
  }

  record Const(boolean value) implements Node {
    @Override
    public boolean eval(MatchContext c) {
      return value;
    }

    @Override
    public void explain(MatchContext c, List<Evidence> out) {}
  }
}
