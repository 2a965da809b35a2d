package org.sysmontriage.ingest.xml;

import java.util.ArrayList;
import java.util.List;
import org.sysmontriage.ingest.ReadContext;

/**
 * Reports what stands between events and is not an event: a damaged event (its start tag is not
 * {@code <Event}, but a {@code </Event>} closes it) is a skipped record; other text or elements are
 * a located issue. Before the first event the ranges wait: a file without any event is "not an
 * event log" (one message), unless one of them was a damaged event.
 */
final class JunkRanges {
  private static final int MAX_PENDING = 100;

  private record Range(String where, String what, boolean event) {}

  private final ReadContext ctx;
  private final List<Range> pending = new ArrayList<>();
  private long pendingBeyondCap;
  private boolean eventSeen;

  JunkRanges(ReadContext ctx) {
    this.ctx = ctx;
  }

  void found(String where, String what, boolean event) {
    Range r = new Range(where, what, event);
    if (eventSeen) {
      report(r);
    } else if (pending.size() < MAX_PENDING) {
      pending.add(r);
    } else {
      pendingBeyondCap++;
    }
  }

  /** An event (or a broken one) was found: what waited is reported now. */
  void eventSeen() {
    if (!eventSeen) {
      eventSeen = true;
      pending.forEach(this::report);
      reportBeyondCap();
      pending.clear();
    }
  }

  /**
   * Called at the end of the file.
   *
   * @return false when the file held neither an event nor a damaged one (the caller says it is no event log)
   */
  boolean finish(boolean anyEvent) {
    if (anyEvent || pending.stream().anyMatch(Range::event)) {
      eventSeen();
      return true;
    }
    return false;
  }

  private void report(Range r) {
    if (r.event()) {
      ctx.skip(r.where(), "a damaged event: " + r.what() + " ends with </Event> but does not start with <Event; skipped");
    } else {
      ctx.issue(r.where(), "not an event: " + r.what() + " stand between events; skipped");
    }
  }

  private void reportBeyondCap() {
    if (pendingBeyondCap > 0) {
      ctx.issue("before the first event", pendingBeyondCap + " more ranges that are not events were skipped");
    }
  }
}
