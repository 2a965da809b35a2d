package org.sysmontriage.detect.lsass;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a process that opens LSASS is a program that does so in everyday use, judged only from
 * the evidence the logs carry (path, signature, OriginalFileName + Company, SHA256), from the
 * resource {@code trusted-lsass-openers.tsv}. A name alone earns nothing; a trusted name at the
 * wrong path or with the wrong signer is a look-alike, which raises suspicion.
 */
public final class Trust {
  /** How far the evidence goes. */
  public enum Level { NONE, LOOKALIKE, PATH_ONLY, EVIDENCE }

  /** The verdict with the reason an analyst reads. */
  public record Verdict(Level level, String reason) {}

  record Entry(String name, String description, List<String> paths, List<String> signers, String originalFileName,
      String company, List<String> sha256) {}

  private static volatile Trust builtIn;
  private final Map<String, Entry> byName = new HashMap<>();

  Trust(List<Entry> entries) {
    entries.forEach(en -> byName.put(en.name(), en));
  }

  public static Trust builtIn() {
    if (builtIn == null) {
      builtIn = new Trust(load());
    }
    return builtIn;
  }

  private static List<Entry> load() {
    List<Entry> out = new ArrayList<>();
    try (InputStream in = Trust.class.getResourceAsStream("/org/sysmontriage/detect/lsass/trusted-lsass-openers.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = Fields.cut(line, '\t').toArray(String[]::new);
        out.add(new Entry(c[0].toLowerCase(Locale.ROOT), c[1], list(c[2], true), list(c[3], false), c[4], c[5], list(c[6], false)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("trusted-lsass-openers.tsv cannot be read", e);
    }
    return out;
  }

  private static List<String> list(String cell, boolean lower) {
    List<String> out = new ArrayList<>();
    for (String s : Fields.cut(cell, ';')) {
      if (!s.isBlank()) {
        out.add(lower ? s.trim().toLowerCase(Locale.ROOT) : s.trim());
      }
    }
    return out;
  }

  /** Judges a process by its image path and whatever the logs say about it ({@code facts} may be null). */
  public Verdict judge(String image, LsassIndex.Process facts) {
    if (image == null) {
      return new Verdict(Level.NONE, "no image path in the event");
    }
    String path = Fields.path(image);
    Entry en = byName.get(WinArgs.baseName(path));
    if (en == null) {
      return new Verdict(Level.NONE, "");
    }
    String sha = facts == null ? null : sha256(facts.hashes());
    if (sha != null && en.sha256().stream().anyMatch(h -> h.equalsIgnoreCase(sha))) {
      return new Verdict(Level.EVIDENCE, "trusted: SHA256 " + sha.substring(0, 12) + "... is " + en.description());
    }
    boolean atPath = en.paths().stream().anyMatch(p -> matches(p, path));
    if (!atPath) {
      return new Verdict(Level.LOOKALIKE, "named like " + en.description() + " but not at its path (" + image + ")");
    }
    if (facts != null && facts.signed != null) {
      String signature = facts.signature();
      String status = facts.signatureStatus();
      boolean validSigner = facts.signed && (status == null || status.equalsIgnoreCase("Valid"))
          && en.signers().stream().anyMatch(s -> s.equalsIgnoreCase(String.valueOf(signature).trim()));
      if (!validSigner) {
        return new Verdict(Level.LOOKALIKE, "named like " + en.description() + " but signed '" + signature + "' (status "
            + status + ", signed " + facts.signed + ")");
      }
      return new Verdict(Level.EVIDENCE, "trusted: " + en.description() + " at its path, signed by " + signature);
    }
    String originalFileName = facts == null ? null : facts.originalFileName();
    if (originalFileName != null) {
      boolean ofn = originalFileName.equalsIgnoreCase(en.originalFileName());
      String company = facts.company();
      boolean companyMatches = company != null && company.equalsIgnoreCase(en.company());
      if (!ofn) {
        return new Verdict(Level.LOOKALIKE, "named like " + en.description() + " but its OriginalFileName is " + originalFileName);
      }
      if (companyMatches) {
        return new Verdict(Level.EVIDENCE, "trusted: " + en.description() + " at its path, OriginalFileName and Company match");
      }
    }
    boolean specific = en.paths().stream().anyMatch(p -> matches(p, path) && !p.equals("c:\\program files\\*")
        && !p.equals("c:\\program files (x86)\\*"));
    if (specific) {
      return new Verdict(Level.PATH_ONLY, "trusted by path only: " + en.description() + " at its own protected path; the logs carry no"
          + " signature or hash for it");
    }
    return new Verdict(Level.NONE, "named like " + en.description() + " at its path, but the logs carry no signature, hash or"
        + " OriginalFileName/Company to confirm it");
  }

  static String sha256(String hashes) {
    if (hashes == null) {
      return null;
    }
    String u = hashes.toUpperCase(Locale.ROOT);
    int i = u.indexOf("SHA256=");
    if (i < 0) {
      return null;
    }
    int end = i + 7;
    while (end < u.length() && Character.digit(u.charAt(end), 16) >= 0) {
      end++;
    }
    return end - (i + 7) == 64 ? u.substring(i + 7, end) : null;
  }

  /** A pattern with at most one {@code *} (any text) against a lower-case path. */
  static boolean matches(String pattern, String path) {
    int star = pattern.indexOf('*');
    if (star < 0) {
      return pattern.equals(path);
    }
    String pre = pattern.substring(0, star);
    String suf = pattern.substring(star + 1);
    return path.length() >= pre.length() + suf.length() && path.startsWith(pre) && path.endsWith(suf);
  }
}
