package org.sysmontriage.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sysmontriage.detect.sigma.LiteralSearch;
import org.sysmontriage.detect.sigma.Node;
import org.sysmontriage.detect.sigma.Prerequisites;
import org.sysmontriage.detect.sigma.SystemField;
import org.sysmontriage.detect.sigma.Values;

/**
 * The rules of one EventID that can possibly match an event, found without testing them one by one:
 * each store field that some rule needs a literal in is searched once with its field's Aho-Corasick
 * automaton, each literal found satisfies the clauses that list it, and a rule target is a candidate
 * when all its clauses are satisfied (rule targets without clauses always are). Only candidates get
 * the exact evaluation, so the result is the same as testing every rule (the clauses are implied by
 * the conditions), in time linear in the event's values plus the candidates' own tests.
 */
final class CandidateFilter {
  /** A store field searched with a rule field's automaton: (rule slot, store name id; -1 for a pseudo-slot). */
  private record Key(int slot, int nameId) {}

  /** Rule field slot or pseudo-slot ({@link Prerequisites}) and store name id (-1 for pseudo-slots) of each key. */
  private final int[] keySlots;
  private final int[] keyNameIds;
  private final LiteralSearch[] keySearches;
  /** key -> literal -> clause ids it satisfies (null: none among these rule targets). */
  private final int[][][] postings;
  private final int[] clauseBinding;
  private final int[] needed;
  private final int[] always;

  /** Index in the EventID's binding list of each rule target taken (those accepting the channel and provider). */
  private final int[] bindingIndex;

