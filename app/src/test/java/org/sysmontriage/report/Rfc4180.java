package org.sysmontriage.report;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for tests: quoted cells, doubled quotes, CRLF records. */
final class Rfc4180 {
  private Rfc4180() {}

  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"' && cell.length() == 0) {
        i = quoted(text, i + 1, cell);
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
        i++;
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i += 2;
      } else if (c == '"' || c == '\r' || c == '\n') {
        throw new IllegalArgumentException("unquoted " + (int) c + " at " + i);
      } else {
        cell.append(c);
        i++;
      }
    }
    if (!row.isEmpty() || cell.length() > 0) {
      throw new IllegalArgumentException("last record without CRLF");
    }
    return rows;
  }

  private static int quoted(String text, int i, StringBuilder cell) {
    while (true) {
      char c = text.charAt(i);
      if (c == '"') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        cell.append(c);
        i++;
      }
    }
  }
}
