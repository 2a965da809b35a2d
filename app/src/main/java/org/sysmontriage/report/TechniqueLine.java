package org.sysmontriage.report;

import java.util.List;

/** One ATT&CK technique hit: how often, the highest risk, the tactics and the analytics that hit it. */
public record TechniqueLine(String id, int hits, int riskMax, List<String> tactics, List<String> analyticIds) {}
