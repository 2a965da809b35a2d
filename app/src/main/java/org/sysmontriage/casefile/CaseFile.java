package org.sysmontriage.casefile;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.SourceInfo;

/**
 * A saved investigation: the evidence logs (paths and SHA-256) and the analyst's work on them.
 * Immutable: every change returns a new case file; save it with {@link CaseFiles#save}.
 *
 * @param format always {@link #FORMAT}, so a stray JSON file is not taken for a case
 * @param version format version, {@link #VERSION}
 * @param hits triage per hit, keyed by {@link HitKey#text()} (sorted, so saved files diff well)
 * @param allowlist entries that suppress false positives for good
 */
public record CaseFile(
    String format, int version, List<CaseSource> sources, Map<String, HitTriage> hits, List<AllowEntry> allowlist) {
  public static final String FORMAT = "sysmon-triage-case";
  public static final int VERSION = 1;

  public CaseFile {
    sources = sources == null ? List.of() : List.copyOf(sources);
    hits = hits == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(hits));
    allowlist = allowlist == null ? List.of() : List.copyOf(allowlist);
  }

  public static CaseFile empty() {
    return new CaseFile(FORMAT, VERSION, List.of(), Map.of(), List.of());
  }

  /** A new case over these logs. */
  public static CaseFile of(List<SourceInfo> sources) {
    return empty().withSources(sources);
  }

  /** The triage of a hit; {@link HitTriage#NEW} when none was recorded. */
  public HitTriage triage(HitKey key) {
    return hits.getOrDefault(key.text(), HitTriage.NEW);
  }

  public CaseFile withTriage(HitKey key, HitTriage triage) {
    Map<String, HitTriage> m = new TreeMap<>(hits);
    if (triage == null || triage.isEmpty()) {
      m.remove(key.text());
    } else {
      m.put(key.text(), triage);
    }
    return new CaseFile(format, version, sources, m, allowlist);
  }

  public CaseFile withAllow(AllowEntry entry) {
    List<AllowEntry> l = new ArrayList<>(allowlist);
    l.add(entry);
    return new CaseFile(format, version, sources, hits, l);
  }

  public CaseFile withoutAllow(AllowEntry entry) {
    List<AllowEntry> l = new ArrayList<>(allowlist);
    l.remove(entry);
    return new CaseFile(format, version, sources, hits, l);
  }

  /** Adds the logs not yet listed (same path and hash); a log whose hash changed is listed again. */
  public CaseFile withSources(List<SourceInfo> more) {
    List<CaseSource> l = new ArrayList<>(sources);
    for (SourceInfo s : more) {
      CaseSource c = CaseSource.of(s);
      if (!l.contains(c)) {
        l.add(c);
      }
    }
    return new CaseFile(format, version, l, hits, allowlist);
  }

  /**
   * Applies the allowlist and statuses to a detector's hits: suppressed hits are left out (and
   * counted), the rest keep their order and can be asked for their triage.
   */
  public AppliedCase apply(EventStore store, List<Hit> all) {
    return AppliedCase.of(this, store, all);
  }

  /** Problems of the listed logs against what was imported: changed hashes, logs not opened. */
  public List<SourceProblem> checkAgainst(List<SourceInfo> imported) {
    return SourceCheck.againstImport(this, imported);
  }

  @JsonIgnore
  public boolean isEmpty() {
    return sources.isEmpty() && hits.isEmpty() && allowlist.isEmpty();
  }
}
