package org.sysmontriage.incident;

import java.util.List;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.Times;

/**
 * One credential theft as a story: hits of one host tied by process, logon, user, LSASS target,
 * dump file and time, with the context events that complete it.
 *
 * @param id {@code INC-001}, numbered by start time
 * @param key stable across imports: the first hit's case-file key (how a case file keeps verdicts)
 * @param startTicks first step's time (corrected when a skew was applied)
 * @param steps in time order
 * @param hits every hit tied into the incident
 * @param outcomeReason why the outcome is what it is, citing the step
 * @param dumpFiles names of the dump files (and their packages) the trail followed
 * @param toolHashes hashes of the tools run in the incident (Sysmon Hashes)
 * @param processes the process tree around the incident's processes (empty without creation events)
 * @param campaignId the campaign this incident belongs to, or null
 * @param correlations the Sigma correlation findings (bundled chains, user rules) that tied its
 *     hits, strongest level first
 */
public record Incident(String id, String key, List<String> hosts, List<String> users, long startTicks,
    long endTicks, Score score, Outcome outcome, String outcomeReason, List<String> techniques,
    List<String> tactics, List<String> sources, List<Step> steps, List<Hit> hits, List<String> dumpFiles,
    List<String> toolHashes, List<ProcessNode> processes, String campaignId, List<IncidentCorrelation> correlations) {
  public Incident {
    hosts = List.copyOf(hosts);
    users = List.copyOf(users);
    techniques = List.copyOf(techniques);
    tactics = List.copyOf(tactics);
    sources = List.copyOf(sources);
    steps = List.copyOf(steps);
    hits = List.copyOf(hits);
    dumpFiles = List.copyOf(dumpFiles);
    toolHashes = List.copyOf(toolHashes);
    processes = List.copyOf(processes);
    correlations = List.copyOf(correlations);
  }

  public String start() {
    return Times.format(startTicks);
  }

  public String end() {
    return Times.format(endTicks);
  }

  /** One line: {@code INC-001 WKS-1 score 96 dump: procdump.exe wrote C:\lsass.dmp}. */
  public String headline() {
    Step main = steps.stream().filter(s -> !s.context()).max(java.util.Comparator.comparingInt(s -> s.hits().get(0).risk()))
        .orElse(steps.get(0));
    return String.join(", ", hosts) + ": " + outcome.word() + " - " + main.summary();
  }

  Incident withIdAndCampaign(String newId, String campaign) {
    return new Incident(newId, key, hosts, users, startTicks, endTicks, score, outcome, outcomeReason, techniques,
        tactics, sources, steps, hits, dumpFiles, toolHashes, processes, campaign, correlations);
  }
}
