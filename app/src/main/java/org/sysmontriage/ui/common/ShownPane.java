package org.sysmontriage.ui.common;

import javafx.application.Platform;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * A tab's content, laid out only while it shows: its tables create and style their cells the first time the
 * tab is selected, not all in the pulse that fills the workspace after an import (bench ui measured the hits
 * and events grids of the tabs behind the Incidents view creating and styling a few hundred cells there).
 * Each tab then pays for its own cells when it first shows, spread over {@link #REVEAL_STEPS} pulses: the
 * first lays the content out in the top fifth of the pane, the next in two fifths, the last in all of it, so
 * a table makes and styles a fifth of its rows in each (bench ui at 1M: thirds left 62-93 ms of FX CPU in one
 * pulse of the Hits tab's first show). While hidden it keeps its last layout.
 */
public final class ShownPane extends StackPane {
  /** Pulses over which the first showing lays the content out, a part of the height more in each. */
  public static final int REVEAL_STEPS = 5;
  private final WhenShown whenShown = new WhenShown(this);
  private int revealed; // steps begun of the first showing; REVEAL_STEPS once it was laid out in full
  private boolean stepPending; // this pulse's step is done: the next one waits for the next pulse

  public ShownPane(Node content) {
    super(content);
  }

  @Override
  protected void layoutChildren() {
    if (!WhenShown.showing(this)) {
      whenShown.run(() -> { // the first pulse it shows in: lay it out then, before that frame is drawn
        requestLayout();
        layout();
      });
    } else if (revealed < REVEAL_STEPS) {
      if (!stepPending) { // one step a pulse, however many layouts the pulse runs
        revealed++;
        if (revealed < REVEAL_STEPS) {
          stepPending = true;
          Platform.runLater(() -> { // after this pulse (a layout request made during layout is cleared)
            stepPending = false;
            requestLayout();
          });
        }
      }
      if (revealed < REVEAL_STEPS) {
        layoutPart();
      } else {
        super.layoutChildren();
      }
    } else {
      super.layoutChildren();
    }
  }

  /** Lays the content out in the top {@code revealed / REVEAL_STEPS} of the pane. */
  private void layoutPart() {
    double w = getWidth() - snappedLeftInset() - snappedRightInset();
    double h = (getHeight() - snappedTopInset() - snappedBottomInset()) * revealed / REVEAL_STEPS;
    for (Node c : getManagedChildren()) {
      layoutInArea(c, snappedLeftInset(), snappedTopInset(), w, h, 0, HPos.LEFT, VPos.TOP);
    }
  }

  /** True while a layout waits for the pane to show (for tests). */
  public boolean waiting() {
    return whenShown.waiting();
  }

  /** True while the first showing is laid out in steps (for tests). */
  public boolean revealing() {
    return revealed > 0 && revealed < REVEAL_STEPS;
  }

  /**
   * True when a pane around {@code node} is between the first and the last step of its first showing: the size
   * {@code node} gets now is drawn for one frame and changes in the next pulse.
   */
  public static boolean growingAround(Node node) {
    for (Node n = node.getParent(); n != null; n = n.getParent()) {
      if (n instanceof ShownPane p && p.revealed > 1 && p.revealed < REVEAL_STEPS) {
        return true;
      }
    }
    return false;
  }
}
