package org.sysmontriage.ui.common;

import javafx.beans.binding.Bindings;
import javafx.scene.control.TextField;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Sizes that follow the text: a field never narrower than its prompt, whatever Ctrl+= made of the font
 * (sizes set once in pixels at start-up would cut the text three steps later).
 */
public final class Fit {
  private Fit() {}

  /** Widths kept per thread, the least recently used dropped first. */
  static final int KEPT = 4_096;
  private static final ThreadLocal<Widths> WIDTHS = ThreadLocal.withInitial(Widths::new);

  /** One text node to measure with and the widths it measured, per thread (the window measures on the FX thread). */
  private static final class Widths extends java.util.LinkedHashMap<Widths.Key, Double> {
    record Key(Font font, String text) {}

    final Text text = new Text();
    long laidOut;

    Widths() {
      super(256, 0.75f, true);
    }

    @Override
    protected boolean removeEldestEntry(java.util.Map.Entry<Key, Double> eldest) {
      return size() > KEPT;
    }
  }

  /**
   * The width {@code s} takes in font {@code f}. A width measured before is not laid out again: selecting a hit
   * measures the words of its fields' values to put them on lines, again whenever a column's width or the font
   * changes (bench ui: 906 measures in one selection at 1M events, each a new text node laid out).
   */
  public static double textWidth(String s, Font f) {
    Widths widths = WIDTHS.get();
    Widths.Key key = new Widths.Key(f, s == null ? "" : s);
    Double w = widths.get(key);
    if (w == null) {
      widths.text.setFont(f);
      widths.text.setText(key.text());
      w = Math.ceil(widths.text.getLayoutBounds().getWidth());
      widths.laidOut++;
      widths.put(key, w);
    }
    return w;
  }

  /** How many texts this thread laid out to measure them (for tests). */
  static long laidOut() {
    return WIDTHS.get().laidOut;
  }

  /** The field keeps room for its whole prompt text (its minimum width follows its font and padding). */
  public static void promptWhole(TextField f) {
    f.minWidthProperty().bind(Bindings.createDoubleBinding(() -> textWidth(f.getPromptText(), f.getFont())
        + f.getPadding().getLeft() + f.getPadding().getRight() + 2, f.fontProperty(), f.paddingProperty(), f.promptTextProperty()));
  }
}
