package org.sysmontriage.casefile;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.incident.ClockSkew;
import org.sysmontriage.incident.Incident;

/**
 * A saved investigation: the evidence logs (paths and SHA-256) and the analyst's work on them.
 * Immutable: every change returns a new case file; save it with {@link CaseFiles#save}.
 *
 * @param format always {@link #FORMAT}, so a stray JSON file is not taken for a case
 * @param version format version, {@link #VERSION}
 * @param hits triage per hit, keyed by {@link HitKey#text()} (sorted, so saved files diff well)
 * @param allowlist entries that suppress false positives for good
 * @param incidents the verdict per incident, keyed by {@link Incident#key()} (its first hit's key)
 * @param clockSkews clock corrections the analyst confirmed (applied when incidents are built)
 * @param bookmarks starred events that are not hits (a hit's star is its {@code bookmark} tag), keyed by
 *     {@link EventKey#text()} (sorted)
 */
public record CaseFile(String format, int version, List<CaseSource> sources, Map<String, HitTriage> hits,
    List<AllowEntry> allowlist, Map<String, HitTriage> incidents, List<ConfirmedSkew> clockSkews, List<String> bookmarks) {
  public static final String FORMAT = "sysmon-triage-case";
  public static final int VERSION = 1;

  public CaseFile {
    sources = sources == null ? List.of() : List.copyOf(sources);
    hits = hits == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(hits));
    allowlist = allowlist == null ? List.of() : List.copyOf(allowlist);
    incidents = incidents == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(incidents));
    clockSkews = clockSkews == null ? List.of() : List.copyOf(clockSkews);
    bookmarks = bookmarks == null ? List.of() : List.copyOf(new java.util.TreeSet<>(bookmarks));
  }

  /** A case without starred events. */
  public CaseFile(String format, int version, List<CaseSource> sources, Map<String, HitTriage> hits,
      List<AllowEntry> allowlist, Map<String, HitTriage> incidents, List<ConfirmedSkew> clockSkews) {
    this(format, version, sources, hits, allowlist, incidents, clockSkews, List.of());
  }

  /** A case without incident verdicts or clock corrections. */
  public CaseFile(String format, int version, List<CaseSource> sources, Map<String, HitTriage> hits, List<AllowEntry> allowlist) {
    this(format, version, sources, hits, allowlist, Map.of(), List.of());
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
    return new CaseFile(format, version, sources, m, allowlist, incidents, clockSkews, bookmarks);
  }

  public CaseFile withAllow(AllowEntry entry) {
    List<AllowEntry> l = new ArrayList<>(allowlist);
    l.add(entry);
    return new CaseFile(format, version, sources, hits, l, incidents, clockSkews, bookmarks);
  }

  public CaseFile withoutAllow(AllowEntry entry) {
    List<AllowEntry> l = new ArrayList<>(allowlist);
    l.remove(entry);
    return new CaseFile(format, version, sources, hits, l, incidents, clockSkews, bookmarks);
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
    return new CaseFile(format, version, l, hits, allowlist, incidents, clockSkews, bookmarks);
  }

  /**
   * Applies the allowlist and statuses to a detector's hits: suppressed hits are left out (and
   * counted), the rest keep their order and can be asked for their triage.
   */
  public AppliedCase apply(EventStore store, List<Hit> all) {
    return AppliedCase.of(this, store, all);
  }

  /** The verdict on an incident; {@link HitTriage#NEW} when none was recorded. */
  public HitTriage incidentTriage(Incident incident) {
    return incidents.getOrDefault(incident.key(), HitTriage.NEW);
  }

  /**
   * Records a verdict on an incident and applies its status to each of the incident's hits (their
   * tags and notes stay). Setting {@link HitStatus#NEW} clears the incident's verdict and its hits' statuses.
   */
  public CaseFile withIncidentVerdict(EventStore store, Incident incident, HitTriage verdict) {
    Map<String, HitTriage> inc = new TreeMap<>(incidents);
    if (verdict == null || verdict.isEmpty()) {
      inc.remove(incident.key());
    } else {
      inc.put(incident.key(), verdict);
    }
    HitStatus status = verdict == null ? HitStatus.NEW : verdict.status();
    CaseFile c = new CaseFile(format, version, sources, hits, allowlist, inc, clockSkews, bookmarks);
    for (Hit h : incident.hits()) {
      HitKey key = HitKey.of(store, h);
      c = c.withTriage(key, c.triage(key).withStatus(status));
    }
    return c;
  }

  /** Confirms a clock correction (replacing an earlier one of the same log and channel). */
  public CaseFile withSkew(ClockSkew skew) {
    List<ConfirmedSkew> l = new ArrayList<>(clockSkews.stream().filter(c -> !c.sameClock(skew)).toList());
    l.add(ConfirmedSkew.of(skew));
    return new CaseFile(format, version, sources, hits, allowlist, incidents, l, bookmarks);
  }

  public CaseFile withoutSkew(ClockSkew skew) {
    return new CaseFile(format, version, sources, hits, allowlist, incidents,
        clockSkews.stream().filter(c -> !c.sameClock(skew)).toList(), bookmarks);
  }

  /** Of the skews detected, those this case confirmed, with the offset the analyst confirmed. */
  public List<ClockSkew> confirmedSkews(List<ClockSkew> detected) {
    List<ClockSkew> out = new ArrayList<>();
    for (ClockSkew d : detected) {
      clockSkews.stream().filter(c -> c.sameClock(d)).findFirst().ifPresent(c ->
          out.add(new ClockSkew(d.clock(), d.sourceName(), d.sha256(), c.offsetTicks(), d.pairs(), d.agreeing())));
    }
    return out;
  }

  /** Problems of the listed logs against what was imported: changed hashes, logs not opened. */
  public List<SourceProblem> checkAgainst(List<SourceInfo> imported) {
    return SourceCheck.againstImport(this, imported);
  }

  /** True when the analyst starred this event (an event that is not a hit). */
  public boolean bookmarked(EventKey key) {
    return java.util.Collections.binarySearch(bookmarks, key.text()) >= 0;
  }

  /** Stars or unstars an event. */
  public CaseFile withBookmark(EventKey key, boolean starred) {
    java.util.TreeSet<String> l = new java.util.TreeSet<>(bookmarks);
    if (starred) {
      l.add(key.text());
    } else {
      l.remove(key.text());
    }
    return new CaseFile(format, version, sources, hits, allowlist, incidents, clockSkews, List.copyOf(l));
  }

  @JsonIgnore
  public boolean isEmpty() {
    return sources.isEmpty() && hits.isEmpty() && allowlist.isEmpty() && incidents.isEmpty() && clockSkews.isEmpty()
        && bookmarks.isEmpty();
  }
}
