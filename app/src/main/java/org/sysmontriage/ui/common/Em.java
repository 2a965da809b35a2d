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
  /** True once the size was chosen for the screen (or set): the first window of the process chooses it. */
  private static boolean sized;

  private Em() {}

  /** {@link #fitScreen()} unless the size was already chosen in this process (a second window, a test's screen). */
  public static double fitScreenOnce() {
    return sized ? size : fitScreen();
  }

  /** Picks the text size for the primary screen: 1x up to 1080 lines, proportionally more above. */
  public static double fitScreen() {
    Screen s = Screen.getPrimary();
    double lines = s.getVisualBounds().getHeight() + 80;
    double scale = s.getOutputScaleY() > 1.01 ? 1 : Math.max(1, Math.min(2.5, lines / 1080));
    size = Math.round(Font.getDefault().getSize() * scale);
    sized = true;
    return size;
  }

  public static double size() {
    return size;
  }

  /** The text size the user chose (Ctrl+= / Ctrl+-) relative to normal: 1 at normal size. */
  public static double scale() {
    return scale;
  }

  /**
   * How much larger than the toolkit's default text everything is drawn now: the screen's factor (a 4K screen
   * gets about 2) times the user's {@link #scale()}. Sizes kept between sessions are saved divided by it, so a
   * width saved on one screen or text size is right on another.
   */
  public static double layoutScale() {
    return scale * size / Font.getDefault().getSize();
  }

  /** The base text size in pixels (the composition root sets it with {@link #fitScreen()}; tests set a screen's). */
  public static void setSize(double px) {
    size = px;
    sized = true;
  }

  /** Set by the window when the user changes the text size. */
  public static void setScale(double s) {
    scale = s;
  }

  public static double of(double n) {
    return n * size;
  }
}
