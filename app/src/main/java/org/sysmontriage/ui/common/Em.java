package org.sysmontriage.ui.common;

import javafx.scene.text.Font;
import javafx.stage.Screen;

/**
 * The window's base text size in pixels, chosen once by the composition root: the system default,
 * scaled up on big screens that the desktop does not scale itself (a 4K screen at 100 %). Column
 * widths and the timeline's drawing are sized in these ems.
 */
public final class Em {
  private static double size = Font.getDefault().getSize();
  /** The text size chosen with Ctrl+= / Ctrl+- (1: normal), for sizes kept between sessions. */
  private static double scale = 1;

  private Em() {}

  /** Picks the text size for the primary screen: 1x up to 1080 lines, proportionally more above. */
  public static double fitScreen() {
    Screen s = Screen.getPrimary();
    double lines = s.getVisualBounds().getHeight() + 80;
    double scale = s.getOutputScaleY() > 1.01 ? 1 : Math.max(1, Math.min(2.5, lines / 1080));
    size = Math.round(Font.getDefault().getSize() * scale);
    return size;
  }

  public static double size() {
    return size;
  }

  /** The text size the user chose (Ctrl+= / Ctrl+-) relative to normal: 1 at normal size. */
  public static double scale() {
    return scale;
  }

  /** Set by the window when the user changes the text size. */
  public static void setScale(double s) {
    scale = s;
  }

  public static double of(double n) {
    return n * size;
  }
}
