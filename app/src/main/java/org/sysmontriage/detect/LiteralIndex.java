package org.sysmontriage.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sysmontriage.detect.sigma.LiteralSearch;
import org.sysmontriage.detect.sigma.Prerequisites;
import org.sysmontriage.detect.sigma.ValueTest;

/**
 * The literal prerequisites of every rule of a library ({@link Prerequisites}) and, per rule field,
 * the literals the rules need in that field. A store field is searched once per event with one
 * Aho-Corasick automaton over the literals of every rule field (and pseudo-field: keywords, Data,
 * system fields) that reads it ({@link #merged}), built on first use and shared by every detection
 * run of the library ({@link CandidateFilter}).
 */
final class LiteralIndex {
  /**
   * rule -> the atoms of its one searched clause ({@link #rarest}): each atom's rule field slot and
   * the literal's index in that slot's literal list; null when the rule has no literal prerequisite.
   */
  final int[][] clauseSlots;
  final int[][] clauseLiterals;
  /** {@link #searchIndex} of a slot -> its distinct literals (empty when no rule needs one there). */
  private final List<List<String>> literals;
  private final int slotCount;
  private final Map<List<Integer>, Merged> merged = new ConcurrentHashMap<>();

  /**
   * One automaton over the literals of several slots: {@code ids[m][j]} is the automaton's index of
   * literal {@code j} of the {@code m}-th slot given to {@link #merged}.
   */
  record Merged(LiteralSearch search, int[][] ids) {}

  LiteralIndex(int[][] clauseSlots, int[][] clauseLiterals, List<List<String>> literals, int slotCount) {
    this.slotCount = slotCount;
    this.clauseSlots = clauseSlots;
    this.clauseLiterals = clauseLiterals;
    this.literals = literals;
  }

  static LiteralIndex of(List<LoadedRule> rules, List<ValueTest> tests, int slotCount) {
    List<LiteralSearch.Builder> builders = new ArrayList<>();
    for (int s = 0; s < slotCount + Prerequisites.pseudoSlots(); s++) {
      builders.add(new LiteralSearch.Builder());
    }
    int[][] slots = new int[rules.size()][];
    int[][] literals = new int[rules.size()][];
    List<List<List<Prerequisites.Atom>>> all = new ArrayList<>();
    Map<Prerequisites.Atom, Integer> popularity = new java.util.HashMap<>();
    for (LoadedRule rule : rules) {
      List<List<Prerequisites.Atom>> clauses = Prerequisites.of(rule.rule().condition(), tests);
      all.add(clauses);
      java.util.Set<Prerequisites.Atom> atoms = new java.util.HashSet<>();
      clauses.forEach(atoms::addAll);
      atoms.forEach(a -> popularity.merge(a, 1, Integer::sum));
    }
    for (int r = 0; r < rules.size(); r++) {
      List<Prerequisites.Atom> atoms = rarest(all.get(r), popularity);
      if (atoms == null) {
        continue;
      }
      slots[r] = new int[atoms.size()];
      literals[r] = new int[atoms.size()];
      for (int a = 0; a < atoms.size(); a++) {
        Prerequisites.Atom atom = atoms.get(a);
        slots[r][a] = atom.slot();
        literals[r][a] = builders.get(searchIndex(atom.slot(), slotCount)).add(atom.literal());
      }
    }
    List<List<String>> lists = new ArrayList<>();
    for (LiteralSearch.Builder b : builders) {
      lists.add(b.literals());
    }
    return new LiteralIndex(slots, literals, lists, slotCount);
  }

  /**
   * The one clause of a rule that is searched for (null: none): the one whose literals the fewest rules need
   * (a literal many rules need, such as {@code \powershell.exe} in Image, is common in logs too),
   * then the one with the longest shortest literal. Every clause is implied by the condition, so one
   * is enough to rule events out; the exact evaluation of the candidates decides, and searching for
   * one clause instead of all makes an event that holds a popular literal touch far fewer rules.
   */
  private static List<Prerequisites.Atom> rarest(List<List<Prerequisites.Atom>> clauses,
      Map<Prerequisites.Atom, Integer> popularity) {
    List<Prerequisites.Atom> best = null;
    long bestScore = 0;
    int bestShortest = 0;
    for (List<Prerequisites.Atom> c : clauses) {
      long score = 0;
      int shortest = Integer.MAX_VALUE;
      for (Prerequisites.Atom a : c) {
        score += popularity.get(a);
        shortest = Math.min(shortest, a.literal().length());
      }
      if (best == null || score < bestScore || (score == bestScore && shortest > bestShortest)) {
        best = c;
        bestScore = score;
        bestShortest = shortest;
      }
    }
    return best;
  }

  /**
   * One automaton for the literals of all these slots (rule field slots or pseudo-slots, none
   * without literals), so a value read by several of them is searched once; built once per set.
   */
  Merged merged(List<Integer> slots) {
    return merged.computeIfAbsent(List.copyOf(slots), k -> {
      LiteralSearch.Builder all = new LiteralSearch.Builder();
      int[][] ids = new int[k.size()][];
      for (int m = 0; m < k.size(); m++) {
        List<String> own = literals.get(searchIndex(k.get(m), slotCount));
        ids[m] = new int[own.size()];
        for (int j = 0; j < own.size(); j++) {
          ids[m][j] = all.add(own.get(j));
        }
      }
      return new Merged(all.build(), ids);
    });
  }

  /** The distinct literals the rules need in this rule field slot or pseudo-slot, by their index in {@link #clauseLiterals}. */
  List<String> literals(int slot) {
    return literals.get(searchIndex(slot, slotCount));
  }

  int slotCount() {
    return slotCount;
  }

  static int searchIndex(int slot, int slotCount) {
    return slot >= 0 ? slot : slotCount - 1 - slot;
  }
}
