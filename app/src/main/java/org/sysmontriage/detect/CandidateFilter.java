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
  /** Per system field ordinal: its search plan, or -1. */
  private final int[] systemPlan = new int[SystemField.values().length];
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
   */
  CandidateFilter(LiteralIndex index, List<DetectionPlan.Binding> allBindings, boolean[] accepted, boolean[] unnamedData) {
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
    for (SystemField f : SystemField.values()) {
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
  }

  private static final SystemField[] SYSTEM = SystemField.values();

  /** Rule targets that are tested on every event (no literal prerequisite). */
  int alwaysCount() {
    return always.length;
  }

  Scan scan() {
    return new Scan();
  }

  /** One worker's state: which rule targets the current event made candidates. */
  final class Scan implements LiteralSearch.Hits {
    private final LiteralSearch.Scanner[] scanners = new LiteralSearch.Scanner[planSearches.length];
    private final int[] bindingStamp = new int[bindingCount];
    private final int[] candidates = new int[bindingCount];
    private int count;
    private int stamp;
    private int[][] current;
    /** Per plan, a direct-mapped memo of the literals found in recent values (value id -> literals). */
    private final int[][] memoIds = new int[planSearches.length][];
    private final int[][][] memoHits = new int[planSearches.length][][];
    private boolean recording;
    private int[] recorded = new int[16];
    private int recordedCount;

    private Scan() {
      for (int p = 0; p < scanners.length; p++) {
        scanners[p] = planSearches[p].scanner();
      }
    }

    /** The candidates for event {@code e}: fills {@link #candidate} and returns how many. */
    int run(StoreMatchContext ctx, int e) {
      if (++stamp == Integer.MAX_VALUE) {
        java.util.Arrays.fill(bindingStamp, 0);
        stamp = 1;
      }
      System.arraycopy(always, 0, candidates, 0, always.length);
      count = always.length;
      for (int f = 0, n = ctx.fieldCount(); f < n; f++) {
        int name = ctx.nameIdAt(f);
        int p = name < fieldPlan.length ? fieldPlan[name] : -1;
        if (p >= 0) {
          scanValue(p, ctx.valueIdAt(f), ctx);
        }
      }
      for (SystemField f : SYSTEM) {
        int p = systemPlan[f.ordinal()];
        if (p >= 0) {
          scanSystem(p, f, ctx);
        }
      }
      return count;
    }

    /** Per system field: the value last searched (the store's one string per computer, channel or provider) and its literals. */
    private final String[] systemSeen = new String[SYSTEM.length];
    private final int[][] systemHits = new int[SYSTEM.length][];
    /** The EventID whose text was last searched (valid when {@code systemHits} of EVENT_ID is set). */
    private int eventIdSeen;

    /**
     * Reports the literals of plan {@code p}'s automaton found in system field {@code f}: the EventID,
     * computer, channel and provider repeat from event to event and are searched again only when they
     * change; the record id is searched on every event.
     */
    private void scanSystem(int p, SystemField f, StoreMatchContext ctx) {
      current = planPostings[p];
      int o = f.ordinal();
      boolean repeats = false;
      String v;
      if (f == SystemField.EVENT_ID) {
        int id = ctx.eventId();
        repeats = systemHits[o] != null && id == eventIdSeen;
        eventIdSeen = id;
        v = repeats ? null : Integer.toString(id);
      } else {
        v = ctx.system(f);
        repeats = f != SystemField.RECORD_ID && systemHits[o] != null && v == systemSeen[o];
        systemSeen[o] = v;
      }
      if (repeats) {
        for (int literal : systemHits[o]) {
          hit(literal);
        }
        return;
      }
      systemHits[o] = null;
      if (v == null) {
        return;
      }
      recording = true;
      recordedCount = 0;
      scanners[p].scan(Values.normalize(v, false), this);
      recording = false;
      systemHits[o] = java.util.Arrays.copyOf(recorded, recordedCount);
    }

    private static final int MEMO = 1024;

    /**
     * Reports the literals of plan {@code p}'s automaton found in value {@code v}: searched once, then
     * replayed from a small memo while the value recurs (real logs repeat paths, users, hashes).
     */
    private void scanValue(int p, int v, StoreMatchContext ctx) {
      current = planPostings[p];
      int[] ids = memoIds[p];
      if (ids == null) {
        ids = new int[MEMO];
        java.util.Arrays.fill(ids, -1);
        memoIds[p] = ids;
        memoHits[p] = new int[MEMO][];
      }
      int at = v & (MEMO - 1);
      if (ids[at] == v) {
        for (int literal : memoHits[p][at]) {
          hit(literal);
        }
        return;
      }
      recording = true;
      recordedCount = 0;
      scanners[p].scan(ctx.lowerForm(v), this);
      recording = false;
      ids[at] = v;
      memoHits[p][at] = java.util.Arrays.copyOf(recorded, recordedCount);
    }

    /** The i-th candidate, as an index in the EventID's binding list. */
    int candidate(int i) {
      return bindingIndex[candidates[i]];
    }

    @Override
    public void hit(int literal) {
      if (recording) {
        if (recordedCount == recorded.length) {
          recorded = java.util.Arrays.copyOf(recorded, recordedCount * 2);
        }
        recorded[recordedCount++] = literal;
      }
      int[] targets = current[literal];
      if (targets == null) {
        return;
      }
      for (int b : targets) {
        if (bindingStamp[b] != stamp) {
          bindingStamp[b] = stamp;
          candidates[count++] = b;
        }
      }
    }
  }
}
