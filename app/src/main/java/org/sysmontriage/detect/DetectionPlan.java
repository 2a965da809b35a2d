package org.sysmontriage.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sysmontriage.detect.sigma.Target;
import org.sysmontriage.event.EventStore;

/** The library's rules bound to one store: per EventID, the rule targets to test. */
final class DetectionPlan {
  /** One rule target with its slot -> store field-name-id table. */
  record Binding(int rule, Target target, int[] slotNames) {}

  private final List<LoadedRule> rules;
  private final List<Binding> all = new ArrayList<>();
  private final Map<Binding, Integer> index = new java.util.IdentityHashMap<>();
  private final Map<Integer, List<Binding>> byEventId = new HashMap<>();
  private final List<Binding> anyEventId = new ArrayList<>();
  private int nameIdLimit = 1;
  /** Per store name id: whether it names an unnamed Data element (read by Sigma's {@code Data}). */
  private final boolean[] unnamedData;

  /**
   * @param prefilter whether {@link #route} gives each route its {@link CandidateFilter} (false: every rule
   *     target of the EventID is tested)
   */
  DetectionPlan(AnalyticLibrary library, EventStore store, boolean prefilter) {
    this.prefilter = prefilter;
    this.store = store;
    List<String> slots = library.registry().slotNames();
    rules = library.rules();
    this.library = library;
    unnamedData = new boolean[store.nameCount()];
    for (int n = 0; n < unnamedData.length; n++) {
      unnamedData[n] = org.sysmontriage.detect.sigma.Node.DataLeaf.isUnnamedData(store.name(n));
    }
    for (int r = 0; r < rules.size(); r++) {
      int[] read = readSlots(rules.get(r));
      for (Target t : rules.get(r).rule().targets()) {
        Binding b = new Binding(r, t, slotNames(slots, read, t, store));
        index.put(b, all.size());
        all.add(b);
        if (t.eventIds() == null) {
          anyEventId.add(b);
        } else {
          for (int id : t.eventIds()) {
            byEventId.computeIfAbsent(id, k -> new ArrayList<>()).add(b);
          }
        }
      }
    }
  }

  private Map<String, Integer> spaceless;

  /**
   * A rule field's id in the store: its own name, else a stored name that differs only by spaces
   * (Defender and other providers name EventData "Threat Name"; Sigma writes ThreatName).
   */
  private int nameId(EventStore store, String field) {
    int id = store.nameId(field);
    if (id >= 0) {
      return id;
    }
    if (spaceless == null) {
      spaceless = new HashMap<>();
      for (int n = 0; n < store.nameCount(); n++) {
        String name = store.name(n);
        if (name.indexOf(' ') >= 0) {
          spaceless.putIfAbsent(name.replace(" ", ""), n);
        }
      }
    }
    return spaceless.getOrDefault(field, -1);
  }

  /** The rule field slots a rule's condition reads, each once. */
  private static int[] readSlots(LoadedRule rule) {
    java.util.BitSet read = new java.util.BitSet();
    org.sysmontriage.detect.sigma.Node.slots(rule.rule().condition(), read::set);
    return read.stream().toArray();
  }

  /**
   * A target's slot -> store name id table: the store's id of the event field each slot the rule reads
   * maps to (-1 when no event has it); -1 for the registry's other slots, which the rule never reads.
   */
  private int[] slotNames(List<String> slots, int[] read, Target t, EventStore store) {
    int[] ids = new int[slots.size()];
    java.util.Arrays.fill(ids, -1);
    for (int s : read) {
      ids[s] = nameId(store, t.eventField(slots.get(s)));
      nameIdLimit = Math.max(nameIdLimit, ids[s] + 1);
    }
    return ids;
  }

  /** The bindings for events with this EventID (rules for any EventID included), always in the same order. */
  List<Binding> bindings(int eventId) {
    return bindingsById.computeIfAbsent(eventId, id -> {
      List<Binding> specific = byEventId.getOrDefault(id, List.of());
      if (anyEventId.isEmpty()) {
        return specific;
      }
      List<Binding> all = new ArrayList<>(specific);
      all.addAll(anyEventId);
      return List.copyOf(all);
    });
  }

  private final Map<Integer, List<Binding>> bindingsById = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<RouteKey, Route> routes = new java.util.concurrent.ConcurrentHashMap<>();
  private final boolean prefilter;
  private final EventStore store;

  private record RouteKey(int eventId, String channel, String provider) {}

  /**
   * Where the events of one EventID, channel and provider go: which of the EventID's bindings accept
   * that channel and provider, and the candidate filter over those (null without the prefilter).
   */
  record Route(boolean[] accepted, CandidateFilter filter) {}

  private final AnalyticLibrary library;

  /** The route of events with this EventID, channel and provider; worked out once per plan. */
  Route route(int eventId, String channel, String provider) {
    RouteKey key = new RouteKey(eventId, channel, provider);
    Route route = routes.get(key);
    return route != null ? route : routes.computeIfAbsent(key, k -> {
      List<Binding> bindings = bindings(eventId);
      boolean[] accepted = new boolean[bindings.size()];
      for (int b = 0; b < accepted.length; b++) {
        accepted[b] = bindings.get(b).target().accepts(channel, provider);
      }
      return new Route(accepted, prefilter ? new CandidateFilter(library.literalIndex(), bindings, accepted, unnamedData, eventId, channel, provider) : null);
    });
  }

  /** Whether a rule that needs the LSASS judge (target check or behaviour) has events of its EventIDs in the store. */
  boolean needsJudge() {
    for (int id : store.eventIds()) {
      for (Binding b : bindings(id)) {
        if (rules.get(b.rule()).needsJudge()) {
          return true;
        }
      }
    }
    return false;
  }

  List<LoadedRule> rules() {
    return rules;
  }

  int indexOf(Binding b) {
    return index.get(b);
  }

  Binding binding(int index) {
    return all.get(index);
  }

  int nameIdLimit() {
    return nameIdLimit;
  }
}
