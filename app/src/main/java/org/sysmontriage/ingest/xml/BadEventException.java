package org.sysmontriage.ingest.xml;

/** One event that cannot be read; {@code line} and {@code column} count inside the event text. */
final class BadEventException extends Exception {
  private final int line;
  private final int column;

  BadEventException(String message, int line, int column) {
    super(message);
    this.line = line;
    this.column = column;
  }

  int line() {
    return line;
  }

  int column() {
    return column;
  }
}
