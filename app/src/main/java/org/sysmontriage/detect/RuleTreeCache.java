package org.sysmontriage.detect;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import org.sysmontriage.detect.CachedRuleCodec.Compiled;
import org.sysmontriage.detect.sigma.CacheInput;
import org.sysmontriage.detect.sigma.CacheOutput;
import org.sysmontriage.detect.sigma.CacheTables;
import org.sysmontriage.detect.sigma.Registry;
import org.sysmontriage.detect.sigma.YamlNode;

/**
 * The compiled rules of a rule folder's files, kept on disk so the next load neither parses YAML nor
 * compiles conditions (most of the time of loading SigmaHQ's 2,407 Windows rules). A file's entry holds,
 * per rule, the rule as loaded: its metadata as read from its YAML, targets and compiled condition
 * ({@link CachedRuleCodec}, so the YAML is neither parsed nor read again), and the file's bytes: an
 * entry is found by the CRC-32C and
 * length of a file and used only when its stored bytes equal the file's, so a changed file is compiled
 * again and an unchanged one (wherever it is) never is. The whole cache file is keyed by the engine: the
 * cache format and the identity of the code that compiles rules ({@link #engine}); it ends with a
 * CRC-32 of its content. A cache that is corrupt, truncated, from another build or unreadable is
 * ignored (the files are compiled, {@link #note} says why) and written anew. An entry is decoded only
 * when its file asks for it, on the thread that loads that file. One cache file per rule folder, in
 * {@code HOME/cache/}, HOME being {@code -Dsysmontriage.home}, {@code $SYSMON_TRIAGE_HOME} or
 * {@code ~/.sysmon-triage}; never beside the rules or the logs.
 */
final class RuleTreeCache {
  private static final int MAGIC = 0x53545243; // "STRC"
  private static final String FORMAT = "compiled-rules 3";

  private final Path file;
  /** The cache file's bytes (null when there was none or it was not trusted), its tables, and each entry's place. */
  private final byte[] bytes;
  private final CacheTables tables;
  private final Map<Long, long[]> stored;
  /**
   * The identity of the cache file as read (a random number drawn at each write, and its CRC-32), 0 when
   * there was none: a given identity always holds the same entries ({@link #identity}).
   */
  private final long generation;
  private final long checksum;
  private final String note;
  /** The library being loaded: its slots and tests are what the entries are read into and written from. */
  private final Registry registry;
  /** Entries of this load (taken from the cache or compiled), written out by {@link #save} when anything changed. */
  private final Map<Long, Used> used = new ConcurrentHashMap<>();
  private volatile boolean changed;
  private final AtomicInteger hits = new AtomicInteger();

  private RuleTreeCache(Path file, byte[] bytes, Index index, String note, Registry registry) {
    this.file = file;
    this.bytes = bytes;
    this.tables = index == null ? null : index.tables();
    this.stored = index == null ? Map.of() : index.entries();
    this.generation = index == null ? 0 : index.generation();
    this.checksum = index == null ? 0 : index.checksum();
    this.note = note;
    this.registry = registry;
    this.changed = bytes == null;
  }

  /** The cache file as read: its bytes, tables and entries' places (null when it is not a whole cache of this engine). */
  private record Index(CacheTables tables, Map<Long, long[]> entries, long generation, long checksum) {}

  /**
   * The cache of this rule folder in {@code cacheDir} for a load into {@code registry}, or null when the
   * running code cannot be identified.
   */
  static RuleTreeCache forFolder(Path folder, Path cacheDir, Registry registry) {
    if (engine() == null) {
      return null;
    }
    String name = folder.toAbsolutePath().normalize().toString();
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(nameBytes);
    return open(cacheDir.resolve("rules-" + HexFormat.of().toHexDigits((int) crc.getValue())
        + HexFormat.of().toHexDigits((int) (key(nameBytes) >>> 32)) + ".bin"), registry);
  }

