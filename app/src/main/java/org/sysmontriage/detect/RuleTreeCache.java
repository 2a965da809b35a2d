package org.sysmontriage.detect;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import org.sysmontriage.detect.sigma.CacheInput;
import org.sysmontriage.detect.sigma.ConditionCodec;
import org.sysmontriage.detect.sigma.Node;
import org.sysmontriage.detect.sigma.Registry;
import org.sysmontriage.detect.sigma.SigmaRule;
import org.sysmontriage.detect.sigma.YamlNode;

/**
 * The compiled rules of a rule folder's files, kept on disk so the next load neither parses YAML nor
 * compiles conditions (most of the time of loading SigmaHQ's 2,407 Windows rules). A file's entry holds,
 * per rule, its YAML document without the detection (the metadata is read from it again) and its
 * compiled condition ({@link ConditionCodec}), keyed by the SHA-256 of the file's bytes, so a changed file
 * is compiled again and an unchanged one never is. The whole cache file is keyed by the engine: the
 * cache format and the identity of the code that compiles rules ({@link #engine}); it ends with a
 * CRC-32 of its content. A cache that is corrupt, truncated, from another build or unreadable is
 * ignored (the files are compiled, {@link #note} says why) and written anew. An entry is decoded only
 * when its file asks for it, on the thread that loads that file. One cache file per rule folder, in
 * {@code HOME/cache/}, HOME being {@code -Dsysmontriage.home}, {@code $SYSMON_TRIAGE_HOME} or
 * {@code ~/.sysmon-triage}; never beside the rules or the logs.
 */
final class RuleTreeCache {
  private static final int MAGIC = 0x53545243; // "STRC"
  private static final String FORMAT = "compiled-rules 1";
  private static final int MAX_DEPTH = 64;
  private static final int KEY_BYTES = 32;

  private final Path file;
  /** The cache file's bytes (null when there was none or it was not trusted), and each entry's place in them. */
  private final byte[] bytes;
  private final Map<String, long[]> stored;
  private final String note;
  /** Entries of this load: decoded trees, or for an entry taken unchanged its stored bytes (a long[] place). */
  private final Map<String, Object> used = new ConcurrentHashMap<>();
  private volatile boolean changed;
  private final AtomicInteger hits = new AtomicInteger();

  private RuleTreeCache(Path file, byte[] bytes, Map<String, long[]> stored, String note) {
    this.file = file;
    this.bytes = bytes;
    this.stored = stored;
    this.note = note;
    this.changed = bytes == null;
  }

  /** The cache of this rule folder under the application's home ({@code HOME/cache}). */
  static RuleTreeCache forFolder(Path folder) {
    return forFolder(folder, home().resolve("cache"));
  }

  /** The cache of this rule folder in {@code cacheDir}, or null when the running code cannot be identified. */
  static RuleTreeCache forFolder(Path folder, Path cacheDir) {
    if (engine() == null) {
      return null;
    }
    String name = folder.toAbsolutePath().normalize().toString();
    Path file = cacheDir.resolve("rules-" + HexFormat.of().formatHex(sha256(name.getBytes(StandardCharsets.UTF_8)), 0, 8) + ".bin");
    if (!Files.isRegularFile(file)) {
      return new RuleTreeCache(file, null, Map.of(), null);
    }
    try {
      byte[] all = Files.readAllBytes(file);
      Map<String, long[]> index = index(all);
      if (index != null) {
        return new RuleTreeCache(file, all, index, null);
      }
      return new RuleTreeCache(file, null, Map.of(), "the rule cache " + file + " is damaged or from another version of"
          + " the tool; the rules were compiled again and the cache written anew");
    } catch (IOException | RuntimeException e) {
      return new RuleTreeCache(file, null, Map.of(), "the rule cache " + file + " could not be read (" + e.getMessage()
          + "); the rules were compiled again");
    }
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

  /** Why the cache file on disk was not used (damaged, another version, unreadable), or null. */
  String note() {
    return note;
  }

  static String key(byte[] fileBytes) {
    return HexFormat.of().formatHex(sha256(fileBytes));
  }

  /**
   * A rule of a cached file: its YAML document without the detection (everything the metadata is read
   * from) and its compiled condition.
   */
  record Compiled(YamlNode doc, Node condition) {}

  /**
   * The rules of a file with this key, their tests and slots registered in {@code registry}, or null
   * when the file is not cached (or its entry cannot be read: the file is then compiled). Safe from
   * several threads.
   */
  List<Compiled> get(String key, Registry registry) {
    long[] at = stored.get(key);
    if (at == null) {
      return null;
    }
    List<Compiled> rules;
    try {
      rules = decode(new CacheInput(bytes, (int) at[0], (int) (at[0] + at[1])), registry);
    } catch (IOException | RuntimeException e) {
      return null; // cannot happen behind a good checksum and engine version; the file is then compiled
    }
    used.put(key, at);
    hits.incrementAndGet();
    return rules;
  }

  /** Remembers the rules of a file compiled in this load (all of its documents, in order). */
  void put(String key, List<SigmaRule> rules, Registry registry) {
    try {
      used.put(key, encode(rules, registry));
      changed = true;
    } catch (IOException | RuntimeException e) {
      // a rule that cannot be cached is compiled again next time
    }
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
      Map<String, byte[]> blobs = new TreeMap<>();
      for (Map.Entry<String, Object> e : used.entrySet()) {
        blobs.put(e.getKey(), e.getValue() instanceof long[] at ? java.util.Arrays.copyOfRange(bytes, (int) at[0], (int) (at[0] + at[1]))
            : (byte[]) e.getValue());
      }
      ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
      DataOutputStream out = new DataOutputStream(buffer);
      out.writeInt(MAGIC);
      out.writeUTF(engine());
      out.writeInt(blobs.size());
      int offset = 0;
      for (Map.Entry<String, byte[]> e : blobs.entrySet()) {
        out.write(HexFormat.of().parseHex(e.getKey()));
        out.writeInt(offset);
        out.writeInt(e.getValue().length);
        offset += e.getValue().length;
      }
      for (byte[] b : blobs.values()) {
        out.write(b);
      }
      out.flush();
      CRC32 crc = new CRC32();
      crc.update(buffer.toByteArray());
      out.writeLong(crc.getValue());
      out.flush();
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "rules-", ".tmp");
      try {
        Files.write(tmp, buffer.toByteArray());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | RuntimeException e) {
      // an unwritable cache only costs the next load its parsing time
    }
  }

