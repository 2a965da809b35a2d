package org.sysmontriage.detect.sigma;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Field slots and value tests shared by every rule of a library: equal tests compile to one id,
 * so their per-value caches are shared across rules.
 */
public final class Registry {
  private final Map<String, Integer> slots = new HashMap<>();
  private final List<String> slotNames = new ArrayList<>();
  private final Map<String, Integer> testIds = new HashMap<>();
  private final List<ValueTest> tests = new ArrayList<>();

  public synchronized int slot(String field) {
    return slots.computeIfAbsent(field, f -> {
      slotNames.add(f);
      return slotNames.size() - 1;
    });
  }

  public synchronized int test(ValueTest t) {
    return testIds.computeIfAbsent(t.key(), k -> {
      tests.add(t);
      return tests.size() - 1;
    });
  }

  /** The field name of a slot. */
  public synchronized String slotName(int slot) {
    return slotNames.get(slot);
  }

  /** The test with this id. */
  public synchronized ValueTest testAt(int id) {
    return tests.get(id);
  }

  /** The id of the test with this key, or -1 when none is registered. */
  public synchronized int idOf(String key) {
    Integer id = testIds.get(key);
    return id == null ? -1 : id;
  }

  public synchronized List<String> slotNames() {
    return List.copyOf(slotNames);
  }

  public synchronized List<ValueTest> tests() {
    return List.copyOf(tests);
  }
}
