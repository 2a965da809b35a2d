package org.sysmontriage.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.ImportIssue;

/**
 * Reads an archive in place and copies each member to a private temporary file (hashing it on
 * the way), never into the evidence folder. Skips folders, {@code __MACOSX/} and {@code ._*}
 * AppleDouble junk; reads one level of archives inside archives; refuses members that expand
 * beyond the limits. A damaged archive keeps every member before the damage.
 */
final class ArchiveExpander {
  static final int MAX_DEPTH = 1;

  private final TempArea temp;
  private final ExpansionBudget budget;
  private final CancellationToken cancel;

  ArchiveExpander(TempArea temp, ExpansionBudget budget, CancellationToken cancel) {
    this.temp = temp;
    this.budget = budget;
    this.cancel = cancel;
  }

  /**
   * The logs (and non-logs) inside {@code file}, named {@code source::MEMBER}, in archive order;
   * {@code position} hears how many bytes of {@code file} have been read so far.
   */
  List<PlannedLog> expand(String source, Path file, SniffedFormat kind, LongConsumer position) {
    return expand(source, file, kind, 0, position);
  }

  private List<PlannedLog> expand(String source, Path file, SniffedFormat kind, int depth, LongConsumer position) {
    List<PlannedLog> out = new ArrayList<>();
    try (ArchiveStream archive = open(file, kind)) {
      for (String name = archive.nextMember(); name != null; name = archive.nextMember()) {
        cancel.check();
        passedOver(source, archive, out);
        if (isJunk(name)) {
          continue;
        }
        String member = VelociraptorNames.display(normalise(name));
        MemberCopy copy = MemberCopy.copy(archive, temp.newFile(member), budget, cancel, position);
        out.addAll(plan(source + "::" + member, copy, depth));
        if (copy.stopsArchive()) {
          return out;
        }
      }
      passedOver(source, archive, out);
    } catch (MemberCopy.TempWriteException e) {
      out.add(PlannedLog.unreadable(source, file, "archive", "not read after " + out.size() + " members: " + e.getMessage()));
      return out;
    } catch (IOException e) {
      out.add(damaged(source, file, kind, out.size(), MemberCopy.reason(e)));
      return out;
    } catch (IllegalArgumentException e) { // java.util.zip's answer to some malformed headers
      out.add(damaged(source, file, kind, out.size(), String.valueOf(e.getMessage())));
      return out;
    }
    if (out.isEmpty()) {
      out.add(PlannedLog.unreadable(source, file, "archive", "the " + kind.label() + " archive holds no files"));
    }
    return out;
  }

  /** Links, devices and pipes inside the archive: listed with a note (never followed, never read). */
  private static void passedOver(String source, ArchiveStream archive, List<PlannedLog> out) {
    for (ArchiveStream.Skipped s : archive.takeSkipped()) {
      String member = source + "::" + normalise(s.name());
      out.add(PlannedLog.note(member, "archive", "not read: this member is " + s.what() + ", not a regular file"
          + " (links are never followed out of an archive)"));
    }
    for (ArchiveStream.Skipped s : archive.takeUnread()) {
      out.add(PlannedLog.unreadable(source + "::" + VelociraptorNames.display(normalise(s.name())), null, "archive", s.what()));
    }
  }

  private static PlannedLog damaged(String source, Path file, SniffedFormat kind, int membersBefore, String reason) {
    return PlannedLog.unreadable(source, file, "archive", "damaged " + kind.label() + " archive after " + membersBefore + " members: " + reason);
  }

  private List<PlannedLog> plan(String source, MemberCopy copy, int depth) throws IOException {
    if (copy.refusal() != null) {
      return List.of(PlannedLog.unreadable(source, null, "archive", copy.refusal()));
    }
    SniffedFormat format = FormatSniffer.sniff(copy.file());
    if (format.isArchive() && copy.damage() == null) {
      List<PlannedLog> inner = depth < MAX_DEPTH
          ? expand(source, copy.file(), format, depth + 1, at -> { })
          : List.of(PlannedLog.unreadable(source, null, "archive",
              "an archive nested more than " + MAX_DEPTH + " level deep is not read: extract the outer archive and open this one"));
      Files.deleteIfExists(copy.file());
      return inner;
    }
    if (!format.isLog()) {
      Files.deleteIfExists(copy.file());
      return List.of(copy.damage() != null
          ? PlannedLog.unreadable(source, null, "archive", copy.damage())
          : PlannedLog.notALog(source, null, copy.size(), copy.sha256()));
    }
    List<ImportIssue> issues = copy.damage() == null ? List.of()
        : List.of(new ImportIssue(source, "archive", copy.damage()));
    return List.of(new PlannedLog(source, copy.file(), format, copy.size(), copy.sha256(), issues, false));
  }

  private static ArchiveStream open(Path file, SniffedFormat kind) throws IOException {
    return switch (kind) {
      case ZIP -> new ZipArchiveStream(file);
      case SEVEN_Z -> new SevenZArchiveStream(file);
      case TAR, TAR_GZ, TAR_BZ2, TAR_XZ -> new TarArchiveStream(file, Decompressors.of(kind));
      case GZIP, BZIP2, XZ -> new CompressedFileStream(file, Decompressors.of(kind));
      default -> throw new IllegalArgumentException("not an archive: " + kind);
    };
  }

  /** A member name without a leading {@code ./} or {@code /}, with forward slashes. */
  static String normalise(String name) {
    String n = name.replace('\\', '/');
    while (n.startsWith("./") || n.startsWith("/")) {
      n = n.substring(n.startsWith("./") ? 2 : 1);
    }
    return n;
  }

  /** Folders' macOS resource forks and Finder files: binary junk, never logs. */
  static boolean isJunk(String name) {
    String n = name.replace('\\', '/');
    String base = n.substring(n.lastIndexOf('/') + 1);
    return n.startsWith("__MACOSX/") || n.contains("/__MACOSX/") || base.startsWith("._") || base.equals(".DS_Store") || base.isEmpty();
  }
}