  /** Key -> {offset, length} of each entry, or null when the file is not a whole cache of this engine version. */
  private static Map<String, long[]> index(byte[] all) throws IOException {
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
    int n = in.readInt();
    if (n < 0 || (long) n * (KEY_BYTES + 8) > in.remaining()) {
      return null;
    }
    int blobs = in.position() + n * (KEY_BYTES + 8);
    Map<String, long[]> out = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      String key = HexFormat.of().formatHex(all, in.position(), in.position() + KEY_BYTES);
      in.skip(KEY_BYTES);
      long offset = blobs + (long) in.readInt();
      long length = in.readInt();
      if (offset < blobs || length < 0 || offset + length > all.length - 8) {
        return null;
      }
      out.put(key, new long[] {offset, length});
    }
    return out;
  }

  private static final byte NULL = 0;
  private static final byte TEXT = 1;
  private static final byte TRUE = 2;
  private static final byte FALSE = 3;
  private static final byte MAP = 4;
  private static final byte LIST = 5;

  private static byte[] encode(List<SigmaRule> rules, Registry registry) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(2048);
    DataOutputStream out = new DataOutputStream(buffer);
    out.writeInt(rules.size());
    for (SigmaRule rule : rules) {
      Map<String, YamlNode> meta = new java.util.LinkedHashMap<>(rule.doc().map());
      meta.remove("detection");
      write(out, new YamlNode(meta, rule.doc().line()), 0);
      ConditionCodec.write(out, rule.condition(), registry);
    }
    out.flush();
    return buffer.toByteArray();
  }

  private static List<Compiled> decode(CacheInput in, Registry registry) throws IOException {
    int n = in.readCount();
    Compiled[] rules = new Compiled[n];
    for (int i = 0; i < n; i++) {
      YamlNode doc = read(in, 0);
      rules[i] = new Compiled(doc, ConditionCodec.read(in, registry));
    }
    if (in.remaining() != 0) {
      throw new IOException("entry longer than its rules");
    }
    return List.of(rules);
  }

  private static void write(DataOutputStream out, YamlNode n, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IOException("rule nested too deeply");
    }
    out.writeInt(n.line());
    Object v = n.value();
    if (v == null) {
      out.writeByte(NULL);
    } else if (v instanceof Boolean b) {
      out.writeByte(b ? TRUE : FALSE);
    } else if (n.isMap()) {
      out.writeByte(MAP);
      out.writeInt(n.map().size());
      for (Map.Entry<String, YamlNode> e : n.map().entrySet()) {
        writeText(out, e.getKey());
        write(out, e.getValue(), depth + 1);
      }
    } else if (n.isList()) {
      out.writeByte(LIST);
      out.writeInt(n.list().size());
      for (YamlNode e : n.list()) {
        write(out, e, depth + 1);
      }
    } else {
      out.writeByte(TEXT);
      writeText(out, v.toString());
    }
  }

  private static YamlNode read(CacheInput in, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IOException("cache nested too deeply");
    }
    int line = in.readInt();
    byte kind = in.readByte();
    switch (kind) {
      case NULL -> {
        return new YamlNode(null, line);
      }
      case TRUE, FALSE -> {
        return new YamlNode(kind == TRUE ? Boolean.TRUE : Boolean.FALSE, line);
      }
      case TEXT -> {
        return new YamlNode(in.readText(), line);
      }
      case MAP -> {
        int n = in.readCount();
        Map<String, YamlNode> m = new java.util.LinkedHashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
          String key = in.readText();
          m.put(key, read(in, depth + 1));
        }
        return new YamlNode(m, line);
      }
      case LIST -> {
        int n = in.readCount();
        List<YamlNode> l = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          l.add(read(in, depth + 1));
        }
        return new YamlNode(l, line);
      }
      default -> throw new IOException("unknown node kind " + kind);
    }
  }

  /** Text of any length (writeUTF stops at 64 KB) as UTF-8 with its length. */
  private static void writeText(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  /** One digest per loading thread (looking the algorithm up for each of thousands of rule files costs more than it hashes). */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  });

  static byte[] sha256(byte[] data) {
    MessageDigest digest = SHA_256.get();
    digest.reset();
    return digest.digest(data);
  }
}
