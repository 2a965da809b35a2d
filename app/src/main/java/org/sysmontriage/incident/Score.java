package org.sysmontriage.incident;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.sysmontriage.detect.Hit;

/**
 * An incident's risk score: the risk of its strongest hit (impact x confidence / 100), raised for
 * each further distinct ATT&CK technique (+{@value #PER_TECHNIQUE}), each further independent
 * evidence source (+{@value #PER_SOURCE}: Sysmon, Security, PowerShell, Defender) and each further
 * stage of the theft (+{@value #PER_STAGE}: tool start, LSASS access, dump written, dump handled),
 * capped at 100. More hits of one analytic add nothing; a single weak signal keeps its own risk.
 * A Sigma correlation finding (bundled chain or user rule) on the incident is a signal too: the
 * risk of its level (high 63, critical 90) counts when it is above the strongest hit's.
 *
 * @param value the score, 0-100
 * @param top the strongest signal's risk: a hit's, or a correlation finding's level
 * @param topAnalytic that hit's analytic id, or the correlation rule's id
 * @param topFromCorrelation true when the strongest signal is a correlation finding
 */
public record Score(int value, int top, String topAnalytic, int techniques, int sources, int stages,
    boolean topFromCorrelation) {
  public static final int PER_TECHNIQUE = 10;
  public static final int PER_SOURCE = 10;
  public static final int PER_STAGE = 5;

  /**
   * Scores hits; {@code stages} are the stages seen (hits, and context steps of an incident that
   * touches LSASS), {@code sources} the evidence sources of the hits.
   */
  static Score of(List<Hit> hits, Collection<String> sources, Collection<StepKind> stages,
      List<IncidentCorrelation> correlations) {
    Hit best = hits.stream().max(java.util.Comparator.comparingInt(Hit::risk)).orElseThrow();
    IncidentCorrelation chain = IncidentCorrelation.strongestFirst(correlations).stream().findFirst().orElse(null);
    boolean fromChain = chain != null && chain.risk() > best.risk();
    int top = fromChain ? chain.risk() : best.risk();
    Set<String> techniques = new TreeSet<>();
    hits.forEach(h -> techniques.addAll(h.analytic().techniques()));
    int t = Math.max(1, techniques.size());
    int s = Math.max(1, sources.size());
    int g = Math.max(1, stages.size());
    int raw = top + PER_TECHNIQUE * (t - 1) + PER_SOURCE * (s - 1) + PER_STAGE * (g - 1);
    return new Score(Math.min(100, raw), top, fromChain ? chain.ruleId() : best.analytic().id(), t, s, g, fromChain);
  }

  /** The formula with this incident's numbers: {@code 76 (ST-X) + 10x1 techniques + ... = 96}. */
  public String formula() {
    int raw = top + PER_TECHNIQUE * (techniques - 1) + PER_SOURCE * (sources - 1) + PER_STAGE * (stages - 1);
    return top + (topFromCorrelation ? " (correlation " : " (strongest hit, ") + topAnalytic + ") + " + PER_TECHNIQUE + " x " + (techniques - 1)
        + " more techniques + " + PER_SOURCE + " x " + (sources - 1) + " more sources + " + PER_STAGE + " x "
        + (stages - 1) + " more stages = " + raw + (raw > 100 ? ", capped at 100" : "");
  }
}
