package org.sysmontriage.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Velociraptor's offline collector stores each uploaded file under {@code uploads/ACCESSOR/...} with
 * every path component URL-encoded ({@code C%3A} for {@code C:}, {@code %25} for {@code %}, so the
 * Windows log {@code Microsoft-Windows-Sysmon%4Operational.evtx} becomes
 * {@code Microsoft-Windows-Sysmon%254Operational.evtx}). Such names are shown decoded. Other archives'
 * names are left alone: KAPE keeps Windows's own {@code %4} in its file names, which is no escape.
 */
final class VelociraptorNames {
  private static final String UPLOADS = "uploads/";

  private VelociraptorNames() {}

  /** The member name as the investigator should read it. */
  static String display(String member) {
    return member.startsWith(UPLOADS) && member.indexOf('%') >= 0 ? decode(member) : member;
  }

  /** {@code %XX} escapes decoded as UTF-8; a {@code %} that starts no escape stays as it is. */
  static String decode(String s) {
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    for (int i = 0; i < in.length; i++) {
      int hi = i + 2 < in.length && in[i] == '%' ? Character.digit(in[i + 1], 16) : -1;
      int lo = hi >= 0 ? Character.digit(in[i + 2], 16) : -1;
      if (lo >= 0) {
        out.write(hi << 4 | lo);
        i += 2;
      } else {
        out.write(in[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
