package org.sysmontriage.detect;

import org.sysmontriage.detect.sigma.SigmaRule;

/** A rule as the library keeps it: the public analytic, its info, and the compiled Sigma rule. */
record LoadedRule(Analytic analytic, AnalyticInfo info, SigmaRule rule) {}
