package org.sysmontriage.incident;

import java.util.List;
import java.util.Set;

/**
 * Attempt, read or dump, decided from the steps' events (not from analytic ids): a dump file
 * written, or a dumping command line that names its file and a read of LSASS by the same incident;
 * else an LSASS access with the right to read memory; else an attempt.
 */
final class Outcomes {
  /** PROCESS_VM_READ. */
  static final long VM_READ = 0x10;

  private final EventFacts facts;

  Outcomes(EventFacts facts) {
    this.facts = facts;
  }

  record Decision(Outcome outcome, String reason) {}

  Decision decide(List<Step> steps, boolean touchesLsass, Set<String> dumpNames) {
    Step read = steps.stream().filter(this::readsLsass).findFirst().orElse(null);
    if (touchesLsass) {
      for (Step s : steps) {
        String file = facts.targetFile(s.event());
        if (s.kind() == StepKind.DUMP_WRITTEN && file != null && (!s.context() || dumpNames.contains(EventFacts.baseName(file)))) {
          return new Decision(Outcome.DUMP, "dump file written: " + s.summary() + cite(s));
        }
      }
      for (Step s : steps) {
        List<String> named = EventFacts.namedFiles(facts.commandLine(s.event()));
        if (read != null && s.kind() == StepKind.TOOL_START && !s.context() && facts.targetsLsass(s.event()) && !named.isEmpty()) {
          return new Decision(Outcome.DUMP, "the dumping command line names " + named.get(0) + cite(s)
              + " and LSASS memory was read" + cite(read) + "; no file event for it in these logs");
        }
      }
    }
    if (read != null) {
      return new Decision(Outcome.READ, "LSASS opened with the right to read its memory" + cite(read) + "; no dump file seen");
    }
    return new Decision(Outcome.ATTEMPT, "no LSASS memory read right and no dump file seen");
  }

  private boolean readsLsass(Step s) {
    int id = facts.store().eventId(s.event());
    boolean access = id == 10 || id == 4656 || id == 4663;
    return access && facts.targetsLsass(s.event()) && (facts.accessMask(s.event()) & VM_READ) != 0 && facts.accessMask(s.event()) > 0;
  }

  private static String cite(Step s) {
    return " (" + s.evidence() + ", " + s.source() + (s.recordId() >= 0 ? " #" + s.recordId() : "") + ")";
  }
}
