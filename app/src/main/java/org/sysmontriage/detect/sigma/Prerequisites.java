package org.sysmontriage.detect.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a compiled condition needs before it can hold: clauses (all must hold) of atoms (any may
 * hold), an atom being "this literal occurs in the comparable form of this field's value"
 * ({@link Values#normalize}, lower case). The clauses are implied by the condition, never the
 * reverse: an event that satisfies no atom of some clause cannot match, so the detector runs the
 * exact condition only on events that satisfy every clause. No clauses: no prerequisite (the rule
 * is tested on every event of its EventIDs).
 */
public final class Prerequisites {
  /**
   * The literal occurs in the lower-case comparable form of: the value of rule field slot {@code slot}
   * (slot >= 0), any value of the record including its system fields ({@link #ANY_FIELD}, keywords),
   * any unnamed Data element ({@link #DATA_FIELDS}), or a system field ({@link #systemSlot}).
   */
  public record Atom(int slot, String literal) {}

  /** Pseudo-slot of keyword atoms: every EventData value and every system field of the record. */
  public static final int ANY_FIELD = -1;
  /** Pseudo-slot of Sigma's {@code Data}: every unnamed Data element (Data, Data1, Data2, ...). */
  public static final int DATA_FIELDS = -2;

  /** Pseudo-slot of a system field (EventID, Computer, Channel, ...). */
  public static int systemSlot(SystemField f) {
    return -3 - f.ordinal();
  }

  /** The system field of a pseudo-slot from {@link #systemSlot}, or null. */
  public static SystemField systemOf(int slot) {
    int ordinal = -3 - slot;
    return ordinal >= 0 && ordinal < SystemField.values().length ? SystemField.values()[ordinal] : null;
  }

  /** How many pseudo-slots there are (keywords, Data, the system fields). */
  public static int pseudoSlots() {
    return 2 + SystemField.values().length;
  }

  private Prerequisites() {}

  /** The clauses implied by {@code node}; {@code tests} are the registry's value tests by id. */
  public static List<List<Atom>> of(Node node, List<ValueTest> tests) {
    if (node instanceof Node.FieldLeaf f) {
      return leaf(f.slot(), tests.get(f.testId()));
    }
    if (node instanceof Node.SystemLeaf s) {
      return leaf(systemSlot(s.system()), tests.get(s.testId()));
    }
    if (node instanceof Node.KeywordLeaf k) {
      return leaf(ANY_FIELD, tests.get(k.testId()));
    }
    if (node instanceof Node.DataLeaf d) {
      return leaf(DATA_FIELDS, tests.get(d.testId()));
    }
    if (node instanceof Node.And and) {
      List<List<Atom>> all = new ArrayList<>();
      for (Node p : and.parts()) {
        for (List<Atom> c : of(p, tests)) {
          if (!all.contains(c)) {
            all.add(c);
          }
        }
      }
      return all;
    }
    if (node instanceof Node.Or or) {
      return anyOf(or.parts(), tests);
    }
    if (node instanceof Node.AtLeast atLeast) {
      return atLeast.n() >= 1 ? anyOf(atLeast.parts(), tests) : List.of();
    }
    // Not, Const, Null, Exists and FieldRef leaves: no literal is implied
    return List.of();
  }

  private static List<List<Atom>> leaf(int slot, ValueTest test) {
    List<String> literals = literals(test);
    if (literals == null) {
      return List.of();
    }
    List<Atom> clause = new ArrayList<>();
    for (String l : literals) {
      clause.add(new Atom(slot, l));
    }
    return List.of(clause);
  }

  /**
   * One of the parts holds, so one of their clauses holds: per part, its most selective clause
   * (longest shortest literal), all merged into one clause. A part without clauses: none.
   */
  private static List<List<Atom>> anyOf(List<Node> parts, List<ValueTest> tests) {
    java.util.Set<Atom> merged = new java.util.LinkedHashSet<>();
    for (Node p : parts) {
      List<Atom> best = null;
      for (List<Atom> c : of(p, tests)) {
        if (best == null || shortest(c) > shortest(best) || (shortest(c) == shortest(best) && c.size() < best.size())) {
          best = c;
        }
      }
      if (best == null) {
        return List.of();
      }
      merged.addAll(best);
    }
    return List.of(List.copyOf(merged));
  }

  private static int shortest(List<Atom> clause) {
    int min = Integer.MAX_VALUE;
    for (Atom a : clause) {
      min = Math.min(min, a.literal().length());
    }
    return min;
  }

  /**
   * Literals of which at least one occurs in the lower-case comparable form of every value the test
   * accepts, or null when the test implies none (numbers, networks, {@code *}, regular expressions
   * without a literal every match holds: {@link RequiredLiteral#comparableLiteral}).
   */
  static List<String> literals(ValueTest t) {
    if (t instanceof ValueTest.GlobTest g) {
      String l = g.glob().requiredLiteral();
      if (l.isEmpty()) {
        return null;
      }
      if (g.cased()) {
        // the cased form lower-cased is the lower-case form; ASCII letters lower-case one by one
        for (int i = 0; i < l.length(); i++) {
          if (l.charAt(i) >= 128) {
            return null;
          }
        }
        l = l.toLowerCase(Locale.ROOT);
      }
      return List.of(l);
    }
    if (t instanceof ValueTest.RegexTest re) {
      String l = RequiredLiteral.comparableLiteral(re.pattern().pattern());
      return l == null ? null : List.of(l);
    }
    if (t instanceof ValueTest.AnyOf any) {

      java.util.Set<String> all = new java.util.LinkedHashSet<>();
      for (ValueTest p : any.parts()) {
        List<String> ls = literals(p);
        if (ls == null) {
          return null;
        }
        all.addAll(ls);
      }
      return List.copyOf(all);
    }
    return null;
  }
}
