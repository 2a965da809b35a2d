package org.sysmontriage.report;

import org.sysmontriage.detect.Analytic;

/** One analytic that produced hits in the report, with its source page. */
public record AnalyticLine(Analytic analytic, AnalyticSource source, int hits) {}
