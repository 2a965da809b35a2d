package org.sysmontriage.report;

/** Risk rolled up over the hits of one host or one user: count, sum and maximum. */
public record RiskLine(String name, int hits, long riskSum, int riskMax) {}
