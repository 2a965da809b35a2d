package org.sysmontriage.detect;

import java.util.List;

/**
 * Everything about an analytic beyond the {@link Analytic} record: where it comes from, the source
 * page's own implementations, tests, false positives and the reasoning behind its risk. Reached
 * with {@link AnalyticLibrary#info(String)}.
 *
 * @param pageIds source page ids (CAR id, Splunk detection id), empty for our own analytics
 * @param sourceUrl the source page, or empty
 * @param coverage the page's ATT&CK coverage level (e.g. {@code Low}), or empty
 * @param implementations the page's implementation texts (pseudocode, SPL, EQL, Sigma, ...)
 * @param testSteps the page's unit-test steps
 * @param d3fend D3FEND technique ids
 * @param riskReasoning why the impact and confidence are what they are
 * @param samples logs where the analytic fires (sample-logs/ paths or corpus names)
 * @param notes remarks such as a corrected technique mapping
 * @param aggregateBy fields of the analytic's aggregated finding, empty when it has none
 * @param ruleSource the rule file or resource it was loaded from
 * @param ruleText the rule file's text
 * @param ruleDocument the YAML document of this rule in that text (the whole text when the file holds one
 *     document): what the engine compiled, comments included
 */
public record AnalyticInfo(
    String id,
    String title,
    String description,
    String status,
    String author,
    String logsource,
    List<String> pageIds,
    String sourceUrl,
    String coverage,
    List<Implementation> implementations,
    List<String> testSteps,
    List<String> falsePositives,
    List<String> d3fend,
    String riskReasoning,
    List<String> references,
    List<String> samples,
    String notes,
    List<String> aggregateBy,
    String ruleSource,
    String ruleText,
    String ruleDocument,
    boolean builtIn) {

  public AnalyticInfo {
    pageIds = List.copyOf(pageIds);
    implementations = List.copyOf(implementations);
    testSteps = List.copyOf(testSteps);
    falsePositives = List.copyOf(falsePositives);
    d3fend = List.copyOf(d3fend);
    references = List.copyOf(references);
    samples = List.copyOf(samples);
    aggregateBy = List.copyOf(aggregateBy);
  }

  /** One implementation text from the source page. */
  public record Implementation(String name, String language, String text) {}
}
