package org.sysmontriage.detect.sigma;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The text and test tables of a rule cache file ({@link CacheOutput#tables}), read for one load: the
 * places of the items are found once, each text is decoded the first time an entry refers to it and
 * then shared, and each test is built and registered in the load's {@link Registry} once (a test whose
 * key the registry holds already, e.g. a built-in rule's, is not built). Entries are read on several
 * threads: a text or test that two threads decode at once is decoded twice and gives the same value
 * (texts are immutable, the registry gives one id per key), so no lock is taken.
 */
public final class CacheTables {
  private final byte[] bytes;
  private final int[] stringAt;
  private final int[] stringLength;
  private final String[] strings;
  private final int[] testAt;
  private final int[] testLength;
  private final int[] testIds;
  private final Registry registry;
  private final int end;

  /** Reads the tables' places from {@code in} (left after them); the tests register in {@code registry}. */
  public CacheTables(CacheInput in, byte[] bytes, Registry registry) throws IOException {
    this.bytes = bytes;
    this.registry = registry;
    int n = in.readVarCount();
    stringAt = new int[n];
    stringLength = new int[n];
    places(in, stringAt, stringLength);
    strings = new String[n];
    int t = in.readVarCount();
    testAt = new int[t];
    testLength = new int[t];
    places(in, testAt, testLength);
    end = in.position();
    testIds = new int[t];
    java.util.Arrays.fill(testIds, -1);
  }

  /** The start and length of each item of a table (each a varint length then its bytes). */
  private static void places(CacheInput in, int[] at, int[] length) throws IOException {
    for (int i = 0; i < at.length; i++) {
      length[i] = in.readVarint();
      at[i] = in.position();
      in.skip(length[i]);
    }
  }

  /** Where the tables end in the file. */
  public int end() {
    return end;
  }

  /** The text at this index. */
  public String text(int index) throws IOException {
    if (index < 0 || index >= strings.length) {
      throw new IOException("text index " + index + " outside the table");
    }
    String s = strings[index];
    if (s == null) {
      s = new String(bytes, stringAt[index], stringLength[index], StandardCharsets.UTF_8);
      strings[index] = s;
    }
    return s;
  }

  /** The registry id of the test at this index, built and registered on first use. */
  public int test(int index) throws IOException {
    if (index < 0 || index >= testIds.length) {
      throw new IOException("test index " + index + " outside the table");
    }
    int id = testIds[index];
    if (id < 0) {
      CacheInput in = new CacheInput(bytes, testAt[index], testAt[index] + testLength[index]);
      id = ConditionCodec.readTest(in, this, registry);
      if (in.remaining() != 0) {
        throw new IOException("cached test longer than its body");
      }
      testIds[index] = id;
    }
    return id;
  }
}
