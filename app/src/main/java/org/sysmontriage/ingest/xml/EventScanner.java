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
  enum Found { EVENT, UNCLOSED, TOO_LARGE, DTD, JUNK, END }

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
  private boolean junkHadEventEnd;

  EventScanner(ByteBuffer buf, XmlEncoding enc, int maxEventBytes) {
    this.buf = buf;
    this.width = enc.width();
    this.bigEndian = enc.bigEndian();
    this.limit = buf.limit() - (buf.limit() - enc.start()) % width;
    this.maxEventBytes = maxEventBytes;
    this.pos = enc.start();
    this.lineStart = pos;
  }

  /**
   * Moves to the next event (or problem); its place is in {@link #start()} and {@link #end()}.
   * Between events only white space, comments, processing instructions and the {@code <Events>}
   * root may stand; anything else (text, another element, an event whose start tag is damaged) is
   * {@link Found#JUNK}, one range up to the next event, allowed markup or a stray {@code </Event>}.
   */
  Found next() {
    int junk = -1;
    for (int p = pos; p < limit; p += width) {
      int c = ch(p);
      if (c == '\n') {
        newLine(p);
      } else if (c == '<') {
        if (isEventStart(p) || matches(p, "<!DOCTYPE") || matches(p, "<!ENTITY") || isAllowedMarkup(p)) {
          if (junk >= 0) {
            return junk(p, false);
          }
          if (isEventStart(p)) {
            return event(p);
          }
          if (!isAllowedMarkup(p)) {
            mark(p);
            end = p;
            pos = p + width;
            return Found.DTD;
          }
          p = markup(p);
        } else {
          if (junk < 0) {
            junk = p;
            markJunk(p);
          }
          int close = eventEndAt(p);
          if (close > 0) {
            return junk(close, true);
          }
          noteFirstElement(p);
        }
      } else if (!isSpace(c) && junk < 0) {
        junk = p;
        markJunk(p);
      }
    }
    if (junk >= 0) {
      return junk(limit, false);
    }
    pos = limit;
    start = end = limit;
    return Found.END;
  }

  /** True when the last {@link Found#JUNK} range ends with {@code </Event>}: a damaged event, not stray text. */
  boolean junkWasAnEvent() {
    return junkHadEventEnd;
  }

  private void markJunk(int p) {
    mark(p);
    junkHadEventEnd = false;
  }

  private Found junk(int to, boolean eventEnd) {
    end = to;
    pos = to;
    junkHadEventEnd = eventEnd;
    return Found.JUNK;
  }

  /** After {@code </Event>} (spaces allowed before the {@code >}) at {@code q}, or -1. */
  private int eventEndAt(int q) {
    if (!matches(q, "</Event")) {
      return -1;
    }
    int r = q + 7 * width;
    while (r < limit && isSpace(ch(r))) {
      r += width;
    }
    return r < limit && ch(r) == '>' ? r + width : -1;
  }

  private boolean isAllowedMarkup(int p) {
    return matches(p, "<!--") || matches(p, "<?") || (matches(p, "<Events") && isDelimiter(ch(p + 7 * width)))
        || (matches(p, "</Events") && isDelimiter(ch(p + 8 * width)));
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
        int close = eventEndAt(q);
        if (close > 0) {
          end = close;
          pos = end;
          return Found.EVENT;
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

  /** Skips a comment, a processing instruction or the {@code <Events>} tags; returns the last position consumed. */
  private int markup(int p) {
    if (matches(p, "<!--")) {
      return skipTo(p + 4 * width, "-->");
    }
    if (matches(p, "<?")) {
      return skipTo(p + 2 * width, "?>");
    }
    if (matches(p, "<Events")) {
      eventsRoot = true;
    }
    return skipTo(p + width, ">");
  }

  /** The position of the last character of {@code close} after {@code from}, counting lines. */
  private int skipTo(int from, String close) {
    for (int q = from; q < limit; q += width) {
      int c = ch(q);
      if (c == '\n') {
        newLine(q);
      } else if (c == close.charAt(0) && matches(q, close)) {
        return q + (close.length() - 1) * width;
      }
    }
    return limit;
  }

  private void noteFirstElement(int p) {
    if (firstElement == null && isNameStart(ch(p + width))) {
      firstElement = name(p + width);
    }
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
