package org.sysmontriage.ui.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.Severity;
import org.sysmontriage.incident.Step;
import org.sysmontriage.incident.StepKind;

/**
 * An incident's mini timeline paints a few hundred dots for 60,000 steps: every step lies under a
 * dot of its stage (filled or hollow as before), dots of one stage never closer than the gap, and
 * no more of them than the width holds. Pure geometry: no toolkit.
 */
class MiniTimelineTest {
  private static final Analytic A = new Analytic("a-1", "A", "", Severity.HIGH, List.of(), List.of(), 50, 80);

  private static List<Step> steps(int n, long seed) {
    Random r = new Random(seed);
    List<Step> out = new ArrayList<>();
    long t = 1_000_000_000L;
    for (int i = 0; i < n; i++) {
      t += r.nextInt(5) == 0 ? r.nextInt(50_000_000) : r.nextInt(2_000);
      StepKind kind = StepKind.values()[r.nextInt(StepKind.values().length)];
      List<Hit> hits = r.nextInt(4) == 0 ? List.of() : List.of(new Hit(i, A, List.of()));
      out.add(new Step(i, t, t, kind, "step " + i, hits, "Sysmon", "log.evtx", i));
    }
    return out;
  }

  @Test
  void sixtyThousandStepsPaintAtMostAWidthOfDotsAndEveryStepLiesUnderADotOfItsStage() {
    List<Step> steps = steps(60_000, 7);
    long start = steps.get(0).ticks();
    long span = steps.get(steps.size() - 1).ticks() - start;
    double left = 14;
    double plotW = 900;
    double gap = 6;
    long[][] byKind = MiniTimeline.split(steps);
    double[][] xs = MiniTimeline.dots(byKind, start, span, left, plotW, gap);
    int total = 0;
    for (int k = 0; k < xs.length; k++) {
      total += xs[k].length;
      assertTrue(xs[k].length <= plotW / gap + 1, "slot " + k + ": " + xs[k].length);
      for (int i = 1; i < xs[k].length; i++) {
        assertTrue(xs[k][i] - xs[k][i - 1] >= gap - 1e-6, "dots of one stage at least the gap apart");
      }
      assertEquals(byKind[k].length > 0, xs[k].length > 0, "a stage with steps has a dot");
    }
    assertTrue(total < 14 * (plotW / gap + 1), "total " + total);
    for (Step s : steps) {
      int k = s.kind().ordinal() * 2 + (s.context() ? 1 : 0);
      double x = left + (s.ticks() - start) * (plotW / span);
      assertTrue(covered(xs[k], x, gap), "step at x " + x + " has a dot of its stage within the gap before it");
    }
  }

  @Test
  void stepsFartherApartThanTheGapKeepADotEach() {
    List<Step> steps = steps(40, 3);
    long start = steps.get(0).ticks();
    long span = steps.get(steps.size() - 1).ticks() - start;
    double[][] xs = MiniTimeline.dots(MiniTimeline.split(steps), start, span, 0, 1e9, 1e-3);
    int total = 0;
    for (double[] x : xs) {
      total += x.length;
    }
    assertEquals(steps.size(), total, "at a huge width every step is its own dot, as the node-per-step painting drew them");
  }

  @Test
  void fewNamesAreListedAndTheRestCounted() {
    assertEquals("a, b", IncidentsView.few(List.of("a", "b")));
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 60_000; i++) {
      many.add("u" + i);
    }
    String s = IncidentsView.few(many);
    assertTrue(s.endsWith(String.format(" and %,d more", 60_000 - IncidentsView.FACT_NAMES)), s);
    assertTrue(s.startsWith("u0, u1, "), s);
  }

  private static boolean covered(double[] dots, double x, double gap) {
    for (double d : dots) {
      if (x >= d - 1e-6 && x < d + gap + 1e-6) {
        return true;
      }
    }
    return false;
  }
}
