package org.sysmontriage.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.sysmontriage.event.Times;

class TimeTicksTest {
  private static final long T0 = Times.parse("2024-03-14T09:47:13.123Z");
  private static final long SECOND = Times.TICKS_PER_SECOND;
  private static final long DAY = 86_400 * SECOND;
  /** Spans from a quarter second to 30 years. */
  private static final long[] SPANS = {SECOND / 4, 2 * SECOND, 20 * SECOND, 3 * 60 * SECOND, 40 * 60 * SECOND, 6 * 3600 * SECOND,
    2 * DAY, 20 * DAY, 240 * DAY, 3 * 365 * DAY, 30 * 365 * DAY};

  private static ToDoubleFunction<String> font(double charWidth) {
    return s -> s.length() * charWidth;
  }

  private static List<String> labels(List<TimeTicks.Tick> ticks) {
    return ticks.stream().map(TimeTicks.Tick::label).filter(l -> l != null).toList();
  }

  @Test
  void labelsNeverOverprintOrCrossTheEdgesAtAnyZoomWidthOrFontSize() {
    for (long span : SPANS) {
      for (double width : new double[] {240, 700, 1500, 3400}) {
        for (double charWidth : new double[] {6.5, 9, 16}) {
          for (long start : new long[] {T0, T0 + 7 * DAY + 3 * SECOND / 7}) {
            String at = "span " + span / (double) SECOND + " s, width " + width + ", char " + charWidth;
            List<TimeTicks.Tick> ticks = TimeTicks.choose(start, start + span, width, ZoneOffset.UTC, font(charWidth), charWidth);
            double right = Double.NEGATIVE_INFINITY;
            long last = Long.MIN_VALUE;
            int labelled = 0;
            for (TimeTicks.Tick t : ticks) {
              assertTrue(t.ticks() > last, at + ": ticks in time order");
              assertTrue(t.x() >= 0 && t.x() <= width, at);
              last = t.ticks();
              if (t.label() != null) {
                double w = t.label().length() * charWidth;
                assertTrue(t.x() - w / 2 >= right + charWidth, at + ": '" + t.label() + "' touches the label before it");
                assertTrue(t.x() - w / 2 >= 0 && t.x() + w / 2 <= width, at + ": '" + t.label() + "' crosses an edge");
                right = t.x() + w / 2;
                labelled++;
              }
            }
            if (width >= 700 && charWidth <= 9) {
              assertTrue(labelled >= 3, at + ": " + labels(ticks));
              assertTrue(ticks.size() <= width / 20, at + ": no more ticks than can be read");
            }
          }
        }
      }
    }
  }

  @Test
  void theStepSuitsTheZoomFromMillisecondsToYears() {
    ToDoubleFunction<String> f = font(7);
    assertEquals(List.of(".130", ".140", ".150", ".160", ".170"),
        labels(TimeTicks.choose(T0, T0 + SECOND / 4, 900, ZoneOffset.UTC, f, 7)).subList(0, 5));
    assertTrue(labels(TimeTicks.choose(T0, T0 + 20 * SECOND, 900, ZoneOffset.UTC, f, 7)).contains("09:47:20"));
    List<String> minutes = labels(TimeTicks.choose(T0, T0 + 3 * 60 * SECOND, 900, ZoneOffset.UTC, f, 7));
    assertTrue(minutes.containsAll(List.of("09:48", "09:49", "09:50")) && minutes.stream().allMatch(l -> l.matches("09:\\d\\d(:\\d\\d)?")),
        "whole minutes read HH:mm, seconds between them HH:mm:ss: " + minutes);
    List<String> hours = labels(TimeTicks.choose(T0 + 8 * 3600 * SECOND, T0 + 20 * 3600 * SECOND, 900, ZoneOffset.UTC, f, 7));
    assertTrue(hours.contains("Mar 15") && hours.contains("20:00"), "a day boundary on an hour axis reads as the day: " + hours);
    List<String> days = labels(TimeTicks.choose(T0, T0 + 20 * DAY, 900, ZoneOffset.UTC, f, 7));
    assertTrue(days.contains("Mar 18") && days.contains("Apr 2024"), days.toString());
    List<String> months = labels(TimeTicks.choose(T0, T0 + 240 * DAY, 900, ZoneOffset.UTC, f, 7));
    assertTrue(months.contains("Jun 2024") && months.contains("2025") == false, months.toString());
    List<String> years = labels(TimeTicks.choose(T0, T0 + 30 * 365 * DAY, 900, ZoneOffset.UTC, f, 7));
    assertTrue(years.contains("2030") && years.stream().allMatch(y -> y.matches("\\d{4}")), years.toString());
  }

  @Test
  void ticksFallOnTheDisplayZonesBoundaries() {
    ZoneId kolkata = ZoneId.of("Asia/Kolkata"); // UTC+05:30: its midnight is 18:30 UTC
    List<TimeTicks.Tick> ticks = TimeTicks.choose(T0, T0 + 2 * DAY, 900, kolkata, font(7), 7);
    TimeTicks.Tick midnight = ticks.stream().filter(t -> "Mar 15".equals(t.label())).findFirst().orElseThrow();
    assertEquals(Times.parse("2024-03-14T18:30:00Z"), midnight.ticks());
    assertTrue(midnight.major());
    assertEquals("2024-03-14", TimeTicks.context(T0, kolkata));
  }
}
