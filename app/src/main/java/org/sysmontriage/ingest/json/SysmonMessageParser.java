package org.sysmontriage.ingest.json;

/**
 * Reads the "Key: value" lines of a rendered Sysmon message ({@code "File created:\nRuleName:
 * -\nUtcTime: ..."}), the fallback for exports whose pipeline moved or dropped EventData fields.
 * Lines end with a real newline, or with a literal backslash-n when the exporter escaped the
 * message twice (HELK {@code z_original_message}); a literal one counts only when a
 * {@code Key:} follows, so a path such as {@code C:\\new} stays whole.
 */
final class SysmonMessageParser {
  private SysmonMessageParser() {}

  static void parse(String message, EcsMap.FieldFiller out) {
    int n = message.length();
    int start = 0;
    while (start < n) {
      int end = lineEnd(message, start);
      field(message, start, end, out);
      start = end < n && message.charAt(end) == '\\' ? end + 2 : end + 1;
    }
  }

  /** Index of the next line break (a real newline, or a literal backslash-n before "Key:"). */
  private static int lineEnd(String s, int from) {
    int n = s.length();
    for (int i = from; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        return i;
      }
      if (c == '\\' && i + 1 < n && s.charAt(i + 1) == 'n' && keyLength(s, i + 2) > 0) {
        return i;
      }
    }
    return n;
  }

  private static void field(String s, int start, int end, EcsMap.FieldFiller out) {
    int keyLen = keyLength(s, start);
    if (keyLen <= 0 || start + keyLen >= end) {
      return;
    }
    int valueStart = start + keyLen + 1;
    if (valueStart < end && s.charAt(valueStart) == ' ') {
      valueStart++;
    }
    int valueEnd = end;
    if (valueEnd > valueStart && s.charAt(valueEnd - 1) == '\r') {
      valueEnd--;
    }
    out.fillMissing(s.substring(start, start + keyLen), s.substring(Math.min(valueStart, valueEnd), valueEnd));
  }

  /** Length of an identifier followed by ':' at {@code at}, or -1. */
  private static int keyLength(String s, int at) {
    int n = s.length();
    int i = at;
    while (i < n && i - at < 64) {
      char c = s.charAt(i);
      if (c == ':') {
        return i > at ? i - at : -1;
      }
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (i > at && c >= '0' && c <= '9');
      if (!ok) {
        return -1;
      }
      i++;
    }
    return -1;
  }
}