  /**
   * @param bindings the rule targets of one EventID
   * @param accepted which of them accept the channel and provider this filter is for (the others are left out)
   */
  CandidateFilter(LiteralIndex index, List<DetectionPlan.Binding> allBindings, boolean[] accepted) {
    List<DetectionPlan.Binding> bindings = new ArrayList<>();
    List<Integer> taken = new ArrayList<>();
    for (int b = 0; b < allBindings.size(); b++) {
      if (accepted[b]) {
        bindings.add(allBindings.get(b));
        taken.add(b);
      }
    }
    bindingIndex = taken.stream().mapToInt(Integer::intValue).toArray();
    Map<Key, Integer> keys = new HashMap<>();
    List<Key> keyList = new ArrayList<>();
    List<Map<Integer, List<Integer>>> lists = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    needed = new int[bindings.size()];
    List<Integer> free = new ArrayList<>();
    for (int b = 0; b < bindings.size(); b++) {
      DetectionPlan.Binding binding = bindings.get(b);
      int[][] slots = index.clauseSlots[binding.rule()];
      int[][] literals = index.clauseLiterals[binding.rule()];
      needed[b] = slots.length;
      if (slots.length == 0) {
        free.add(b);
      }
      for (int c = 0; c < slots.length; c++) {
        int clause = owners.size();
        owners.add(b);
        for (int a = 0; a < slots[c].length; a++) {
          int slot = slots[c][a];
          int nameId = slot < 0 ? -1 : slot < binding.slotNames().length ? binding.slotNames()[slot] : -1;
          if (slot >= 0 && nameId < 0) {
            continue; // the field is in no event of the store: this atom never holds
          }
          Key key = new Key(slot, nameId);
          Integer k = keys.get(key);
          if (k == null) {
            k = keyList.size();
            keys.put(key, k);
            keyList.add(key);
            lists.add(new HashMap<>());
          }
          lists.get(k).computeIfAbsent(literals[c][a], x -> new ArrayList<>()).add(clause);
        }
      }
    }
    keySlots = new int[keyList.size()];
    keyNameIds = new int[keyList.size()];
    keySearches = new LiteralSearch[keyList.size()];
    postings = new int[keyList.size()][][];
    for (int k = 0; k < keyList.size(); k++) {
      keySlots[k] = keyList.get(k).slot();
      keyNameIds[k] = keyList.get(k).nameId();
      keySearches[k] = index.search(keyList.get(k).slot());
      postings[k] = new int[keySearches[k].literalCount()][];
      for (Map.Entry<Integer, List<Integer>> e : lists.get(k).entrySet()) {
        postings[k][e.getKey()] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
      }
    }
    clauseBinding = owners.stream().mapToInt(Integer::intValue).toArray();
    always = free.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Rule targets that are tested on every event (no literal prerequisite). */
  int alwaysCount() {
    return always.length;
  }

  Scan scan() {
    return new Scan();
  }

  /** One worker's state: which clauses and targets the current event satisfied. */
  final class Scan implements LiteralSearch.Hits {
    private final LiteralSearch.Scanner[] scanners = new LiteralSearch.Scanner[keySearches.length];
    private final int[] clauseStamp = new int[clauseBinding.length];
    private final int[] bindingStamp = new int[needed.length];
    private final int[] satisfied = new int[needed.length];
    private final int[] candidates = new int[needed.length];
    private int count;
    private int stamp;
    private int[][] current;
    /** Per key, a direct-mapped memo of the literals found in recent values (value id -> literals). */
    private final int[][] memoIds = new int[keySearches.length][];
    private final int[][][] memoHits = new int[keySearches.length][][];
    private boolean recording;
    private int[] recorded = new int[16];
    private int recordedCount;

    private Scan() {
      for (int k = 0; k < scanners.length; k++) {
        scanners[k] = keySearches[k].scanner();
      }
    }

    /** The candidates for event {@code e}: fills {@link #candidate} and returns how many. */
    int run(StoreMatchContext ctx, int e) {
      if (++stamp == Integer.MAX_VALUE) {
        java.util.Arrays.fill(clauseStamp, 0);
        java.util.Arrays.fill(bindingStamp, 0);
        stamp = 1;
      }
      System.arraycopy(always, 0, candidates, 0, always.length);
      count = always.length;
      for (int k = 0; k < keyNameIds.length; k++) {
        current = postings[k];
        LiteralSearch.Scanner scanner = scanners[k];
        int slot = keySlots[k];
        if (slot >= 0) {
          int v = ctx.valueIdOfName(keyNameIds[k]);
          if (v >= 0) {
            scanValue(k, v, ctx);
          }
        } else if (slot == Prerequisites.ANY_FIELD || slot == Prerequisites.DATA_FIELDS) {
          for (int f = 0, n = ctx.fieldCount(); f < n; f++) {
            if (slot == Prerequisites.ANY_FIELD || Node.DataLeaf.isUnnamedData(ctx.fieldNameAt(f))) {
              scanValue(k, ctx.valueIdAt(f), ctx);
            }
          }
          if (slot == Prerequisites.ANY_FIELD) {
            for (SystemField f : SystemField.values()) {
              scanSystem(ctx, f, scanner);
            }
          }
        } else {
          scanSystem(ctx, Prerequisites.systemOf(slot), scanner);
        }
      }
      return count;
    }

    private static final int MEMO = 1024;

    /**
     * Reports the literals of key {@code k}'s automaton found in value {@code v}: searched once, then
     * replayed from a small memo while the value recurs (real logs repeat paths, users, hashes).
     */
    private void scanValue(int k, int v, StoreMatchContext ctx) {
      int[] ids = memoIds[k];
      if (ids == null) {
        ids = new int[MEMO];
        java.util.Arrays.fill(ids, -1);
        memoIds[k] = ids;
        memoHits[k] = new int[MEMO][];
      }
      int at = v & (MEMO - 1);
      if (ids[at] == v) {
        for (int literal : memoHits[k][at]) {
          hit(literal);
        }
        return;
      }
      recording = true;
      recordedCount = 0;
      scanners[k].scan(ctx.lowerForm(v), this);
      recording = false;
      ids[at] = v;
      memoHits[k][at] = java.util.Arrays.copyOf(recorded, recordedCount);
    }

    private void scanSystem(StoreMatchContext ctx, SystemField f, LiteralSearch.Scanner scanner) {
      String v = ctx.system(f);
      if (v != null) {
        scanner.scan(Values.normalize(v, false), this);
      }
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
      int[] clauses = current[literal];
      if (clauses == null) {
        return;
      }
      for (int c : clauses) {
        if (clauseStamp[c] == stamp) {
          continue;
        }
        clauseStamp[c] = stamp;
        int b = clauseBinding[c];
        if (bindingStamp[b] != stamp) {
          bindingStamp[b] = stamp;
          satisfied[b] = 0;
        }
        if (++satisfied[b] == needed[b]) {
          candidates[count++] = b;
        }
      }
    }
  }
}
