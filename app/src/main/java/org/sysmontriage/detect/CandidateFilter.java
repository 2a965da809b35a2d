package org.sysmontriage.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sysmontriage.detect.sigma.LiteralSearch;
import org.sysmontriage.detect.sigma.Prerequisites;
import org.sysmontriage.detect.sigma.SystemField;
import org.sysmontriage.detect.sigma.Values;

/**
 * The rules of one EventID that can possibly match an event, found without testing them one by one:
 * each value of the event that some rule needs a literal in is searched once, with one Aho-Corasick
 * automaton over every literal that any rule field, keyword or Data search reading that value needs
 * ({@link LiteralIndex#merged}); a rule target is a candidate when a literal of its searched clause
 * is found (rule targets without one always are). Only candidates get the exact evaluation, so the
 * result is the same as testing every rule (the clause is implied by the condition), in time linear
 * in the event's values plus the candidates' own tests. A field that occurs twice in an event is searched both times (a superset of
 * what the rules read: never fewer candidates).
 */
final class CandidateFilter {
  /** A rule field slot or pseudo-slot searched in a store field: (slot, store name id; -1 for a pseudo-slot). */
  private record Key(int slot, int nameId) {}

  /** Per store name id: the search plan of that field's values, or -1 when no rule reads it. */
  private final int[] fieldPlan;
  /**
   * The rule targets the literals found in the EventID, channel and provider make candidates: a
   * filter serves the events of one EventID, channel and provider, so these are searched once, here.
   */
  private final int[] fixed;
  /** The plans of the computer and the record id, searched per event (-1: not searched). */
  private final int computerPlan;
  /** -1 also when no literal of the record id's plan can occur in a number (its text is digits). */
  private final int recordPlan;
  /** Per plan: its automaton, and literal -> rule targets it makes candidates (null: none of these). */
  private final LiteralSearch[] planSearches;
  private final int[][][] planPostings;
  private final int bindingCount;
  private final int[] always;

  /** Index in the EventID's binding list of each rule target taken (those accepting the channel and provider). */
  private final int[] bindingIndex;

