package org.sysmontriage.detect;

import org.sysmontriage.detect.lsass.LsassJudge;
import org.sysmontriage.detect.sigma.SigmaRule;

/**
 * A rule as the library keeps it: the public analytic, its info, the compiled Sigma rule, our
 * LSASS-target check ({@code x-sysmon-triage: lsass_target}) applied after the Sigma condition, and
 * the behaviour check ({@code x-sysmon-triage: behaviour}) that decides and scores each match, and
 * the analytic its hits fold into ({@code x-sysmon-triage: folds_into}) when both fire on one event.
 */
record LoadedRule(Analytic analytic, AnalyticInfo info, SigmaRule rule, LsassTarget lsassTarget, String behaviour, String foldsInto) {
  /** {@code lsass_target: required | excluded}: keep a match only when it does / does not aim at LSASS. */
  enum LsassTarget { ANY, REQUIRED, EXCLUDED }

  /** Whether a match on event {@code e} stands, given what the store says about LSASS. */
  boolean accepts(LsassJudge judge, int e) {
    return switch (lsassTarget) {
      case ANY -> true;
      case REQUIRED -> judge.aimsAtLsass(e);
      case EXCLUDED -> !judge.aimsAtLsass(e);
    };
  }

  /** Whether the rule needs the LSASS judge (target check or behaviour). */
  boolean needsJudge() {
    return lsassTarget != LsassTarget.ANY || behaviour != null;
  }
}
