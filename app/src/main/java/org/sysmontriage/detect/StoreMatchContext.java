package org.sysmontriage.detect;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.sysmontriage.detect.sigma.MatchContext;
import org.sysmontriage.detect.sigma.SystemField;
import org.sysmontriage.detect.sigma.ValueTest;
import org.sysmontriage.event.EventStore;

/**
 * One worker's view of the event under test. Field lookups are memoised per event; test results
 * are cached per distinct value id in byte arrays shared by all workers (0 unknown, 1 false,
 * 2 true: racing writers store the same answer, and byte writes never tear).
 */
final class StoreMatchContext implements MatchContext {
  private final EventStore store;
  private final List<ValueTest> tests;
  private final AtomicReferenceArray<byte[]> caches;
  private final java.util.concurrent.atomic.AtomicLong cacheBudget;
  private final int[] memoValue;
  private final int[] memoStamp;
  private int stamp;
  private int event;
  private int[] slotNames = new int[0];

  StoreMatchContext(EventStore store, List<ValueTest> tests, AtomicReferenceArray<byte[]> caches,
      java.util.concurrent.atomic.AtomicLong cacheBudget, int nameIdLimit) {
    this.cacheBudget = cacheBudget;
    this.store = store;
    this.tests = tests;
    this.caches = caches;
    this.memoValue = new int[nameIdLimit];
    this.memoStamp = new int[nameIdLimit];
  }

  /** Moves to event {@code e}; forgets the previous event's fields. */
  void event(int e) {
    event = e;
    stamp++;
  }

  /** The rule-slot to store-name-id table of the rule target being evaluated. */
  void slotNames(int[] ids) {
    slotNames = ids;
  }

  @Override
  public int valueIdOfSlot(int slot) {
    return valueIdOfName(slot < slotNames.length ? slotNames[slot] : -1);
  }

  /** Value id of the event's field with store name id {@code nameId}, or -1 (memoised per event). */
  int valueIdOfName(int nameId) {
    if (nameId < 0) {
      return -1;
    }
    if (memoStamp[nameId] != stamp) {
      memoStamp[nameId] = stamp;
      memoValue[nameId] = store.valueId(event, nameId);
    }
    return memoValue[nameId];
  }

  @Override
  public boolean test(int testId, int valueId) {
    byte[] cache = caches.get(testId);
    if (cache == null) {
      cache = cacheFor(testId);
    }
    if (cache == UNCACHED) {
      return tests.get(testId).test(subject(valueId));
    }
    byte known = cache[valueId];
    if (known != 0) {
      return known == 2;
    }
    boolean result = tests.get(testId).test(subject(valueId));
    cache[valueId] = result ? (byte) 2 : (byte) 1;
    return result;
  }

  /** Marks a test that runs without a per-value cache (the cache budget was spent). */
  static final byte[] UNCACHED = new byte[0];

  /**
   * A per-value cache costs one byte per distinct value of the store; with thousands of rules the
   * caches are given out first come, first served until the budget is spent, later tests run uncached.
   */
  private byte[] cacheFor(int testId) {
    int size = store.valueCount();
    byte[] fresh = cacheBudget.addAndGet(-size) >= 0 ? new byte[size] : UNCACHED;
    if (!caches.compareAndSet(testId, null, fresh) && fresh != UNCACHED) {
      cacheBudget.addAndGet(size); // another worker won the race
    }
    return caches.get(testId);
  }

  private static final int SUBJECTS = 4096;
  private final int[] subjectIds = filled(SUBJECTS);
  private final ValueTest.Subject[] subjects = new ValueTest.Subject[SUBJECTS];

  private static int[] filled(int n) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, -1);
    return a;
  }

  /** The value as a test subject, kept in a small direct-mapped memo so its forms are made once. */
  private ValueTest.Subject subject(int valueId) {
    int slot = valueId & (SUBJECTS - 1);
    if (subjectIds[slot] != valueId) {
      subjectIds[slot] = valueId;
      subjects[slot] = new ValueTest.Subject(store.value(valueId));
    }
    return subjects[slot];
  }

  /** The value's lower-case comparable form ({@link org.sysmontriage.detect.sigma.Values#normalize}), shared with the tests. */
  String lowerForm(int valueId) {
    return subject(valueId).normalized(false);
  }

  @Override
  public String describe(int testId, String value) {
    ValueTest t = tests.get(testId);
    if (t instanceof ValueTest.AnyOf any) {
      for (ValueTest part : any.parts()) {
        if (part.test(value)) {
          return part.reason();
        }
      }
    }
    return t.reason();
  }

  @Override
  public boolean testText(int testId, String text) {
    return tests.get(testId).test(text);
  }

  @Override
  public String value(int valueId) {
    return store.value(valueId);
  }

  @Override
  public int fieldCount() {
    return store.fieldCount(event);
  }

  @Override
  public int valueIdAt(int k) {
    return store.valueIdAt(event, k);
  }

  /** The store name id of the event's {@code k}-th field. */
  int nameIdAt(int k) {
    return store.nameIdAt(event, k);
  }

  @Override
  public String fieldNameAt(int k) {
    return store.fieldName(event, k);
  }

  /** The event's computer, as the store's id of its name ({@link EventStore#computerId}). */
  int computerId() {
    return store.computerId(event);
  }

  @Override
  public String system(SystemField f) {
    return switch (f) {
      case EVENT_ID -> Integer.toString(store.eventId(event));
      case COMPUTER -> store.computer(event);
      case CHANNEL -> store.channel(event);
      case PROVIDER -> store.provider(event);
      case RECORD_ID -> Long.toString(store.recordId(event));
    };
  }
}
