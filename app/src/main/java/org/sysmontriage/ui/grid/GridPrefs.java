package org.sysmontriage.ui.grid;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import org.sysmontriage.ui.common.AppHome;

/**
 * Grid preferences kept between sessions: column order, widths and visibility per table, and the
 * display time zone, in {@code ~/.sysmon-triage/grid.properties} (the folder moves with
 * {@link AppHome}, as tests do). A missing or unreadable file means defaults.
 */
public final class GridPrefs {
  private static final Logger LOG = Logger.getLogger(GridPrefs.class.getName());
  private final Path file;
  private final Properties values = new Properties();

  public GridPrefs(Path file) {
    this.file = file;
    if (Files.isRegularFile(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        values.load(r);
      } catch (IOException | IllegalArgumentException e) {
        LOG.info("ignoring unreadable grid preferences " + file + ": " + e.getMessage());
      }
    }
  }

  /** {@code grid.properties} in the application's folder ({@link AppHome}). */
  public static GridPrefs inHome() {
    return new GridPrefs(AppHome.dir().resolve("grid.properties"));
  }

  public Path file() {
    return file;
  }

  /** A column as saved: key, width in pixels (0: default) and whether it is shown. */
  public record ColumnPref(String key, double width, boolean visible) {}

  /** Saved columns of a table in display order; empty when none were saved. */
  public List<ColumnPref> columns(String table) {
    String v = values.getProperty(table + ".columns", "");
    List<ColumnPref> out = new ArrayList<>();
    for (String part : v.split(",")) {
      String[] f = part.split(":");
      if (f.length == 3) {
        try {
          out.add(new ColumnPref(f[0], Double.parseDouble(f[1]), Boolean.parseBoolean(f[2])));
        } catch (NumberFormatException e) {
          LOG.info("ignoring a saved column of " + table + ": " + part);
        }
      }
    }
    return out;
  }

  public void setColumns(String table, List<ColumnPref> columns) {
    StringBuilder b = new StringBuilder();
    for (ColumnPref c : columns) {
      b.append(b.isEmpty() ? "" : ",").append(c.key()).append(':').append(Math.round(c.width())).append(':').append(c.visible());
    }
    put(table + ".columns", b.toString());
  }

  public String get(String key, String fallback) {
    return values.getProperty(key, fallback);
  }

  public void put(String key, String value) {
    if (value.equals(values.getProperty(key))) {
      return;
    }
    values.setProperty(key, value);
    save();
  }

  public void remove(String key) {
    if (values.remove(key) != null) {
      save();
    }
  }

  // Small file, written whole through a temporary file and an atomic move.
  private void save() {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        values.store(w, "Sysmon Triage grid preferences");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warning("could not save grid preferences to " + file + ": " + e.getMessage());
    }
  }
}
