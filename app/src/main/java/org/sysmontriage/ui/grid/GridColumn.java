package org.sysmontriage.ui.grid;

/**
 * One column of a grid over int row ids of a source {@code S} (a hit table, an event store): its
 * stable key (saved in preferences), header, kind and cell text. Pure functions of the source, so
 * filters and sorts call them on worker threads.
 *
 * @param number the numeric value of a NUMBER or TIME column (and the sort key of any column that
 *     has one), or null to sort and filter by text
 */
public record GridColumn<S>(String key, String header, Kind kind, double ems, Text<S> text, Number<S> number) {

  /** How a column's values read, filter and sort. */
  public enum Kind {
    TEXT,
    /** Filters with {@code >= N} (a bare number means at least N). */
    NUMBER,
    /** Ticks; shown in the display time zone. */
    TIME,
    /** A file path: shortened in the middle, never losing the file name. */
    PATH
  }

  @FunctionalInterface
  public interface Text<S> {
    String of(S source, int row);
  }

  @FunctionalInterface
  public interface Number<S> {
    long of(S source, int row);
  }

  public static <S> GridColumn<S> text(String key, String header, double ems, Text<S> text) {
    return new GridColumn<>(key, header, Kind.TEXT, ems, text, null);
  }

  public static <S> GridColumn<S> path(String key, String header, double ems, Text<S> text) {
    return new GridColumn<>(key, header, Kind.PATH, ems, text, null);
  }

  public static <S> GridColumn<S> number(String key, String header, double ems, Text<S> text, Number<S> number) {
    return new GridColumn<>(key, header, Kind.NUMBER, ems, text, number);
  }

  /** A text column that sorts by a number (severity by rank, EventID numerically). */
  public GridColumn<S> sortedBy(Number<S> key) {
    return new GridColumn<>(this.key, header, kind, ems, text, key);
  }

  /** The cell text; never null. */
  public String textOf(S source, int row) {
    String s = text.of(source, row);
    return s == null ? "" : s;
  }
}
