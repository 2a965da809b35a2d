package org.sysmontriage.detect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sysmontriage.detect.sigma.YamlNode;

/**
 * The parsed YAML of a rule folder's files, kept on disk so the next load skips YAML parsing (most of
 * the time of loading SigmaHQ's 2,407 Windows rules). Each entry is keyed by the SHA-256 of the rule
 * file's bytes, so a changed file is parsed again and an unchanged one never is; the whole cache file
 * is keyed by the engine version (cache format, YAML reader) and carries a SHA-256 of its own content:
 * a cache that is corrupt, truncated, from another version or unreadable is ignored (the files are
 * parsed) and written anew. One cache file per rule folder, in {@code HOME/cache/}, HOME being
 * {@code -Dsysmontriage.home}, {@code $SYSMON_TRIAGE_HOME} or {@code ~/.sysmon-triage}.
 */
final class RuleTreeCache {
  private static final int MAGIC = 0x53545243; // "STRC"
  private static final String ENGINE = "rule-trees 1; jackson-dataformat-yaml "
      + com.fasterxml.jackson.dataformat.yaml.PackageVersion.VERSION;
  private static final int MAX_DEPTH = 64;

  private final Path file;
  private final Map<String, List<YamlNode>> stored;
  private final Map<String, List<YamlNode>> used = new ConcurrentHashMap<>();
  private volatile boolean changed;
  private volatile int hits;

  private RuleTreeCache(Path file, Map<String, List<YamlNode>> stored, boolean valid) {
    this.file = file;
    this.stored = stored;
    this.changed = !valid;
  }

  /** The cache of this rule folder under the application's home ({@code HOME/cache}). */
  static RuleTreeCache forFolder(Path folder) {
    return forFolder(folder, home().resolve("cache"));
  }

  static RuleTreeCache forFolder(Path folder, Path cacheDir) {
    String name = folder.toAbsolutePath().normalize().toString();
    Path file = cacheDir.resolve("rules-" + HexFormat.of().formatHex(sha256(name.getBytes(StandardCharsets.UTF_8)), 0, 8) + ".bin");
    Map<String, List<YamlNode>> stored = read(file);
    return new RuleTreeCache(file, stored == null ? Map.of() : stored, stored != null);
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
    return hits;
  }

  static String key(byte[] fileBytes) {
    return HexFormat.of().formatHex(sha256(fileBytes));
  }

  /** The parsed documents of a file with this key, or null when not cached. Safe from several threads. */
  List<YamlNode> get(String key) {
    List<YamlNode> docs = stored.get(key);
    if (docs != null) {
      used.put(key, docs);
      synchronized (this) {
        hits++;
      }
    }
    return docs;
  }

  /** Remembers a file parsed in this load. */
  void put(String key, List<YamlNode> docs) {
    used.put(key, docs);
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
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      out.writeUTF(ENGINE);
      Map<String, List<YamlNode>> sorted = new java.util.TreeMap<>(used);
      out.writeInt(sorted.size());
      for (Map.Entry<String, List<YamlNode>> e : sorted.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeInt(e.getValue().size());
        for (YamlNode doc : e.getValue()) {
          write(out, doc, 0);
        }
      }
      out.flush();
      byte[] body = bytes.toByteArray();
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "rules-", ".tmp");
      try {
        byte[] all = Arrays.copyOf(body, body.length + 32);
        System.arraycopy(sha256(body), 0, all, body.length, 32);
        Files.write(tmp, all);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | RuntimeException e) {
      // an unwritable cache only costs the next load its parsing time
    }
  }

  /** The cached entries, or null when the file is absent, corrupt or from another engine version. */
  private static Map<String, List<YamlNode>> read(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return null;
      }
      byte[] all = Files.readAllBytes(file);
      if (all.length < 32) {
        return null;
      }
      byte[] body = Arrays.copyOf(all, all.length - 32);
      if (!MessageDigest.isEqual(sha256(body), Arrays.copyOfRange(all, all.length - 32, all.length))) {
        return null;
      }
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
      if (in.readInt() != MAGIC || !in.readUTF().equals(ENGINE)) {
        return null;
      }
      int n = in.readInt();
      Map<String, List<YamlNode>> out = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        String key = in.readUTF();
        int docs = in.readInt();
        List<YamlNode> list = new ArrayList<>(Math.min(docs, 64));
        for (int d = 0; d < docs; d++) {
          list.add(read(in, 0));
        }
        out.put(key, List.copyOf(list));
      }
      return in.available() == 0 ? out : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static final byte NULL = 0;
  private static final byte TEXT = 1;
  private static final byte TRUE = 2;
  private static final byte FALSE = 3;
  private static final byte MAP = 4;
  private static final byte LIST = 5;

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

  private static YamlNode read(DataInputStream in, int depth) throws IOException {
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
        return new YamlNode(readText(in), line);
      }
      case MAP -> {
        int n = in.readInt();
        Map<String, YamlNode> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          String key = readText(in);
          m.put(key, read(in, depth + 1));
        }
        return new YamlNode(m, line);
      }
      case LIST -> {
        int n = in.readInt();
        List<YamlNode> l = new ArrayList<>(Math.min(n, 1024));
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

  private static String readText(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("bad text length");
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }
}
