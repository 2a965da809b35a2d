package org.sysmontriage.event;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Event time as Windows keeps it: 100 ns ticks, here counted from the Unix epoch, UTC.
 * Parsing is hand-written: it runs once per event on every import.
 */
public final class Times {
  /** No time known. Sorts first. */
  public static final long UNKNOWN = Long.MIN_VALUE;
  /** 100 ns ticks between 1601-01-01 (FILETIME epoch) and 1970-01-01. */
  public static final long FILETIME_EPOCH_DELTA = 116_444_736_000_000_000L;
  public static final long TICKS_PER_SECOND = 10_000_000L;

  private Times() {}

  public static long fromFiletime(long filetime) {
    return filetime - FILETIME_EPOCH_DELTA;
  }

  public static long fromInstant(Instant t) {
    return t.getEpochSecond() * TICKS_PER_SECOND + t.getNano() / 100;
  }

  public static long fromEpochMillis(long ms) {
    return ms * 10_000L;
  }

  public static Instant toInstant(long ticks) {
    return Instant.ofEpochSecond(Math.floorDiv(ticks, TICKS_PER_SECOND), Math.floorMod(ticks, TICKS_PER_SECOND) * 100);
  }

  /**
   * Parses the timestamp shapes seen in exports: {@code 2019-10-27T05:45:39.851Z}, {@code
   * 2019-10-27 05:45:39.851} (Sysmon UtcTime), 7-digit fractions, no fraction, a numeric offset
   * ({@code +02:00}). A time without zone is UTC. Returns {@link #UNKNOWN} when it is none of these.
   */
  public static long parse(CharSequence s) {
    if (s == null) {
      return UNKNOWN;
    }
    int n = s.length();
    int start = 0;
    while (start < n && s.charAt(start) == ' ') {
      start++;
    }
    if (n - start < 19 || s.charAt(start + 4) != '-' || s.charAt(start + 7) != '-' || s.charAt(start + 13) != ':' || s.charAt(start + 16) != ':') {
      return UNKNOWN;
    }
    char sep = s.charAt(start + 10);
    if (sep != 'T' && sep != ' ' && sep != 't') {
      return UNKNOWN;
    }
    int year = digits(s, start, 4);
    int month = digits(s, start + 5, 2);
    int day = digits(s, start + 8, 2);
    int hour = digits(s, start + 11, 2);
    int min = digits(s, start + 14, 2);
    int sec = digits(s, start + 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || min < 0 || min > 59 || sec < 0 || sec > 60) {
      return UNKNOWN;
    }
    int i = start + 19;
    long fraction = 0;
    if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
      i++;
      int digitsSeen = 0;
      while (i < n && Character.isDigit(s.charAt(i))) {
        if (digitsSeen < 7) {
          fraction = fraction * 10 + (s.charAt(i) - '0');
        }
        digitsSeen++;
        i++;
      }
      for (int k = digitsSeen; k < 7; k++) {
        fraction *= 10;
      }
    }
    long offsetSeconds = 0;
    if (i < n) {
      char z = s.charAt(i);
      if (z == '+' || z == '-') {
        if (n - i < 3) {
          return UNKNOWN;
        }
        int oh = digits(s, i + 1, 2);
        int om = 0;
        if (n - i >= 6) {
          om = digits(s, s.charAt(i + 3) == ':' ? i + 4 : i + 3, 2);
        }
        if (oh < 0 || om < 0) {
          return UNKNOWN;
        }
        offsetSeconds = (oh * 3600L + om * 60L) * (z == '-' ? -1 : 1);
      } else if (z != 'Z' && z != 'z' && z != ' ') {
        return UNKNOWN;
      }
    }
    long days;
    try {
      days = LocalDateTime.of(year, month, day, 0, 0).toLocalDate().toEpochDay();
    } catch (java.time.DateTimeException e) {
      return UNKNOWN;
    }
    long seconds = days * 86400L + hour * 3600L + min * 60L + sec - offsetSeconds;
    return seconds * TICKS_PER_SECOND + fraction;
  }

  /** ISO-8601 UTC with the full 100 ns precision: {@code 2019-10-27T05:45:39.8510000Z}; empty when unknown. */
  public static String format(long ticks) {
    if (ticks == UNKNOWN) {
      return "";
    }
    long seconds = Math.floorDiv(ticks, TICKS_PER_SECOND);
    long frac = Math.floorMod(ticks, TICKS_PER_SECOND);
    LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    StringBuilder b = new StringBuilder(28);
    pad(b, t.getYear(), 4).append('-');
    pad(b, t.getMonthValue(), 2).append('-');
    pad(b, t.getDayOfMonth(), 2).append('T');
    pad(b, t.getHour(), 2).append(':');
    pad(b, t.getMinute(), 2).append(':');
    pad(b, t.getSecond(), 2).append('.');
    pad(b, (int) frac, 7).append('Z');
    return b.toString();
  }

  private static StringBuilder pad(StringBuilder b, int v, int width) {
    String s = Integer.toString(v);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(s);
  }

  private static int digits(CharSequence s, int at, int count) {
    int v = 0;
    for (int i = at; i < at + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** The index of the first of {@code sorted} (ascending times) at or after {@code t}: {@code sorted.length} when none is. */
  public static int firstAtOrAfter(long[] sorted, long t) {
    return firstAtOrAfter(sorted.length, i -> sorted[i], t);
  }

  /** As {@link #firstAtOrAfter(long[], long)} over {@code n} items whose times {@code timeAt} gives, ascending. */
  public static int firstAtOrAfter(int n, java.util.function.IntToLongFunction timeAt, long t) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (timeAt.applyAsLong(mid) < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
