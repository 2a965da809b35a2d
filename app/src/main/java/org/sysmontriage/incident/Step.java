package org.sysmontriage.incident;

import java.util.List;
import org.sysmontriage.detect.Hit;

/**
 * One event of an incident's story.
 *
 * @param event the event's index in the store
 * @param ticks the time used for ordering (corrected when a clock skew was applied)
 * @param rawTicks the time as the log has it
 * @param kind the stage it shows
 * @param summary plain words: who ran what, against what, with which access, which file
 * @param hits the hits on this event, highest risk first; empty for a context event (an event no
 *     analytic reported that the dump-file trail or the process's LSASS access brought in)
 * @param evidence Sysmon, Security, PowerShell, Defender or the channel
 * @param source the log file (as the user gave it)
 * @param recordId the event's record id, -1 when unknown
 */
public record Step(int event, long ticks, long rawTicks, StepKind kind, String summary, List<Hit> hits,
    String evidence, String source, long recordId) {
  public Step {
    hits = List.copyOf(hits);
  }

  /** The id of the highest-risk analytic on this event, or null for a context event. */
  public String analyticId() {
    return hits.isEmpty() ? null : hits.get(0).analytic().id();
  }

  public boolean context() {
    return hits.isEmpty();
  }
}
