package org.sysmontriage.ui.common;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * A view's fill spread over the next pulses: after each pulse's layout the lowest stage that has work runs it,
 * so stage 1 runs after the layout of the next pulse, stage 2 after the one after, and each pulse lays out only
 * what one stage changed (bench ui measured
 * the selection of a hit laying out the details' heading, reasons, technique cards and Fields table in one
 * pulse of 50-150 ms of FX CPU). Each stage keeps the latest work only: while the analyst moves through rows
 * faster than the stages run, the later stages wait for the last row. Without a window (not in a shown scene)
 * the work runs at once.
 */
public final class PulseStages {
  private final Node node;
  private final Runnable[] work;
  private final Runnable check = this::pulsed;

  /** Stages 1 to {@code stages}, for the view {@code node}. */
  public PulseStages(Node node, int stages) {
    this.node = node;
    this.work = new Runnable[stages + 1];
    node.sceneProperty().addListener((o, a, b) -> {
      if (a != null) {
        a.removePostLayoutPulseListener(check);
      }
      if (b != null) {
        b.addPostLayoutPulseListener(check);
      } else {
        flush();
      }
    });
    if (node.getScene() != null) {
      node.getScene().addPostLayoutPulseListener(check);
    }
  }

  /** Runs {@code r} after a later pulse's layout, when the stages below it have run; replaces work kept for that stage. */
  public void run(int stage, Runnable r) {
    Scene s = node.getScene();
    if (s == null || s.getWindow() == null || !s.getWindow().isShowing()) {
      work[stage] = null;
      r.run();
      return;
    }
    work[stage] = r;
    Platform.requestNextPulse();
  }

  /** True while work waits for a pulse (tests wait for the view to be filled as a person would). */
  public boolean pending() {
    for (Runnable r : work) {
      if (r != null) {
        return true;
      }
    }
    return false;
  }

  /** Runs every stage's work now, in order (something reads the view's state at once). */
  public void flush() {
    for (int k = 1; k < work.length; k++) {
      Runnable r = work[k];
      work[k] = null;
      if (r != null) {
        r.run();
      }
    }
  }

  private void pulsed() {
    for (int k = 1; k < work.length; k++) {
      if (work[k] != null) {
        Runnable r = work[k];
        work[k] = null;
        r.run(); // what it changes is laid out in the next pulse
        if (pending()) {
          Platform.requestNextPulse();
        }
        return; // one stage a pulse
      }
    }
  }
}
