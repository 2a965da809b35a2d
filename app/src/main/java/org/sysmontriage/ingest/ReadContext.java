package org.sysmontriage.ingest;

import java.util.ArrayList;
import java.util.List;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.EventSink;
import org.sysmontriage.event.ImportIssue;

/**
 * What a reader reports into while reading one log: events, located issues, the dialect it
 * recognised and bytes consumed. Thread-safe, so a reader may parse one file on several threads.
 */
public final class ReadContext {
  /** Issues kept per log; further ones are only counted. */
  public static final int MAX_ISSUES = 1000;

  private final String source;
  private final EventSink sink;
  private final CancellationToken cancel;
  private final ByteProgress progress;
  private final List<ImportIssue> issues = new ArrayList<>();
  private long events;
  private long skipped;
  private long droppedIssues;
  private boolean droppedDamage;
  private volatile String dialect = "";

  /** Receives the running count of bytes a reader consumed in its file. */
  @FunctionalInterface
  public interface ByteProgress {
    void bytesRead(long bytes);
  }

  public ReadContext(String source, EventSink sink, CancellationToken cancel, ByteProgress progress) {
    this.source = source;
    this.sink = sink;
    this.cancel = cancel;
    this.progress = progress;
  }

  /** The log's name as shown to the user (path as given, or {@code ARCHIVE::MEMBER}). */
  public String source() {
    return source;
  }

  /** Hands over one event; the draft may be reused once this returns. */
  public void event(EventDraft d) {
    int dropped = d.droppedFields();
    long at = d.rawOffset;
    sink.accept(d);
    synchronized (this) {
      events++;
    }
    if (dropped > 0) {
      issue(at >= 0 ? "byte offset " + at : "record", "the record has more than " + EventDraft.MAX_FIELDS
          + " fields; " + dropped + " were not kept");
    }
  }

  /** A record that could not be read: counted as skipped, with its location and reason. */
  public void skip(String where, String message) {
    skip(1, where, message);
  }

  /** {@code count} records that could not be read, in one place (a range of lines), with one issue. */
  public void skip(long count, String where, String message) {
    synchronized (this) {
      skipped += count;
    }
    issue(where, message);
  }

  /**
   * Damage that did not cost a counted record (a CRC mismatch, a lost chunk header, a file that
   * could not be read at all): makes the log "partly damaged" (exit 1).
   */
  public void issue(String where, String message) {
    add(new ImportIssue(source, where, message, true));
  }

  /**
   * Information that costs nothing (e.g. a dirty EVTX header whose chunk count lags while every
   * chunk was read): shown to the user as a note, never counted as damage.
   */
  public void note(String where, String message) {
    add(ImportIssue.note(source, where, message));
  }

  private synchronized void add(ImportIssue issue) {
    if (issues.size() < MAX_ISSUES) {
      issues.add(issue);
    } else {
      droppedIssues++;
      droppedDamage |= issue.damage();
    }
  }

  public void dialect(String d) {
    dialect = d;
  }

  public String dialect() {
    return dialect;
  }

  public void bytesRead(long bytes) {
    progress.bytesRead(bytes);
  }

  /** Throws {@link org.sysmontriage.event.CancelledException} once the import is cancelled. */
  public void checkCancelled() {
    cancel.check();
  }

  public synchronized long events() {
    return events;
  }

  public synchronized long skipped() {
    return skipped;
  }

  /** The issues kept, plus one that counts those beyond {@link #MAX_ISSUES}. */
  public synchronized List<ImportIssue> issues() {
    List<ImportIssue> out = new ArrayList<>(issues);
    if (droppedIssues > 0) {
      out.add(new ImportIssue(source, "-", droppedIssues + " more issues not listed", droppedDamage));
    }
    return out;
  }
}
