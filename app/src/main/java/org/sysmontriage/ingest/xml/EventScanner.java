package org.sysmontriage.ingest.xml;

import java.nio.ByteBuffer;

/**
 * Finds the {@code <Event>...</Event>} elements of an XML log by scanning its bytes, so that
 * every dialect reads the same way: inside an {@code <Events>} root (Event Viewer), one per line
 * (Splunk), or simply concatenated without a root (wevtutil), which is not well-formed XML as a
 * whole. Each event is then parsed on its own, so a broken one loses only itself. The scanner also
 * spots a DTD ({@code <!DOCTYPE}, {@code <!ENTITY}) outside events, which the reader refuses.
 * Positions are byte offsets; lines are counted for located issues.
 */
final class EventScanner {
  /** What {@link #next()} found. */
  enum Found { EVENT, UNCLOSED, TOO_LARGE, DTD, END }

  private final ByteBuffer buf;
  private final int width;
  private final boolean bigEndian;
  private final int limit;
  private final int maxEventBytes;
  private int pos;
  private long line = 1;
  private int lineStart;
  private boolean eventsRoot;
  private String firstElement;
  private int start;
  private int end;
  private long startLine;
  private long startColumn;

  EventScanner(ByteBuffer buf, XmlEncoding enc, int maxEventBytes) {
    this.buf = buf;
    this.width = enc.width();
    this.bigEndian = enc.bigEndian();
    this.limit = buf.limit() - (buf.limit() - enc.start()) % width;
    this.maxEventBytes = maxEventBytes;
    this.pos = enc.start();
    this.lineStart = pos;
  }

  /** Moves to the next event (or problem); its place is in {@link #start()} and {@link #end()}. */
  Found next() {
    for (int p = pos; p < limit; p += width) {
      int c = ch(p);
      if (c == '\n') {
        newLine(p);
      } else if (c == '<') {
        if (isEventStart(p)) {
          return event(p);
        }
        if (matches(p, "<!DOCTYPE") || matches(p, "<!ENTITY")) {
          mark(p);
          end = p;
          pos = p + width;
          return Found.DTD;
        }
        p = markup(p);
      }
    }
    pos = limit;
    start = end = limit;
    return Found.END;
  }

  /** The end of the event that starts at {@code offset}, or -1 when it is not closed there. */
  int endOfEventAt(int offset) {
    pos = offset;
    return isEventStart(offset) && event(offset) == Found.EVENT ? end : -1;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  long line() {
    return startLine;
  }

  /** The line the scanner has reached (after an event: the line of its end). */
  long currentLine() {
    return line;
  }

  long column() {
    return startColumn;
  }

  /** True once an {@code <Events>} root element was seen. */
  boolean eventsRoot() {
    return eventsRoot;
  }

  /** The name of the first element met outside events, for the "not an event log" message. */
  String firstElement() {
    return firstElement;
  }

  private Found event(int p) {
    mark(p);
    for (int q = p + width; q < limit; q += width) {
      if (q - p > maxEventBytes) {
        end = q;
        pos = q;
        return Found.TOO_LARGE;
      }
      int c = ch(q);
      if (c == '\n') {
        newLine(q);
      } else if (c == '<') {
        if (matches(q, "</Event")) {
          int r = q + 7 * width;
          while (r < limit && isSpace(ch(r))) {
            r += width;
          }
          if (r < limit && ch(r) == '>') {
            end = r + width;
            pos = end;
            return Found.EVENT;
          }
        } else if (isEventStart(q)) {
          end = q;
          pos = q;
          return Found.UNCLOSED;
        }
      }
    }
    end = limit;
    pos = limit;
    return Found.UNCLOSED;
  }

  /** Skips a comment or notes a root element; returns the last position consumed. */
  private int markup(int p) {
    if (matches(p, "<!--")) {
      for (int q = p + 4 * width; q < limit; q += width) {
        int c = ch(q);
        if (c == '\n') {
          newLine(q);
        } else if (c == '>' && q >= 2 * width && ch(q - width) == '-' && ch(q - 2 * width) == '-') {
          return q;
        }
      }
      return limit;
    }
    if (matches(p, "<Events") && isDelimiter(ch(p + 7 * width))) {
      eventsRoot = true;
    } else if (firstElement == null && isNameStart(ch(p + width))) {
      firstElement = name(p + width);
    }
    return p;
  }

  private boolean isEventStart(int p) {
    return matches(p, "<Event") && isDelimiter(ch(p + 6 * width));
  }

  private void mark(int p) {
    start = p;
    startLine = line;
    startColumn = (p - lineStart) / width + 1;
  }

  private void newLine(int p) {
    line++;
    lineStart = p + width;
  }

  private String name(int p) {
    StringBuilder b = new StringBuilder();
    for (int q = p; q < limit && b.length() < 64; q += width) {
      int c = ch(q);
      if (isDelimiter(c) || c < 0) {
        break;
      }
      b.append((char) c);
    }
    return b.toString();
  }

  private boolean matches(int p, String s) {
    if (p + s.length() * width > limit) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (ch(p + k * width) != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private int ch(int p) {
    if (p < 0 || p + width > limit) {
      return -1;
    }
    if (width == 1) {
      return buf.get(p) & 0xff;
    }
    int lo = buf.get(bigEndian ? p + 1 : p) & 0xff;
    int hi = buf.get(bigEndian ? p : p + 1) & 0xff;
    return hi << 8 | lo;
  }

  private static boolean isDelimiter(int c) {
    return isSpace(c) || c == '>' || c == '/';
  }

  private static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isNameStart(int c) {
    return Character.isLetter(c) || c == '_';
  }
}
