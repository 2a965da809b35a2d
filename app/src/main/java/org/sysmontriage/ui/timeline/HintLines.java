package org.sysmontriage.ui.timeline;

import java.util.function.ToDoubleFunction;

/** A hint made of parts joined by " · ", on as few lines as fit a width: a line ends after a part's " ·". Pure. */
final class HintLines {
  private static final String JOIN = " · ";

  private HintLines() {}

  /** {@code text} with line breaks between its parts where a line would be wider than {@code room}; as it is when it fits. */
  static String fit(String text, double room, ToDoubleFunction<String> width) {
    if (room <= 0 || width.applyAsDouble(text) <= room) {
      return text;
    }
    String[] parts = text.split(JOIN, -1);
    StringBuilder out = new StringBuilder(parts[0]);
    String line = parts[0];
    for (int i = 1; i < parts.length; i++) {
      String longer = line + JOIN + parts[i];
      // a line that does not end the hint ends in " ·"
      if (width.applyAsDouble(i == parts.length - 1 ? longer : longer + " ·") <= room) {
        out.append(JOIN).append(parts[i]);
        line = longer;
      } else {
        out.append(" ·\n").append(parts[i]);
        line = parts[i];
      }
    }
    return out.toString();
  }
}
