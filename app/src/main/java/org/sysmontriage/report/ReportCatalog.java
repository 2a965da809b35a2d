package org.sysmontriage.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.sysmontriage.detect.Analytic;

/**
 * What reports need to know about analytics and ATT&CK beyond the hits themselves: names, links
 * and source pages. {@link #basic()} derives them from the ids alone; the analytics library and
 * the ATT&CK catalog provide a richer one.
 */
public interface ReportCatalog {
  Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");

  /** The technique's name ({@code LSASS Memory}), or empty when unknown. */
  String techniqueName(String techniqueId);

  /** The technique's tactics in ATT&CK ({@code credential-access} for T1003.001), or empty when unknown. */
  default List<String> techniqueTactics(String techniqueId) {
    return List.of();
  }

  /** One line naming the ATT&CK data, shown in reports; empty when there is none. */
  default String attackLabel() {
    return "";
  }

  /** The tactic's name ({@code Credential Access}) for its short name ({@code credential-access}). */
  String tacticName(String shortName);

  /** The tactic's page, or empty when unknown. */
  String tacticUrl(String shortName);

  /** The analytic's source page. */
  AnalyticSource source(Analytic analytic);

  /** The author of the analytic's rule (Sigma {@code author}), or empty when unknown. */
  default String author(Analytic analytic) {
    return "";
  }

  /**
   * The findings of the library's Sigma correlation rules over these hits (the hits a report shows
   * after the case's allowlist); none without a library.
   */
  default java.util.List<org.sysmontriage.detect.correlation.CorrelationFinding> correlate(
      org.sysmontriage.event.EventStore store, java.util.List<org.sysmontriage.detect.Hit> hits) {
    return java.util.List.of();
  }

  /** The ATT&CK version the mapping follows ({@code 16}); written into Navigator layers. */
  String attackVersion();

  /**
   * The analytics the hits came from: its Sigma correlation rules (a user's {@code --rules}) and the
   * bundled chains tie hits into the report's incidents. The built-in analytics without a library.
   */
  default org.sysmontriage.detect.AnalyticLibrary library() {
    return org.sysmontriage.detect.AnalyticLibrary.builtIn();
  }

  /** The technique's page on attack.mitre.org, or empty for anything that is not a technique id. */
  default String techniqueUrl(String techniqueId) {
    if (techniqueId == null || !TECHNIQUE.matcher(techniqueId).matches()) {
      return "";
    }
    return "https://attack.mitre.org/techniques/" + techniqueId.replace('.', '/') + "/";
  }

  /** Names and links derived from the ids: CAR ids link to car.mitre.org; Splunk pages
   * are named by their id (their address is a title slug the id does not give). */
  static ReportCatalog basic() {
    return BasicCatalog.INSTANCE;
  }

  /** The id-derived catalog. */
  final class BasicCatalog implements ReportCatalog {
    static final BasicCatalog INSTANCE = new BasicCatalog();
    private static final Pattern CAR = Pattern.compile("CAR-\\d{4}-\\d{2}-\\d{3}");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private final Properties tactics = load("tactics.properties");

    @Override
    public String techniqueName(String techniqueId) {
      return "";
    }

    @Override
    public String tacticName(String shortName) {
      String[] words = shortName.split("-");
      StringBuilder b = new StringBuilder();
      for (String w : words) {
        if (!w.isEmpty()) {
          b.append(b.length() == 0 ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
      }
      return b.toString();
    }

    @Override
    public String tacticUrl(String shortName) {
      String id = tactics.getProperty(shortName.toLowerCase(Locale.ROOT));
      return id == null ? "" : "https://attack.mitre.org/tactics/" + id + "/";
    }

    @Override
    public AnalyticSource source(Analytic a) {
      String base = a.id().contains("/") ? a.id().substring(0, a.id().indexOf('/')) : a.id();
      if (CAR.matcher(base).matches()) {
        return new AnalyticSource("MITRE CAR " + base, "https://car.mitre.org/analytics/" + base + "/");
      }
      if (UUID.matcher(base).matches()) {
        return new AnalyticSource("Splunk Security Content detection " + base, "");
      }
      return new AnalyticSource("Sysmon Triage analytic " + a.id(), "");
    }

    @Override
    public String attackVersion() {
      return "16";
    }

    private static Properties load(String name) {
      Properties p = new Properties();
      try (InputStream in = ReportCatalog.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + name);
        }
        p.load(in);
        return p;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
