package org.sysmontriage.ui;

import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import org.sysmontriage.ui.common.CellTip;
import org.sysmontriage.ui.common.Fit;

/**
 * Checks the details' field names as shown: never broken inside a word, every line inside its cell, and a
 * name shown cut has its whole text in the tooltip. Independent of how the window lays them out: a Text that
 * wraps itself breaks a word only when the word is wider than its wrapping width; a line break between two
 * characters is inside a word unless it is after a space or separator or at a CamelCase step.
 */
final class FieldNameCells {
  private FieldNameCells() {}

  /** Checks every shown name cell of the table's first column; adds each name checked to {@code seen}. */
  static void check(TableView<?> fields, java.util.Collection<String> out, Set<String> seen) {
    check(fields, out, seen, false);
  }

  /** As {@link #check(TableView, java.util.Collection, Set)}; {@code whole}: a name shown cut is wrong too. */
  static void check(TableView<?> fields, java.util.Collection<String> out, Set<String> seen, boolean whole) {
    javafx.scene.control.TableColumn<?, ?> names = fields.getColumns().get(0);
    for (Node node : fields.lookupAll(".table-cell")) {
      if (node instanceof TableCell<?, ?> c && c.getTableColumn() == names && !c.isEmpty() && c.getItem() instanceof String name
          && c.isVisible() && c.getParent() != null && c.getParent().isVisible()) {
        seen.add(name);
        one(c, name, out);
        if (whole && c.lookupAll("*").stream().anyMatch(n -> n instanceof Text t && t.isVisible() && !t.getText().replace("\n", "").equals(name))) {
          out.add(name + " not shown whole");
        }
      }
    }
  }

  /** Checks a list entry (a cell of any kind) whose whole text is {@code name}: as a name cell. */
  static void one(javafx.scene.control.Labeled c, String name, java.util.Collection<String> out) {
    one(c, name, out, false);
  }

  /**
   * Checks a field's value as shown (a text that wraps itself): every line break between two words, and no word
   * wider than the wrapping width unless it has no boundary at all (a hash may be broken where it must).
   */
  static void value(javafx.scene.control.Cell<?> c, String value, java.util.Collection<String> out) {
    one(c, value, out, true);
  }

  private static void one(javafx.scene.control.Labeled c, String name, java.util.Collection<String> out, boolean value) {
    Text t = c.lookupAll("*").stream().filter(n -> n instanceof Text && n.isVisible()).map(n -> (Text) n).findFirst().orElse(null);
    if (t == null) {
      out.add(name + ": no text");
      return;
    }
    double room = c.getWidth() - c.snappedLeftInset() - c.snappedRightInset();
    double wrap = t.getWrappingWidth() > 0 ? t.getWrappingWidth() : room;
    String shown = t.getText();
    for (String line : shown.split("\n")) {
      for (String word : line.split(" ")) {
        double w = Fit.textWidth(word, t.getFont()) - 1; // Fit rounds up
        if (w > wrap + 0.5 && (!value || hasABoundary(word, true))) {
          out.add(name + ": \"" + word + "\" is " + w + " px in " + wrap + " px (broken inside the word)");
        }
      }
    }
    javafx.geometry.Bounds b = t.localToScene(t.getLayoutBounds());
    javafx.geometry.Bounds cell = c.localToScene(c.getLayoutBounds());
    if (b.getMaxX() > cell.getMaxX() + 0.5 || b.getMaxY() > cell.getMaxY() + 0.5) {
      out.add(name + ": runs out of its cell (" + b + " in " + cell + ")");
    }
    boolean cut = shown.contains("\u2026") && !name.contains("\u2026");
    String tip = c instanceof javafx.scene.control.Cell<?> asCell ? CellTip.text(asCell) : c.getTooltip() == null ? null : c.getTooltip().getText();
    if (cut && (tip == null || !tip.startsWith(name))) { // a list entry's tip may add its headline
      out.add(name + ": shown cut as " + shown.replace("\n", "|") + " without the whole name in a tooltip");
    }
    if (!cut) {
      splitInsideAWord(name, shown, out, value);
    }
  }

  /** {@code shown} is {@code name} on lines: each line break must fall between two words. */
  private static void splitInsideAWord(String name, String shown, java.util.Collection<String> out, boolean value) {
    int at = 0;
    String[] lines = shown.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int found = name.indexOf(line, at);
      if (found < 0 || !name.substring(at, found).isBlank()) {
        out.add(name + ": shown as " + shown.replace("\n", "|"));
        return;
      }
      if (i > 0 && insideAWord(name, found, value)) {
        out.add(name + ": broken inside a word as " + shown.replace("\n", "|"));
      }
      at = found + line.length();
    }
    if (!name.substring(at).isBlank()) {
      out.add(name + ": shown as " + shown.replace("\n", "|") + " (the end is missing)");
    }
  }

  private static boolean hasABoundary(String word, boolean value) {
    for (int i = 1; i < word.length(); i++) {
      if (!insideAWord(word, i, value)) {
        return true;
      }
    }
    return false;
  }

  /** {@code value}: a field's value, where a digit before a capital (a hash: 1FEC5C7) is inside a word, as is an acronym's end. */
  private static boolean insideAWord(String s, int i, boolean value) {
    char a = s.charAt(i - 1);
    char b = s.charAt(i);
    if (!Character.isLetterOrDigit(a) || !Character.isLetterOrDigit(b)) {
      return false;
    }
    boolean camel = Character.isUpperCase(b) && (Character.isLowerCase(a) || !value && Character.isDigit(a));
    boolean acronymEnd = !value && Character.isUpperCase(a) && Character.isUpperCase(b) && i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1));
    boolean timestamp = a == 'T' && Character.isDigit(b) && i >= 2 && Character.isDigit(s.charAt(i - 2)); // 2019-06-21T|07:35
    return !camel && !acronymEnd && !timestamp;
  }
}
