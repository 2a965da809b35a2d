package org.sysmontriage.ui.timeline;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.sysmontriage.event.Times;

/**
 * Chooses the time axis's ticks for a view: the finest calendar step (milliseconds, seconds, minutes,
 * hours, days, weeks, months, years, aligned in the display zone) whose labels, measured with the
 * font, do not touch; a label that would still collide with its neighbour or cross an edge is left
 * out (its tick stays). Labels say only what changes ({@code .250}, {@code 10:15:30}, {@code 10:15},
 * {@code Mar 14}, {@code Mar 2024}, {@code 2024}), so a day boundary on an hour axis reads as the day.
 * Pure: tested without a toolkit.
 */
public final class TimeTicks {
  private static final Locale EN = Locale.ENGLISH; // month names in the tool's language, whatever the computer's locale
  private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern(".SSS", EN);
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", EN);
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm", EN);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", EN);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", EN);
  private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("yyyy", EN);
  private static final DateTimeFormatter CONTEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd", EN);

  /** A calendar step: {@code count} of {@code unit}. */
  record Step(ChronoUnit unit, int count) {
    double seconds() {
      return unit.getDuration().getSeconds() * (double) count + unit.getDuration().getNano() / 1e9 * count;
    }
  }

  static final List<Step> STEPS = steps();

  /**
   * A tick: its time, its x in the plot, its label or null when the label is left out, and whether it
   * falls on a boundary coarser than the step (drawn longer).
   */
  public record Tick(long ticks, double x, String label, boolean major) {}

  private TimeTicks() {}

  private static List<Step> steps() {
    List<Step> s = new ArrayList<>();
    for (int n : new int[] {1, 2, 5, 10, 20, 50, 100, 200, 500}) {
      s.add(new Step(ChronoUnit.MILLIS, n));
    }
    for (int n : new int[] {1, 2, 5, 10, 15, 30}) {
      s.add(new Step(ChronoUnit.SECONDS, n));
    }
    for (int n : new int[] {1, 2, 5, 10, 15, 30}) {
      s.add(new Step(ChronoUnit.MINUTES, n));
    }
    for (int n : new int[] {1, 2, 3, 6, 12}) {
      s.add(new Step(ChronoUnit.HOURS, n));
    }
    s.add(new Step(ChronoUnit.DAYS, 1));
    s.add(new Step(ChronoUnit.DAYS, 2));
    s.add(new Step(ChronoUnit.WEEKS, 1));
    for (int n : new int[] {1, 2, 3, 6}) {
      s.add(new Step(ChronoUnit.MONTHS, n));
    }
    for (int n : new int[] {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000}) {
      s.add(new Step(ChronoUnit.YEARS, n));
    }
    return List.copyOf(s);
  }

  /**
   * The ticks of the view [{@code start}, {@code end}] (in store ticks) over a plot {@code width}
   * pixels wide; {@code textWidth} measures a label in pixels; labels keep {@code gap} pixels apart.
   */
  public static List<Tick> choose(double start, double end, double width, ZoneId zone, ToDoubleFunction<String> textWidth, double gap) {
    if (!(end > start) || width <= 1) {
      return List.of();
    }
    double spanSeconds = (end - start) / Times.TICKS_PER_SECOND;
    double minPixels = Math.max(4, textWidth.applyAsDouble("00") + gap); // no label is narrower than two digits
    List<Tick> last = List.of();
    for (Step step : STEPS) {
      if (spanSeconds / step.seconds() > width / minPixels) {
        continue; // too many ticks to be readable: skip without making them
      }
      List<Tick> ticks = ticks(start, end, width, zone, step);
      last = ticks;
      if (fits(ticks, textWidth, gap)) {
        return leaveOutColliding(ticks, width, textWidth, gap);
      }
    }
    return leaveOutColliding(last, width, textWidth, gap);
  }

  /** "2024-03-14": the date at the view's left edge, for the corner left of the axis. */
  public static String context(double start, ZoneId zone) {
    return CONTEXT.format(at((long) start, zone));
  }

  private static boolean fits(List<Tick> ticks, ToDoubleFunction<String> textWidth, double gap) {
    double right = Double.NEGATIVE_INFINITY;
    for (Tick t : ticks) {
      double w = textWidth.applyAsDouble(t.label());
      if (t.x() - w / 2 < right + gap) {
        return false;
      }
      right = t.x() + w / 2;
    }
    return true;
  }

  // A label that crosses an edge, or that would touch the label before it, is left out (the tick stays).
  private static List<Tick> leaveOutColliding(List<Tick> ticks, double width, ToDoubleFunction<String> textWidth, double gap) {
    List<Tick> out = new ArrayList<>(ticks.size());
    double right = Double.NEGATIVE_INFINITY;
    for (Tick t : ticks) {
      double w = textWidth.applyAsDouble(t.label());
      boolean inside = t.x() - w / 2 >= 0 && t.x() + w / 2 <= width;
      if (inside && t.x() - w / 2 >= right + gap) {
        out.add(t);
        right = t.x() + w / 2;
      } else {
        out.add(new Tick(t.ticks(), t.x(), null, t.major()));
      }
    }
    return out;
  }

  static List<Tick> ticks(double start, double end, double width, ZoneId zone, Step step) {
    List<Tick> out = new ArrayList<>();
    ZonedDateTime t = floor(at((long) Math.floor(start), zone), step);
    for (int guard = 0; guard < 100_000; guard++) {
      long ticks = Times.fromInstant(t.toInstant());
      if (ticks > end) {
        break;
      }
      if (ticks >= start) {
        double x = (ticks - start) / (end - start) * width;
        out.add(new Tick(ticks, x, label(t), major(t, step)));
      }
      t = next(t, step);
    }
    return out;
  }

  private static ZonedDateTime at(long ticks, ZoneId zone) {
    Instant i = Times.toInstant(ticks);
    return i.atZone(zone);
  }

  /** The step boundary at or before {@code t}. */
  static ZonedDateTime floor(ZonedDateTime t, Step step) {
    int n = step.count();
    return switch (step.unit()) {
      case MILLIS -> t.withNano((t.getNano() / 1_000_000 / n) * n * 1_000_000);
      case SECONDS -> t.truncatedTo(ChronoUnit.SECONDS).withSecond(t.getSecond() / n * n);
      case MINUTES -> t.truncatedTo(ChronoUnit.MINUTES).withMinute(t.getMinute() / n * n);
      case HOURS -> t.truncatedTo(ChronoUnit.HOURS).withHour(t.getHour() / n * n);
      case DAYS -> {
        ZonedDateTime d = t.truncatedTo(ChronoUnit.DAYS);
        yield n == 1 ? d : d.minusDays(Math.floorMod(d.toLocalDate().toEpochDay(), n));
      }
      case WEEKS -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTHS -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).withMonth((t.getMonthValue() - 1) / n * n + 1);
      case YEARS -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1).withYear(Math.floorDiv(t.getYear(), n) * n);
      default -> throw new IllegalArgumentException(step.toString());
    };
  }

  // Calendar steps from the floor (a day is not always 24 hours in a zone with daylight saving).
  private static ZonedDateTime next(ZonedDateTime t, Step step) {
    ZonedDateTime n = t.plus(step.count(), step.unit());
    if (step.unit() == ChronoUnit.HOURS || step.unit() == ChronoUnit.MINUTES && step.count() >= 15) {
      ZonedDateTime aligned = floor(n, step); // back on the grid after a daylight-saving change
      return aligned.isAfter(t) ? aligned : n;
    }
    return n;
  }

  /** What changes at this tick: the finest non-zero part of the time. */
  static String label(ZonedDateTime t) {
    if (t.getNano() / 1_000_000 != 0) {
      return MILLIS.format(t);
    }
    if (t.getSecond() != 0) {
      return SECONDS.format(t);
    }
    if (t.getMinute() != 0 || t.getHour() != 0) {
      return MINUTES.format(t);
    }
    if (t.getDayOfMonth() != 1) {
      return DAY.format(t);
    }
    if (t.getMonthValue() != 1) {
      return MONTH.format(t);
    }
    return YEAR.format(t);
  }

  private static boolean major(ZonedDateTime t, Step step) {
    return switch (step.unit()) {
      case MILLIS -> t.getNano() == 0;
      case SECONDS -> t.getSecond() == 0;
      case MINUTES -> t.getMinute() == 0;
      case HOURS -> t.getHour() == 0 && t.getMinute() == 0;
      case DAYS, WEEKS -> t.getDayOfMonth() == 1;
      case MONTHS -> t.getDayOfYear() == 1;
      default -> false;
    };
  }
}
