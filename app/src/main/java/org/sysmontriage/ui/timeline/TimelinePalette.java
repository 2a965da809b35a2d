package org.sysmontriage.ui.timeline;

import javafx.scene.paint.Color;
import org.sysmontriage.detect.Severity;

/** Canvas colours for light and dark themes (a canvas cannot read CSS variables). */
record TimelinePalette(Color background, Color text, Color grid, Color density, Color brush, Color laneAlt, Color[] severity) {

  static TimelinePalette light() {
    return new TimelinePalette(Color.web("#ffffff"), Color.web("#24292f"), Color.web("#d0d7de"), Color.web("#0969da", 0.16),
        Color.web("#0969da", 0.18), Color.web("#f6f8fa"), colors("#6e7781", "#0969da", "#bf8700", "#cf222e", "#8250df"));
  }

  static TimelinePalette dark() {
    return new TimelinePalette(Color.web("#0d1117"), Color.web("#c9d1d9"), Color.web("#30363d"), Color.web("#58a6ff", 0.20),
        Color.web("#58a6ff", 0.22), Color.web("#161b22"), colors("#8b949e", "#58a6ff", "#d29922", "#f85149", "#bc8cff"));
  }

  Color of(Severity s) {
    return severity[s.ordinal()];
  }

  private static Color[] colors(String... web) {
    Color[] c = new Color[web.length];
    for (int i = 0; i < web.length; i++) {
      c[i] = Color.web(web[i]);
    }
    return c;
  }
}