  /**
   * @param allBindings the rule targets of one EventID
   * @param accepted which of them accept the channel and provider this filter is for (the others are left out)
   * @param unnamedData per store name id: whether it names an unnamed Data element (Sigma's {@code Data})
   * @param eventId the EventID, {@code channel} and {@code provider} (null: none) of every event this filter is used for
   */
  CandidateFilter(LiteralIndex index, List<DetectionPlan.Binding> allBindings, boolean[] accepted, boolean[] unnamedData,
      int eventId, String channel, String provider) {
    List<DetectionPlan.Binding> bindings = new ArrayList<>();
    List<Integer> taken = new ArrayList<>();
    for (int b = 0; b < allBindings.size(); b++) {
      if (accepted[b]) {
        bindings.add(allBindings.get(b));
        taken.add(b);
      }
    }
    bindingIndex = taken.stream().mapToInt(Integer::intValue).toArray();
    Map<Key, Map<Integer, List<Integer>>> keys = new java.util.LinkedHashMap<>();
    bindingCount = bindings.size();
    List<Integer> free = new ArrayList<>();
    for (int b = 0; b < bindings.size(); b++) {
      DetectionPlan.Binding binding = bindings.get(b);
      int[] slots = index.clauseSlots[binding.rule()];
      int[] literals = index.clauseLiterals[binding.rule()];
      if (slots == null) {
        free.add(b);
        continue;
      }
      for (int a = 0; a < slots.length; a++) {
        int slot = slots[a];
        int nameId = slot < 0 ? -1 : slot < binding.slotNames().length ? binding.slotNames()[slot] : -1;
        if (slot >= 0 && nameId < 0) {
          continue; // the field is in no event of the store: this atom never holds
        }
        keys.computeIfAbsent(new Key(slot, nameId), x -> new HashMap<>())
            .computeIfAbsent(literals[a], x -> new ArrayList<>()).add(b);
      }
    }
    always = free.stream().mapToInt(Integer::intValue).toArray();

    // which keys read each store field and each system field: one plan per distinct set
    Key any = new Key(Prerequisites.ANY_FIELD, -1);
    Key data = new Key(Prerequisites.DATA_FIELDS, -1);
    Map<Integer, List<Key>> byName = new HashMap<>();
    for (Key k : keys.keySet()) {
      if (k.slot() >= 0) {
        byName.computeIfAbsent(k.nameId(), x -> new ArrayList<>()).add(k);
      }
    }
    Map<List<Key>, Integer> plans = new java.util.LinkedHashMap<>();
    fieldPlan = new int[unnamedData.length];
    for (int n = 0; n < unnamedData.length; n++) {
      List<Key> readers = new ArrayList<>(byName.getOrDefault(n, List.of()));
      if (keys.containsKey(any)) {
        readers.add(any);
      }
      if (unnamedData[n] && keys.containsKey(data)) {
        readers.add(data);
      }
      fieldPlan[n] = readers.isEmpty() ? -1 : plans.computeIfAbsent(readers, x -> plans.size());
    }
    int[] systemPlan = new int[SYSTEM.length];
    for (SystemField f : SYSTEM) {
      List<Key> readers = new ArrayList<>();
      Key own = new Key(Prerequisites.systemSlot(f), -1);
      if (keys.containsKey(own)) {
        readers.add(own);
      }
      if (keys.containsKey(any)) {
        readers.add(any);
      }
      systemPlan[f.ordinal()] = readers.isEmpty() ? -1 : plans.computeIfAbsent(readers, x -> plans.size());
    }
    planSearches = new LiteralSearch[plans.size()];
    planPostings = new int[plans.size()][][];
    for (Map.Entry<List<Key>, Integer> plan : plans.entrySet()) {
      List<Key> readers = plan.getKey();
      LiteralIndex.Merged merged = index.merged(readers.stream().map(Key::slot).toList());
      List<Set<Integer>> targets = new ArrayList<>();
      for (int i = 0; i < merged.search().literalCount(); i++) {
        targets.add(null);
      }
      for (int m = 0; m < readers.size(); m++) {
        for (Map.Entry<Integer, List<Integer>> e : keys.get(readers.get(m)).entrySet()) {
          int literal = merged.ids()[m][e.getKey()];
          if (targets.get(literal) == null) {
            targets.set(literal, new LinkedHashSet<>());
          }
          targets.get(literal).addAll(e.getValue());
        }
      }
      int p = plan.getValue();
      planSearches[p] = merged.search();
      planPostings[p] = new int[targets.size()][];
      for (int i = 0; i < targets.size(); i++) {
        if (targets.get(i) != null) {
          planPostings[p][i] = targets.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
      }
    }
    Set<Integer> found = new LinkedHashSet<>();
    fixedTargets(systemPlan[SystemField.EVENT_ID.ordinal()], Integer.toString(eventId), found);
    fixedTargets(systemPlan[SystemField.CHANNEL.ordinal()], channel, found);
    fixedTargets(systemPlan[SystemField.PROVIDER.ordinal()], provider, found);
    fixed = found.stream().mapToInt(Integer::intValue).toArray();
    computerPlan = systemPlan[SystemField.COMPUTER.ordinal()];
    int record = systemPlan[SystemField.RECORD_ID.ordinal()];
    recordPlan = record >= 0 && planSearches[record].canOccurInNumber() ? record : -1;
  }

  /** Adds the rule targets of plan {@code p}'s literals found in a system field's text (null: none) to {@code out}. */
  private void fixedTargets(int p, String text, Set<Integer> out) {
    if (p < 0 || text == null) {
      return;
    }
    planSearches[p].scanner().scan(Values.normalize(text, false), literal -> {
      int[] targets = planPostings[p][literal];
      if (targets != null) {
        for (int b : targets) {
          out.add(b);
        }
      }
    });
  }

  private static final SystemField[] SYSTEM = SystemField.values();
  private static final int[] NONE = new int[0];

  /** Rule targets that are tested on every event (no literal prerequisite). */
  int alwaysCount() {
    return always.length;
  }

  Scan scan() {
    return new Scan();
  }

  /**
   * One worker's state: which rule targets the current event made candidates. Per event: each value a
   * plan reads is looked up in that plan's memo of recent values (else searched once, {@link #found}),
   * and the literals found mark their rule targets; the system fields the same way ({@link #system}).
   * The search of a new text is one method shared by field values and system fields, so the per-event
   * loop stays small.
   */
  final class Scan implements LiteralSearch.Hits {
    private final LiteralSearch.Scanner[] scanners = new LiteralSearch.Scanner[planSearches.length];
    private final int[] bindingStamp = new int[bindingCount];
    private final int[] candidates = new int[bindingCount];
    private int count;
    private int stamp;
    /** Per plan, a direct-mapped memo of the literals found in recent values (value id -> literals). */
    private final int[][] memoIds = new int[planSearches.length][];
    private final int[][][] memoHits = new int[planSearches.length][][];
    private int[] recorded = new int[16];
    private int recordedCount;

    private Scan() {
      for (int p = 0; p < scanners.length; p++) {
        scanners[p] = planSearches[p].scanner();
      }
    }

    private static final int MEMO = 1024;

    /** The candidates for event {@code e}: fills {@link #candidate} and returns how many. */
    int run(StoreMatchContext ctx, int e) {
      if (++stamp == Integer.MAX_VALUE) {
        java.util.Arrays.fill(bindingStamp, 0);
        stamp = 1;
      }
      System.arraycopy(always, 0, candidates, 0, always.length);
      count = always.length;
      for (int b : fixed) {
        bindingStamp[b] = stamp;
        candidates[count++] = b;
      }
      for (int f = 0, n = ctx.fieldCount(); f < n; f++) {
        int name = ctx.nameIdAt(f);
        int p = name < fieldPlan.length ? fieldPlan[name] : -1;
        if (p < 0) {
          continue;
        }
        int v = ctx.valueIdAt(f);
        int[] ids = memoIds[p];
        if (ids == null) {
          ids = memo(p);
        }
        int at = v & (MEMO - 1);
        int[] literals;
        if (ids[at] == v) {
          literals = memoHits[p][at];
        } else {
          literals = found(p, null, v, ctx);
          ids[at] = v;
          memoHits[p][at] = literals;
        }
        mark(planPostings[p], literals);
      }
      if (computerPlan >= 0 || recordPlan >= 0) {
        system(ctx);
      }
      return count;
    }

    /** Plan {@code p}'s memo, made when the plan first reads a value. */
    private int[] memo(int p) {
      int[] ids = new int[MEMO];
      java.util.Arrays.fill(ids, -1);
      memoIds[p] = ids;
      memoHits[p] = new int[MEMO][];
      return ids;
    }

    /**
     * The literals of plan {@code p}'s automaton in a text not searched recently: the system field
     * value {@code raw} in its comparable form, or (raw null) the value {@code valueId}'s lower-case form.
     */
    private int[] found(int p, String raw, int valueId, StoreMatchContext ctx) {
      String text = raw == null ? ctx.lowerForm(valueId) : Values.normalize(raw, false);
      recordedCount = 0;
      scanners[p].scan(text, this);
      return recordedCount == 0 ? NONE : java.util.Arrays.copyOf(recorded, recordedCount);
    }

    /** Makes the rule targets of these literals (of one plan: {@code postings}) candidates, each once per event. */
    private void mark(int[][] postings, int[] literals) {
      for (int literal : literals) {
        int[] targets = postings[literal];
        if (targets == null) {
          continue;
        }
        for (int b : targets) {
          if (bindingStamp[b] != stamp) {
            bindingStamp[b] = stamp;
            candidates[count++] = b;
          }
        }
      }
    }

    /** Per computer id: the literals of the computer plan found in that computer's name (null: not searched yet). */
    private int[][] computerHits = new int[0][];

    /**
     * The system fields that change between the events of one filter: the computer, searched once
     * per computer (a log names few), and the record id, searched on every event (when some literal
     * of its plan can occur in a number).
     */
    private void system(StoreMatchContext ctx) {
      if (computerPlan >= 0) {
        int c = ctx.computerId();
        int[] literals = c < computerHits.length ? computerHits[c] : null;
        if (literals == null) {
          literals = computerFound(c, ctx);
        }
        mark(planPostings[computerPlan], literals);
      }
      if (recordPlan >= 0) {
        mark(planPostings[recordPlan], found(recordPlan, ctx.system(SystemField.RECORD_ID), -1, ctx));
      }
    }

    /** Searches the name of computer {@code c} (the event's) and remembers the literals found. */
    private int[] computerFound(int c, StoreMatchContext ctx) {
      if (c >= computerHits.length) {
        computerHits = java.util.Arrays.copyOf(computerHits, Math.max(c + 1, computerHits.length * 2));
      }
      String name = ctx.system(SystemField.COMPUTER);
      int[] literals = name == null ? NONE : found(computerPlan, name, -1, ctx);
      computerHits[c] = literals;
      return literals;
    }

    /** The i-th candidate, as an index in the EventID's binding list. */
    int candidate(int i) {
      return bindingIndex[candidates[i]];
    }

    /** Called by the automaton while {@link #found} searches: records the literal. */
    @Override
    public void hit(int literal) {
      if (recordedCount == recorded.length) {
        recorded = java.util.Arrays.copyOf(recorded, recordedCount * 2);
      }
      recorded[recordedCount++] = literal;
    }
  }
}
