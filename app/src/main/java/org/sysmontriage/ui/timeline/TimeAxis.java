package org.sysmontriage.ui.timeline;

/**
 * The visible time span of the timeline and its mapping to pixels: zoom about a point, pan,
 * clamped to the data's extent. Pure arithmetic, tested without a toolkit.
 */
public final class TimeAxis {
  static final double MIN_SPAN = 10_000_000d; // one second in ticks

  private double fullStart;
  private double fullEnd;
  private double start;
  private double end;

  /** An axis showing [start, end] (for work on another thread: it maps times to pixels as the view did). */
  static TimeAxis view(double start, double end) {
    TimeAxis a = new TimeAxis();
    a.fullStart = start;
    a.fullEnd = end;
    a.start = start;
    a.end = end;
    return a;
  }

  /** Shows [from, to] padded a little on each side; an empty or single-point range gets a minute. */
  public void fit(long from, long to) {
    double span = Math.max(to - from, 600_000_000d);
    fullStart = from - span * 0.02;
    fullEnd = from + span * 1.02;
    start = fullStart;
    end = fullEnd;
  }

  public void reset() {
    start = fullStart;
    end = fullEnd;
  }

  public double start() {
    return start;
  }

  public double end() {
    return end;
  }

  public double span() {
    return end - start;
  }

  public double x(double ticks, double width) {
    return (ticks - start) / span() * width;
  }

  public double ticks(double x, double width) {
    return start + x / width * span();
  }

  /** Zooms by {@code factor} (below 1 zooms in) keeping the time under {@code x} in place. */
  public void zoom(double factor, double x, double width) {
    double anchor = ticks(x, width);
    double maxSpan = (fullEnd - fullStart) * 1.5;
    double next = Math.max(MIN_SPAN, Math.min(maxSpan, span() * factor));
    double left = (anchor - start) / span();
    start = anchor - left * next;
    end = start + next;
    clamp();
  }

  /** Moves the view by {@code dx} pixels (positive drags the content right, showing earlier time). */
  public void pan(double dx, double width) {
    double shift = dx / width * span();
    start -= shift;
    end -= shift;
    clamp();
  }

  /** Moves the view (same span) so {@code ticks} is in its middle. */
  public void centerOn(double ticks) {
    double span = span();
    start = ticks - span / 2;
    end = start + span;
    clamp();
  }

  private void clamp() {
    double span = span();
    double slack = span * 0.5;
    if (start < fullStart - slack) {
      start = fullStart - slack;
      end = start + span;
    }
    if (end > fullEnd + slack) {
      end = fullEnd + slack;
      start = end - span;
    }
  }
}
