package org.sysmontriage.ui.hosts;

/** Risk roll-up of one host or user: hits, summed risk and the highest single risk. */
public record RiskRow(String name, int hits, long sum, int max) {}
