package org.sysmontriage.incident;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.correlation.CorrelationRule;
import org.sysmontriage.detect.sigma.RuleException;
import org.sysmontriage.detect.sigma.YamlNode;
import org.sysmontriage.detect.sigma.YamlTreeReader;

/**
 * The incident engine's bundled chains: Sigma correlation rules in the resource
 * {@value #RESOURCE}, read once. They refer to built-in analytics; a chain whose rules a library
 * does not have (a library of made-up rules in tests) is left out of that library's run.
 */
public final class Chains {
  static final String RESOURCE = "chains.yml";
  private static final List<CorrelationRule> BUNDLED = read();

  private Chains() {}

  /** Every bundled chain. */
  public static List<CorrelationRule> bundled() {
    return BUNDLED;
  }

  /** The bundled chains whose referenced rules {@code library} has, then the library's own correlation rules. */
  static List<CorrelationRule> forLibrary(AnalyticLibrary library) {
    return forLibrary(library, true);
  }

  static List<CorrelationRule> forLibrary(AnalyticLibrary library, boolean bundled) {
    List<CorrelationRule> out = new ArrayList<>();
    for (CorrelationRule c : bundled ? BUNDLED : List.<CorrelationRule>of()) {
      if (c.rules().stream().allMatch(ref -> library.idOf(ref) != null)) {
        out.add(c);
      }
    }
    out.addAll(library.correlations());
    return out;
  }

  static boolean isBundled(CorrelationRule rule) {
    return BUNDLED.stream().anyMatch(b -> b == rule);
  }

  private static List<CorrelationRule> read() {
    try (InputStream in = Chains.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the incident chains " + RESOURCE + " are missing from the application");
      }
      List<CorrelationRule> out = new ArrayList<>();
      for (YamlNode doc : YamlTreeReader.readAll(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
        out.add(CorrelationRule.parse(doc, "built-in " + RESOURCE));
      }
      return List.copyOf(out);
    } catch (IOException | YamlTreeReader.SyntaxError | RuleException e) {
      throw new IllegalStateException("the incident chains " + RESOURCE + " cannot be read: " + e.getMessage(), e);
    }
  }
}
