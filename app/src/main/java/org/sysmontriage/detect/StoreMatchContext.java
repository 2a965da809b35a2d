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
  private final int[] memoValue;
  private final int[] memoStamp;
  private int stamp;
  private int event;
  private int[] slotNames = new int[0];

  StoreMatchContext(EventStore store, List<ValueTest> tests, AtomicReferenceArray<byte[]> caches, int nameIdLimit) {
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
    int nameId = slot < slotNames.length ? slotNames[slot] : -1;
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
      caches.compareAndSet(testId, null, new byte[store.valueCount()]);
      cache = caches.get(testId);
    }
    byte known = cache[valueId];
    if (known != 0) {
      return known == 2;
    }
    boolean result = tests.get(testId).test(store.value(valueId));
    cache[valueId] = result ? (byte) 2 : (byte) 1;
    return result;
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

  @Override
  public String fieldNameAt(int k) {
    return store.fieldName(event, k);
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