  /**
   * The cache of the built-in analytics (rule files inside the application, so the engine's identity
   * covers them too) in {@code cacheDir}, or null when the running code cannot be identified.
   */
  static RuleTreeCache forBuiltIn(Path cacheDir, Registry registry) {
    return engine() == null ? null : open(cacheDir.resolve("rules-builtin.bin"), registry);
  }

  private static RuleTreeCache open(Path file, Registry registry) {
    if (!Files.isRegularFile(file)) {
      return new RuleTreeCache(file, null, null, null, registry);
    }
    byte[] all;
    try {
      all = Files.readAllBytes(file);
    } catch (IOException | RuntimeException e) {
      return new RuleTreeCache(file, null, null, "the rule cache " + file + " could not be read (" + e.getMessage()
          + "); the rules were compiled again", registry);
    }
    Index index;
    try {
      index = index(all, registry);
    } catch (IOException | RuntimeException e) {
      index = null;
    }
    if (index != null) {
      return new RuleTreeCache(file, all, index, null, registry);
    }
    return new RuleTreeCache(file, null, null, "the rule cache " + file + " is damaged or from another version of"
        + " the tool; the rules were compiled again and the cache written anew", registry);
  }

  private static volatile String engine;

  /**
   * What the cached entries depend on besides the rule files: the cache format and the code that
   * compiles rules (this application's classes and resources, RE2/J, the YAML reader), or null when
   * that code cannot be identified (then nothing is cached: an entry is never served to other code).
   */
  static String engine() {
    String e = engine;
    if (e == null) {
      String code = codeIdentity();
      e = code == null ? "" : FORMAT + "; code " + code;
      engine = e;
    }
    return e.isEmpty() ? null : e;
  }

