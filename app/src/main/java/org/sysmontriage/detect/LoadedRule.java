package org.sysmontriage.detect;

import org.sysmontriage.detect.sigma.SigmaRule;

/**
 * A rule as the library keeps it: the public analytic, its info, the compiled Sigma rule, and our
 * LSASS-target check ({@code x-sysmon-triage: lsass_target}) applied after the Sigma condition.
 */
record LoadedRule(Analytic analytic, AnalyticInfo info, SigmaRule rule, LsassTarget lsassTarget) {
  /** {@code lsass_target: required | excluded}: keep a match only when it does / does not aim at LSASS. */
  enum LsassTarget { ANY, REQUIRED, EXCLUDED }

  /** Whether a match on event {@code e} stands, given what the store says about LSASS. */
  boolean accepts(LsassTargets targets, int e) {
    return switch (lsassTarget) {
      case ANY -> true;
      case REQUIRED -> targets.aimsAtLsass(e);
      case EXCLUDED -> !targets.aimsAtLsass(e);
    };
  }
}
