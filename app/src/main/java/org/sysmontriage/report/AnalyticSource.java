package org.sysmontriage.report;

/**
 * Where an analytic comes from: its source page, cited in reports.
 *
 * @param name the page's name ({@code CAR-2019-08-001}, {@code Splunk Security Content ...})
 * @param url an http(s) address, or empty when the analytic has no public page
 */
public record AnalyticSource(String name, String url) {}
