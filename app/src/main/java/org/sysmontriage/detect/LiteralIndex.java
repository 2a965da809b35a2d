package org.sysmontriage.detect;

import java.util.ArrayList;
import java.util.List;
import org.sysmontriage.detect.sigma.LiteralSearch;
import org.sysmontriage.detect.sigma.Prerequisites;
import org.sysmontriage.detect.sigma.ValueTest;

/**
 * The literal prerequisites of every rule of a library ({@link Prerequisites}) and, per rule field,
 * one Aho-Corasick automaton over all the literals the rules need in that field. Built once per
 * library; a detection run binds it to a store's field names ({@link CandidateFilter}).
 */
final class LiteralIndex {
  /** rule -> clause -> atom: the rule field slot and the literal's index in that slot's automaton. */
  final int[][][] clauseSlots;
  final int[][][] clauseLiterals;
  /** {@link #searchIndex} of a slot -> automaton, null when no rule needs a literal there. */
  final LiteralSearch[] searches;
  private final int slotCount;

  private LiteralIndex(int[][][] clauseSlots, int[][][] clauseLiterals, LiteralSearch[] searches, int slotCount) {
    this.slotCount = slotCount;
    this.clauseSlots = clauseSlots;
    this.clauseLiterals = clauseLiterals;
    this.searches = searches;
  }

  static LiteralIndex of(List<LoadedRule> rules, List<ValueTest> tests, int slotCount) {
    List<LiteralSearch.Builder> builders = new ArrayList<>();
    for (int s = 0; s < slotCount + Prerequisites.pseudoSlots(); s++) {
      builders.add(new LiteralSearch.Builder());
    }
    int[][][] slots = new int[rules.size()][][];
    int[][][] literals = new int[rules.size()][][];
    for (int r = 0; r < rules.size(); r++) {
      List<List<Prerequisites.Atom>> clauses = Prerequisites.of(rules.get(r).rule().condition(), tests);
      slots[r] = new int[clauses.size()][];
      literals[r] = new int[clauses.size()][];
      for (int c = 0; c < clauses.size(); c++) {
        List<Prerequisites.Atom> atoms = clauses.get(c);
        slots[r][c] = new int[atoms.size()];
        literals[r][c] = new int[atoms.size()];
        for (int a = 0; a < atoms.size(); a++) {
          Prerequisites.Atom atom = atoms.get(a);
          slots[r][c][a] = atom.slot();
          literals[r][c][a] = builders.get(searchIndex(atom.slot(), slotCount)).add(atom.literal());
        }
      }
    }
    LiteralSearch[] searches = new LiteralSearch[builders.size()];
    for (int s = 0; s < searches.length; s++) {
      searches[s] = builders.get(s).size() == 0 ? null : builders.get(s).build();
    }
    return new LiteralIndex(slots, literals, searches, slotCount);
  }

  /** The automaton of a rule field slot or pseudo-slot ({@link Prerequisites.Atom}). */
  LiteralSearch search(int slot) {
    return searches[searchIndex(slot, slotCount)];
  }

  private static int searchIndex(int slot, int slotCount) {
    return slot >= 0 ? slot : slotCount - 1 - slot;
  }
}
