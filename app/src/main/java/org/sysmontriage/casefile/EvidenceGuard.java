package org.sysmontriage.casefile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.event.TriageException;

/**
 * What an investigation read (the paths as given: files, folders, archives; and every file read
 * from disk), so that nothing the tool writes (report, export, case file) lands on evidence. A
 * target is refused when it is one of these files (same real path or same file key, so symbolic
 * and hard links count), lies inside an input folder, or exists and is not a regular file.
 */
public final class EvidenceGuard {
  /** No evidence known: only the regular-file check applies. */
  public static final EvidenceGuard NONE = new EvidenceGuard(List.of());

  private final List<Path> paths;

  private EvidenceGuard(Collection<Path> paths) {
    this.paths = List.copyOf(paths);
  }

  /** The paths as the user gave them (before an import has listed what it read). */
  public static EvidenceGuard ofGiven(Collection<String> given) {
    return of(given, List.of());
  }

  /** The paths as given and every log read (an archive member's archive; a walked folder's files). */
  public static EvidenceGuard of(Collection<String> given, Collection<SourceInfo> sources) {
    Set<Path> all = new LinkedHashSet<>();
    given.forEach(g -> add(all, g));
    for (SourceInfo s : sources) {
      int member = s.source().indexOf("::");
      add(all, member < 0 ? s.source() : s.source().substring(0, member));
      if (s.localFile() != null) {
        all.add(s.localFile());
      }
    }
    return new EvidenceGuard(all);
  }

  private static void add(Set<Path> all, String path) {
    try {
      all.add(Path.of(path));
    } catch (InvalidPathException e) {
      // not a path on this system: nothing there to protect
    }
  }

  /**
   * The file to write for {@code target} (a symbolic link is followed to the file it names, so
   * the link stays), or a {@link TriageException} saying why it may not be written.
   *
   * @param what what is being written, for the message ("--out", "the case file")
   */
  public Path check(Path target, String what) {
    Path real = realTarget(target, what);
    if (Files.exists(real)) {
      if (Files.isDirectory(real)) {
        throw refuse(what, target, "is a folder; name a file in it");
      }
      if (!Files.isRegularFile(real)) {
        throw refuse(what, target, "is not a regular file (a device, pipe or socket); only regular files are written");
      }
    }
    for (Path p : paths) {
      Path input = realOrNull(p);
      if (input == null) {
        continue;
      }
      if (Files.isDirectory(input)) {
        if (real.startsWith(input)) {
          throw refuse(what, target, "is inside the input folder " + p + "; evidence is never written to: choose a file outside it");
        }
      } else if (real.equals(input) || sameFile(real, input)) {
        throw refuse(what, target, "is " + p + ", evidence being read (or a link to it); evidence is never overwritten: choose another file");
      }
    }
    return real;
  }

  /** The target with every existing part resolved to its real path (links followed). */
  private static Path realTarget(Path target, String what) {
    Path abs = target.toAbsolutePath().normalize();
    if (Files.isSymbolicLink(abs) && !Files.exists(abs)) {
      throw refuse(what, target, "is a symbolic link to a missing file; name the file itself");
    }
    List<Path> missing = new ArrayList<>();
    Path existing = abs;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      missing.add(0, existing.getFileName());
      existing = existing.getParent();
    }
    Path real = existing == null ? abs.getRoot() : realOrNull(existing);
    if (real == null) {
      return abs;
    }
    for (Path name : missing) {
      real = real.resolve(name);
    }
    return real;
  }

  private static Path realOrNull(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.isSameFile(a, b);
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  private static TriageException refuse(String what, Path target, String why) {
    return new TriageException(what + " " + target + " " + why);
  }
}
