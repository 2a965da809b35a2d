package org.sysmontriage.ui.common;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * A tab's content, laid out only while it shows: its tables create and style their cells the first time the
 * tab is selected, not all in the pulse that fills the workspace after an import (bench ui measured the hits
 * and events grids of the tabs behind the Incidents view creating and styling a few hundred cells there).
 * Each tab then pays for its own cells when it first shows. While hidden it keeps its last layout.
 */
public final class ShownPane extends StackPane {
  private final WhenShown whenShown = new WhenShown(this);

  public ShownPane(Node content) {
    super(content);
  }

  @Override
  protected void layoutChildren() {
    if (WhenShown.showing(this)) {
      super.layoutChildren();
      return;
    }
    whenShown.run(() -> { // the first pulse it shows in: lay it out then, before that frame is drawn
      requestLayout();
      layout();
    });
  }

  /** True while a layout waits for the pane to show (for tests). */
  public boolean waiting() {
    return whenShown.waiting();
  }
}
