package org.sysmontriage.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.event.TriageException;

/** Checks a case's logs: on disk when the case is opened, and against what was imported. */
public final class SourceCheck {
  private SourceCheck() {}

  /**
   * Hashes every plain file the case lists and names those that are missing or changed. Archive
   * members are checked for their archive's presence here and by hash in {@link #againstImport}.
   * Relative paths resolve against {@code baseDir} (the case file's folder) when not found as given.
   */
  public static List<SourceProblem> onDisk(CaseFile c, Path baseDir) {
    List<SourceProblem> out = new ArrayList<>();
    for (CaseSource s : c.sources()) {
      Path p = locate(s.containerPath(), baseDir);
      if (p == null) {
        out.add(new SourceProblem(s.path(), SourceProblem.Kind.MISSING, s.sha256(), ""));
      } else if (!s.archiveMember()) {
        String actual = sha256(p);
        if (!actual.equalsIgnoreCase(s.sha256())) {
          out.add(new SourceProblem(s.path(), SourceProblem.Kind.CHANGED, s.sha256(), actual));
        }
      }
    }
    return out;
  }

  /**
   * Names the logs the case lists that are not on disk, without reading them: the import that follows
   * hashes each log once and {@link #againstImport} compares the hashes.
   */
  public static List<SourceProblem> missing(CaseFile c, Path baseDir) {
    List<SourceProblem> out = new ArrayList<>();
    for (CaseSource s : c.sources()) {
      if (locate(s.containerPath(), baseDir) == null) {
        out.add(new SourceProblem(s.path(), SourceProblem.Kind.MISSING, s.sha256(), ""));
      }
    }
    return out;
  }

  /** Compares the case's logs with the logs imported now, by hash first, then by path. */
  public static List<SourceProblem> againstImport(CaseFile c, List<SourceInfo> imported) {
    List<SourceProblem> out = new ArrayList<>();
    for (CaseSource s : c.sources()) {
      if (imported.stream().anyMatch(i -> i.sha256().equalsIgnoreCase(s.sha256()))) {
        continue;
      }
      SourceInfo samePath = imported.stream().filter(i -> i.source().equals(s.path())).findFirst().orElse(null);
      out.add(samePath == null
          ? new SourceProblem(s.path(), SourceProblem.Kind.NOT_OPENED, s.sha256(), "")
          : new SourceProblem(s.path(), SourceProblem.Kind.CHANGED, s.sha256(), samePath.sha256()));
    }
    return out;
  }

  /** Hex SHA-256 of a file's bytes, read-only. */
  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new TriageException("cannot read " + file + " to check its hash: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path locate(String path, Path baseDir) {
    Path p;
    try {
      p = Path.of(path);
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
    if (Files.isRegularFile(p)) {
      return p;
    }
    if (baseDir != null && !p.isAbsolute() && Files.isRegularFile(baseDir.resolve(p))) {
      return baseDir.resolve(p);
    }
    return null;
  }
}
