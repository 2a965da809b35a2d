package org.sysmontriage.ui.engine;

import java.util.List;

/**
 * What a trainer reads about one analytic: its source page's content.
 *
 * @param implementations titled texts (pseudocode, SPL, EQL, Sigma) as the page gives them
 * @param sigma the Sigma rule the engine loaded for this analytic (its YAML document, comments kept)
 * @param sigmaSource where that rule was loaded from (a built-in resource or a file)
 * @param sampleLog the first {@code sample-logs/} path the analytic names as a log where it fires, or empty
 * @param author the rule's author (Sigma {@code author}), or empty
 * @param licenseUrl the licence the rule is under when it is not ours (SigmaHQ's DRL 1.1), or empty
 */
public record AnalyticPage(
    String id,
    String description,
    List<Implementation> implementations,
    List<String> falsePositives,
    List<String> references,
    List<String> unitTests,
    String sigma,
    String sigmaSource,
    String sampleLog,
    String author,
    String licenseUrl) {

  /** One implementation text, e.g. ("Splunk", "index=... | ..."). */
  public record Implementation(String title, String text) {}

  public AnalyticPage {
    implementations = List.copyOf(implementations);
    falsePositives = List.copyOf(falsePositives);
    references = List.copyOf(references);
    unitTests = List.copyOf(unitTests);
  }
}