  /**
   * The identity of the code that compiles rules. Run from a jar (the release): CRC-32 and Adler-32 of
   * the jar's central directory, which holds the name, size and CRC-32 of every class and resource, so
   * any changed class gives another identity (read from the end of the jar, nothing inflated). Run from
   * a classes folder (tests, development): SHA-256 of its files under org/sysmontriage and the jar names
   * (with their versions) of RE2/J and the YAML reader.
   */
  private static String codeIdentity() {
    try {
      Path at = Path.of(RuleTreeCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(at)) {
        byte[] directory = centralDirectory(at);
        if (directory == null) {
          return null;
        }
        CRC32 crc = new CRC32();
        crc.update(directory);
        java.util.zip.Adler32 adler = new java.util.zip.Adler32();
        adler.update(directory);
        return "jar " + directory.length + " " + Long.toHexString(crc.getValue()) + " " + Long.toHexString(adler.getValue());
      }
      if (!Files.isDirectory(at)) {
        return null;
      }
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (java.util.stream.Stream<Path> walk = Files.walk(at.resolve("org/sysmontriage"))) {
        for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
          digest.update((at.relativize(f) + "\n").getBytes(StandardCharsets.UTF_8));
          digest.update(Files.readAllBytes(f));
        }
      }
      for (Class<?> c : List.of(com.google.re2j.Pattern.class, com.fasterxml.jackson.dataformat.yaml.YAMLFactory.class,
          org.yaml.snakeyaml.Yaml.class, com.fasterxml.jackson.databind.ObjectMapper.class)) {
        digest.update((c.getProtectionDomain().getCodeSource().getLocation() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return "classes " + HexFormat.of().formatHex(digest.digest());
    } catch (Exception | LinkageError e) {
      return null;
    }
  }

  /** The central directory of a zip file (found through its end record), or null when there is none to be found. */
  private static byte[] centralDirectory(Path zip) throws IOException {
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(zip)) {
      long size = ch.size();
      int tailLength = (int) Math.min(size, 22 + 65_535);
      java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(tailLength).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      ch.read(tail, size - tailLength);
      for (int i = tailLength - 22; i >= 0; i--) {
        if (tail.getInt(i) == 0x06054b50) { // end of central directory record
          long length = tail.getInt(i + 12) & 0xffffffffL;
          long offset = tail.getInt(i + 16) & 0xffffffffL;
          if (length > 64L << 20 || offset + length > size) {
            return null;
          }
          java.nio.ByteBuffer directory = java.nio.ByteBuffer.allocate((int) length);
          while (directory.hasRemaining() && ch.read(directory, offset + directory.position()) > 0) {
            // read on
          }
          return directory.hasRemaining() ? null : directory.array();
        }
      }
      return null;
    }
  }

  static Path home() {
    String p = System.getProperty("sysmontriage.home");
    if (p == null || p.isBlank()) {
      p = System.getenv("SYSMON_TRIAGE_HOME");
    }
    return p == null || p.isBlank() ? Path.of(System.getProperty("user.home"), ".sysmon-triage") : Path.of(p);
  }

  /** Where this cache lives. */
  Path file() {
    return file;
  }

  /** How many files were taken from the cache in this load. */
  int hits() {
    return hits.get();
  }

  /**
   * What identifies the entries this load could take from the cache file: its name, the random number
   * drawn when it was written and its CRC-32, or null when no cache file was read. Entries are written
   * only with a new number, so with one identity the entry of a key always holds the same file bytes
   * (what a library built from cached entries depends on: {@link LiteralIndexCache}).
   */
  String identity() {
    return bytes == null ? null : file.getFileName() + " " + Long.toHexString(generation) + " " + Long.toHexString(checksum);
  }

  /** Why the cache file on disk was not used (damaged, another version, unreadable), or null. */
  String note() {
    return note;
  }

  /**
   * Where a file's entry is looked for: its CRC-32C and length. Only a lookup: the entry is used when its
   * stored bytes equal the file's (files that share a key are not mixed up; one of them is compiled).
   */
  static long key(byte[] fileBytes) {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(fileBytes);
    return (crc.getValue() << 32) | fileBytes.length;
  }

  /** A file of this load and its rules (taken from the cache or compiled). */
  private record Used(byte[] fileBytes, List<Compiled> rules) {}


  /**
   * The rules of the file with these bytes, their tests and slots registered in the load's registry, or
   * null when the file is not cached (or its entry cannot be read: the file is then compiled). Safe from
   * several threads.
   */
  List<Compiled> get(byte[] fileBytes) {
    long key = key(fileBytes);
    long[] at = stored.get(key);
    if (at == null) {
      return null;
    }
    List<Compiled> rules;
    try {
      CacheInput in = new CacheInput(bytes, (int) at[0], (int) (at[0] + at[1]));
      int length = in.readVarint();
      int from = in.position();
      in.skip(length);
      if (!java.util.Arrays.equals(bytes, from, from + length, fileBytes, 0, fileBytes.length)) {
        return null; // another file with the same CRC-32C and length
      }
      rules = decode(in, tables, registry);
    } catch (IOException | RuntimeException e) {
      return null; // cannot happen behind a good checksum and engine version; the file is then compiled
    }
    used.put(key, new Used(fileBytes, rules));
    hits.incrementAndGet();
    return rules;
  }

  /** Remembers the rules of a file compiled in this load (all of its documents, in order). */
  void put(byte[] fileBytes, List<LoadedRule> rules) {
    List<Compiled> compiled = new java.util.ArrayList<>(rules.size());
    for (LoadedRule rule : rules) {
      YamlNode doc = rule.rule().doc();
      YamlNode id = doc.get("id");
      int[] range = RuleMetadata.documentRange(rule.info().ruleText(), doc.line());
      compiled.add(new Compiled(rule, doc.text("name", "").trim(), doc.line(), range[0], range[1], id == null ? 0 : id.line()));
    }
    used.put(key(fileBytes), new Used(fileBytes, List.copyOf(compiled)));
    changed = true;
  }

  /**
   * Writes the entries of this load (files gone since are dropped) when anything changed; atomically
   * (a temporary file moved into place). A cache that cannot be written is left as it is: loading never
   * fails because of the cache.
   */
  void save() {
    if (!changed && used.size() == stored.size()) {
      return;
    }
    try {
      CacheOutput out = new CacheOutput();
      Map<Long, byte[]> blobs = new TreeMap<>();
      for (Map.Entry<Long, Used> e : new TreeMap<>(used).entrySet()) {
        try {
          out.varint(e.getValue().fileBytes().length);
          out.bytes(e.getValue().fileBytes());
          encode(out, e.getValue().rules(), registry);
          blobs.put(e.getKey(), out.takeBody());
        } catch (IOException | RuntimeException x) {
          out.takeBody(); // a rule that cannot be cached is compiled again next time
        }
      }
      ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
      DataOutputStream head = new DataOutputStream(buffer);
      head.writeInt(MAGIC);
      head.writeUTF(engine());
      head.writeLong(java.util.concurrent.ThreadLocalRandom.current().nextLong());
      head.flush();
      buffer.writeBytes(out.tables());
      CacheOutput index = new CacheOutput();
      index.varint(blobs.size());
      int offset = 0;
      for (Map.Entry<Long, byte[]> e : blobs.entrySet()) {
        index.varint((int) (e.getKey() >>> 32));
        index.varint((int) (long) e.getKey());
        index.varint(offset);
        index.varint(e.getValue().length);
        offset += e.getValue().length;
      }
      buffer.writeBytes(index.takeBody());
      for (byte[] b : blobs.values()) {
        buffer.writeBytes(b);
      }
      writeWithChecksum(file, buffer);
    } catch (IOException | RuntimeException e) {
      // an unwritable cache only costs the next load its parsing time
    }
  }

  /**
   * Writes {@code content} followed by its CRC-32 (8 bytes) to {@code file}, atomically: a temporary file
   * beside it moved into place, so a reader sees the old file or the new one, never a part.
   */
  static void writeWithChecksum(Path file, ByteArrayOutputStream content) throws IOException {
    CRC32 crc = new CRC32();
    crc.update(content.toByteArray());
    new DataOutputStream(content).writeLong(crc.getValue());
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), "cache-", ".tmp");
    try {
      Files.write(tmp, content.toByteArray());
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * The tables and key -> {offset, length} of each entry, or null when the file is not a whole cache of
   * this engine version.
   */
  private static Index index(byte[] all, Registry registry) throws IOException {
    if (all.length < 8) {
      return null;
    }
    CRC32 crc = new CRC32();
    crc.update(all, 0, all.length - 8);
    CacheInput in = new CacheInput(all, 0, all.length - 8);
    if (crc.getValue() != new CacheInput(all, all.length - 8, all.length).readLong() || in.readInt() != MAGIC) {
      return null;
    }
    int engineLength = in.readShort();
    if (!engine().equals(in.readUtf8(engineLength))) {
      return null;
    }
    long generation = in.readLong();
    CacheTables tables = new CacheTables(in, all, registry);
    int n = in.readVarCount();
    Map<Long, long[]> places = new HashMap<>(n * 2);
    long[][] at = new long[n][];
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = ((in.readVarint() & 0xffffffffL) << 32) | (in.readVarint() & 0xffffffffL);
      at[i] = new long[] {in.readVarint() & 0xffffffffL, in.readVarint() & 0xffffffffL};
    }
    int blobs = in.position();
    for (int i = 0; i < n; i++) {
      long offset = blobs + at[i][0];
      long length = at[i][1];
      if (offset + length > all.length - 8) {
        return null;
      }
      places.put(keys[i], new long[] {offset, length});
    }
    return new Index(tables, places, generation, crc.getValue());
  }

  private static void encode(CacheOutput out, List<Compiled> rules, Registry registry) throws IOException {
    out.varint(rules.size());
    for (Compiled rule : rules) {
      CachedRuleCodec.write(out, rule, registry);
    }
  }

  private static List<Compiled> decode(CacheInput in, CacheTables tables, Registry registry) throws IOException {
    int n = in.readVarCount();
    Compiled[] rules = new Compiled[n];
    for (int i = 0; i < n; i++) {
      rules[i] = CachedRuleCodec.read(in, tables, registry);
    }
    if (in.remaining() != 0) {
      throw new IOException("entry longer than its rules");
    }
    return List.of(rules);
  }
}
