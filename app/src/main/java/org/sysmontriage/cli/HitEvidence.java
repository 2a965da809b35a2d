package org.sysmontriage.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.MatchedField;
import org.sysmontriage.event.EventStore;

/** The fields printed with a hit: those that matched, then the usual evidence fields present. */
final class HitEvidence {
  static final List<String> EVIDENCE = List.of("UtcTime", "Image", "CommandLine", "OriginalFileName", "ParentImage",
      "ParentCommandLine", "User", "SourceImage", "SourceProcessId", "SourceUser", "TargetImage", "TargetProcessId",
      "GrantedAccess", "CallTrace", "TargetFilename", "TargetObject", "Details", "ProcessId", "NewProcessName",
      "ParentProcessName", "SubjectUserName");

  private HitEvidence() {}

  static Map<String, String> fields(EventStore store, Hit hit) {
    Map<String, String> out = new LinkedHashMap<>();
    for (MatchedField m : hit.matches()) {
      if (m.field().indexOf(' ') >= 0) {
        continue; // "related X": a reason drawn from another event, listed under reasons
      }
      String v = store.field(hit.event(), m.field());
      out.putIfAbsent(m.field(), v != null ? v : m.value());
    }
    for (String f : EVIDENCE) {
      String v = store.field(hit.event(), f);
      if (v != null) {
        out.putIfAbsent(f, v);
      }
    }
    return out;
  }
}
