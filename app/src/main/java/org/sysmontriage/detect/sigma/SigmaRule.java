package org.sysmontriage.detect.sigma;

import java.util.List;

/**
 * A compiled Sigma rule: its condition over rule field slots, and the events it applies to.
 *
 * @param doc the YAML document, for the metadata the library reads from it; null for a rule taken from the
 *     compiled-rule cache, whose metadata was read when it was cached
 */
public record SigmaRule(String id, String title, Node condition, List<Target> targets, YamlNode doc) {
  public SigmaRule {
    targets = List.copyOf(targets);
  }
}
