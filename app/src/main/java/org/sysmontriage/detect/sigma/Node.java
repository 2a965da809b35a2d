package org.sysmontriage.detect.sigma;

import java.util.List;

/** A compiled condition: evaluated once per candidate event. */
public sealed interface Node {
  boolean eval(MatchContext c);

  /** Adds the leaves that hold on this event (not under a negation) to {@code out}. */
  void explain(MatchContext c, List<Evidence> out);

  /** A field that decided a match, with the test in words. */
  record Evidence(String field, String value, String reason) {}

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

  /** Unfielded search: any EventData value passes the test. */
  record KeywordLeaf(int testId, String reason) implements Node {
    @Override
    public boolean eval(MatchContext c) {
      return matchingField(c) >= 0;
    }

    private int matchingField(MatchContext c) {
      for (int k = 0, n = c.fieldCount(); k < n; k++) {
        if (c.test(testId, c.valueIdAt(k))) {
          return k;
        }
      }
      return -1;
    }

    @Override
    public void explain(MatchContext c, List<Evidence> out) {
      int k = matchingField(c);
      if (k >= 0) {
        String v = c.value(c.valueIdAt(k));
        out.add(new Evidence(c.fieldNameAt(k), v, "keyword " + c.describe(testId, v) + " in " + c.fieldNameAt(k)));
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
