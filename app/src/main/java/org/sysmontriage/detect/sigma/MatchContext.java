package org.sysmontriage.detect.sigma;

/** What a compiled rule sees of the event being tested. */
public interface MatchContext {
  /** Value id of the field in rule slot {@code slot} (after field mapping), or -1 when absent. */
  int valueIdOfSlot(int slot);

  /** Result of test {@code testId} on value {@code valueId}, cached per value id. */
  boolean test(int testId, int valueId);

  String value(int valueId);

  /** Number of EventData fields of the event. */
  int fieldCount();

  int valueIdAt(int k);

  String fieldNameAt(int k);

  /** EventID, Computer, Channel, Provider or EventRecordID as text. */
  String system(SystemField f);

  /** The words for test {@code testId} holding on {@code value}: for a value list, the item that matched. */
  String describe(int testId, String value);

  /** Runs a test on a string directly (system fields are few and short: no cache). */
  boolean testText(int testId, String text);
}
