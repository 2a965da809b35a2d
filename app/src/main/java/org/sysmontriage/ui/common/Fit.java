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

  /** The width {@code s} takes in font {@code f}. */
  public static double textWidth(String s, Font f) {
    Text t = new Text(s == null ? "" : s);
    t.setFont(f);
    return Math.ceil(t.getLayoutBounds().getWidth());
  }

  /** The field keeps room for its whole prompt text (its minimum width follows its font and padding). */
  public static void promptWhole(TextField f) {
    f.minWidthProperty().bind(Bindings.createDoubleBinding(() -> textWidth(f.getPromptText(), f.getFont())
        + f.getPadding().getLeft() + f.getPadding().getRight() + 2, f.fontProperty(), f.paddingProperty(), f.promptTextProperty()));
  }
}
