package org.sysmontriage.detect;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.sysmontriage.detect.sigma.CacheInput;
import org.sysmontriage.detect.sigma.Prerequisites;

/**
 * A library's {@link LiteralIndex} kept on disk, so a load of cached rules does not work out every rule's
 * literal prerequisites again. It is keyed by the whole library: the engine ({@link RuleTreeCache#engine})
 * and {@link RuleFileLoader#libraryKey}, which exists only when every rule file of the load came from a
 * compiled-rule cache entry and names those entries exactly (each cache file's identity and its entries'
 * keys in load order). Any changed, added or removed rule file, a file compiled instead of cached, or a
 * rewritten rule cache gives another key, and the index is built again and written anew. Slots are
 * stored by field name (a load numbers them in the order its threads decode the rules). A file that is
 * damaged, truncated or for another key is never used. One file per set of rule sources, in the rule
 * cache's folder.
 */
final class LiteralIndexCache {
  private static final int MAGIC = 0x53544c49; // "STLI"

  private LiteralIndexCache() {}

  /** The index file of a library loaded from these sources ({@link RuleFileLoader#libraryName}). */
  static Path file(Path cacheDir, String libraryName) {
    CRC32 crc = new CRC32();
    crc.update(libraryName.getBytes(StandardCharsets.UTF_8));
    return cacheDir.resolve("literals-" + HexFormat.of().toHexDigits((int) crc.getValue()) + ".index");
  }

  /**
   * The index stored for exactly this library, its slots numbered as in {@code slotNames} (the
   * library's registry), or null when there is none, it is for another library or it cannot be read.
   */
  static LiteralIndex read(Path file, byte[] libraryKey, List<LoadedRule> rules, List<String> slotNames) {
    String engine = RuleTreeCache.engine();
    if (engine == null || !Files.isRegularFile(file)) {
      return null;
    }
    try {
      byte[] all = Files.readAllBytes(file);
      if (all.length < 8) {
        return null;
      }
      CRC32 crc = new CRC32();
      crc.update(all, 0, all.length - 8);
      CacheInput in = new CacheInput(all, 0, all.length - 8);
      if (crc.getValue() != new CacheInput(all, all.length - 8, all.length).readLong() || in.readInt() != MAGIC
          || !engine.equals(in.readUtf8(in.readShort()))) {
        return null;
      }
      int keyLength = count(in);
      int keyAt = in.position();
      in.skip(keyLength);
      if (!java.util.Arrays.equals(all, keyAt, keyAt + keyLength, libraryKey, 0, libraryKey.length)) {
        return null;
      }
      return readIndex(in, rules, slotNames);
    } catch (IOException | RuntimeException e) {
      return null; // built again (and written anew)
    }
  }

  private static LiteralIndex readIndex(CacheInput in, List<LoadedRule> rules, List<String> slotNames) throws IOException {
    int slotCount = slotNames.size();
    if (in.readInt() != slotCount || in.readInt() != Prerequisites.pseudoSlots() || in.readInt() != rules.size()) {
      return null;
    }
    Map<String, Integer> current = new HashMap<>(slotCount * 2);
    for (int s = 0; s < slotCount; s++) {
      current.put(slotNames.get(s), s);
    }
    int[] slotNow = new int[slotCount]; // stored slot -> this load's slot
    for (int s = 0; s < slotCount; s++) {
      Integer now = current.get(text(in));
      if (now == null) {
        return null;
      }
      slotNow[s] = now;
    }
    int[][] slots = new int[rules.size()][];
    int[][] literals = new int[rules.size()][];
    for (int r = 0; r < rules.size(); r++) {
      if (!rules.get(r).analytic().id().equals(text(in))) {
        return null;
      }
      int atoms = in.readInt();
      if (atoms < 0) {
        continue; // no literal prerequisite
      }
      slots[r] = new int[count(in, atoms)];
      literals[r] = new int[slots[r].length];
      for (int a = 0; a < slots[r].length; a++) {
        int slot = in.readInt();
        if (slot < -Prerequisites.pseudoSlots() || slot >= slotCount) {
          return null;
        }
        slots[r][a] = slot >= 0 ? slotNow[slot] : slot;
        literals[r][a] = in.readInt();
      }
    }
    List<List<String>> lists = new ArrayList<>(java.util.Collections.nCopies(slotCount + Prerequisites.pseudoSlots(), List.<String>of()));
    for (int i = 0; i < lists.size(); i++) {
      String[] own = new String[count(in)];
      for (int j = 0; j < own.length; j++) {
        own[j] = text(in);
      }
      int slot = i < slotCount ? slotNow[i] : slotCount - 1 - i; // the stored search index's slot, in this load
      lists.set(LiteralIndex.searchIndex(slot, slotCount), List.of(own));
    }
    if (in.remaining() != 0 || !inRange(slots, literals, lists, slotCount)) {
      return null;
    }
    return new LiteralIndex(slots, literals, lists, slotCount);
  }

  /** Whether every clause's literal is one of its slot's literals. */
  private static boolean inRange(int[][] slots, int[][] literals, List<List<String>> lists, int slotCount) {
    for (int r = 0; r < slots.length; r++) {
      for (int a = 0; slots[r] != null && a < slots[r].length; a++) {
        int literal = literals[r][a];
        if (literal < 0 || literal >= lists.get(LiteralIndex.searchIndex(slots[r][a], slotCount)).size()) {
          return false;
        }
      }
    }
    return true;
  }

  /** Writes the index of this library (atomically; an index that cannot be written is built again next time). */
  static void write(Path file, byte[] libraryKey, List<LoadedRule> rules, List<String> slotNames, LiteralIndex index) {
    String engine = RuleTreeCache.engine();
    if (engine == null) {
      return;
    }
    try {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 18);
      DataOutputStream out = new DataOutputStream(buffer);
      out.writeInt(MAGIC);
      out.writeUTF(engine);
      out.writeInt(libraryKey.length);
      out.write(libraryKey);
      out.writeInt(slotNames.size());
      out.writeInt(Prerequisites.pseudoSlots());
      out.writeInt(rules.size());
      for (String name : slotNames) {
        text(out, name);
      }
      for (int r = 0; r < rules.size(); r++) {
        text(out, rules.get(r).analytic().id());
        int[] slots = index.clauseSlots[r];
        out.writeInt(slots == null ? -1 : slots.length);
        for (int a = 0; slots != null && a < slots.length; a++) {
          out.writeInt(slots[a]);
          out.writeInt(index.clauseLiterals[r][a]);
        }
      }
      for (int i = 0; i < slotNames.size() + Prerequisites.pseudoSlots(); i++) {
        List<String> own = index.literals(i < slotNames.size() ? i : slotNames.size() - 1 - i);
        out.writeInt(own.size());
        for (String literal : own) {
          text(out, literal);
        }
      }
      out.flush();
      RuleTreeCache.writeWithChecksum(file, buffer);
    } catch (IOException | RuntimeException e) {
      // an unwritable index only costs the next load the time to build it
    }
  }

  /** A count of items that take at least one byte each, read from the file: never more than what is left of it. */
  private static int count(CacheInput in) throws IOException {
    return in.readCount();
  }

  /** A count already read, checked the same way. */
  private static int count(CacheInput in, int n) throws IOException {
    if (n < 0 || n > in.remaining()) {
      throw new IOException("count " + n + " beyond the file");
    }
    return n;
  }

  private static String text(CacheInput in) throws IOException {
    return in.readText();
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }
}
