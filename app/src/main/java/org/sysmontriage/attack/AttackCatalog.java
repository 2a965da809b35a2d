package org.sysmontriage.attack;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * MITRE ATT&CK Enterprise as bundled: every tactic, technique and sub-technique that is neither revoked
 * nor deprecated, generated from MITRE's STIX data by {@code tools/attack_catalog.py} (see {@link #version()}).
 */
public final class AttackCatalog {
  private static final String RESOURCE = "/org/sysmontriage/attack/enterprise-attack.json";
  private static volatile AttackCatalog builtIn;

  /** A tactic: {@code TA0006}, {@code credential-access}, {@code Credential Access}. */
  public record Tactic(String id, String shortName, String name) {
    public String url() {
      return "https://attack.mitre.org/tactics/" + id + "/";
    }
  }

  /** A technique or sub-technique with its tactics' short names and its object version in ATT&CK. */
  public record Technique(String id, String name, List<String> tactics, String objectVersion) {
    public Technique {
      tactics = List.copyOf(tactics);
    }

    public boolean isSubTechnique() {
      return id.contains(".");
    }

    /** The parent technique id ({@code T1003} for {@code T1003.001}), or the id itself. */
    public String parentId() {
      int dot = id.indexOf('.');
      return dot < 0 ? id : id.substring(0, dot);
    }

    public String url() {
      return "https://attack.mitre.org/techniques/" + id.replace('.', '/') + "/";
    }
  }

  private final String version;
  private final String source;
  private final String modified;
  private final Map<String, Tactic> tactics = new LinkedHashMap<>();
  private final Map<String, Technique> techniques = new LinkedHashMap<>();

  private AttackCatalog(Map<String, Object> root) {
    version = text(root.get("version"));
    source = text(root.get("source"));
    modified = text(root.get("modified"));
    for (Map<String, Object> t : objects(root.get("tactics"))) {
      Tactic tactic = new Tactic(text(t.get("id")), text(t.get("short")), text(t.get("name")));
      tactics.put(tactic.shortName(), tactic);
    }
    for (Map<String, Object> t : objects(root.get("techniques"))) {
      List<String> ts = new ArrayList<>();
      if (t.get("tactics") instanceof List<?> l) {
        l.forEach(x -> ts.add(text(x)));
      }
      Technique tq = new Technique(text(t.get("id")), text(t.get("name")), ts, text(t.get("version")));
      techniques.put(tq.id(), tq);
    }
  }

  /** A scalar's text ("" for a missing value, an object or a list), as the generator writes them. */
  private static String text(Object v) {
    return v instanceof String s ? s : "";
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> objects(Object v) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (v instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof Map<?, ?> m) {
          out.add((Map<String, Object>) m);
        }
      }
    }
    return out;
  }

  /**
   * One JSON value read with Jackson's streaming parser: objects as maps, arrays as lists, every
   * scalar as its text (null as null). The catalog is read beside the rules while a scan reads its
   * logs: the streaming parser costs a quarter of the CPU of a data-binding tree in a fresh JVM.
   */
  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Map<String, Object> m = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        m.put(name, value(p));
      }
      return m;
    }
    if (t == JsonToken.START_ARRAY) {
      List<Object> l = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        l.add(value(p));
      }
      return l;
    }
    if (t == null || t == JsonToken.VALUE_NULL) {
      return null;
    }
    return p.getText();
  }

  public static AttackCatalog builtIn() {
    AttackCatalog c = builtIn;
    if (c == null) {
      synchronized (AttackCatalog.class) {
        if (builtIn == null) {
          builtIn = read();
        }
        c = builtIn;
      }
    }
    return c;
  }

  private static AttackCatalog read() {
    try (InputStream in = AttackCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("ATT&CK catalog resource missing: " + RESOURCE);
      }
      try (JsonParser p = new JsonFactory().createParser(in)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new IOException("ATT&CK catalog resource is not a JSON object: " + RESOURCE);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) value(p);
        return new AttackCatalog(root);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** ATT&CK release of the bundled data, e.g. {@code 18}. */
  public String version() {
    return version;
  }

  /** Where the data came from: repository, commit and date. */
  public String source() {
    return source;
  }

  /** The newest modification date of a technique in the data, {@code 2025-11-12}. */
  public String modified() {
    return modified;
  }

  /** One line for reports: {@code MITRE ATT&CK Enterprise v18 (data modified up to 2025-11-12)}. */
  public String label() {
    return "MITRE ATT&CK Enterprise v" + version + " (data modified up to " + modified + ")";
  }

  /** A technique by id ({@code T1003.001}, case-insensitive). */
  public Optional<Technique> technique(String id) {
    return Optional.ofNullable(techniques.get(id.trim().toUpperCase(Locale.ROOT)));
  }

  /** A tactic by short name ({@code credential-access}) or id ({@code TA0006}). */
  public Optional<Tactic> tactic(String shortNameOrId) {
    String k = shortNameOrId.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    Tactic t = tactics.get(k);
    if (t != null) {
      return Optional.of(t);
    }
    return tactics.values().stream().filter(x -> x.id().equalsIgnoreCase(k)).findFirst();
  }

  public List<Technique> techniques() {
    return List.copyOf(techniques.values());
  }

  /** Tactics in kill-chain order. */
  public List<Tactic> tactics() {
    return List.copyOf(tactics.values());
  }
}
