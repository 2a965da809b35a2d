package org.sysmontriage.ingest;

import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeMap;
import org.sysmontriage.event.CancellationToken;

/**
 * Turns the paths a user gave into files: folders are walked recursively in sorted order
 * (following links, loops skipped), each file sniffed by content. Source names are the paths as
 * given, joined with the path inside a walked folder.
 */
final class InputWalker {
  private final CancellationToken cancel;

  InputWalker(CancellationToken cancel) {
    this.cancel = cancel;
  }

  List<InputFile> walk(List<String> paths) {
    List<InputFile> out = new ArrayList<>();
    for (String given : paths) {
      cancel.check();
      Path path;
      try {
        path = Path.of(given);
      } catch (InvalidPathException e) {
        out.add(problem(given, null, "not a valid path: " + e.getReason()));
        continue;
      }
      if (Files.isDirectory(path)) {
        walkFolder(given, path, out);
      } else if (Files.isRegularFile(path)) {
        out.add(file(given, path, true));
      } else if (Files.exists(path)) {
        out.add(problem(given, path, "not a regular file (a pipe, socket or device): save what it carries to a file "
            + "and give that file"));
      } else {
        out.add(problem(given, path, "no such file or folder"));
      }
    }
    return out;
  }

  private void walkFolder(String given, Path folder, List<InputFile> out) {
    TreeMap<String, Path> files = new TreeMap<>();
    List<InputFile> failures = new ArrayList<>();
    try {
      Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          cancel.check();
          if (attrs.isRegularFile()) {
            files.put(folder.relativize(file).toString().replace(File.separatorChar, '/'), file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          if (!(e instanceof FileSystemLoopException)) {
            failures.add(problem(join(given, folder.relativize(file).toString()), file, reason(e)));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      out.add(problem(given, folder, reason(e)));
      return;
    }
    files.forEach((rel, file) -> out.add(file(join(given, rel.replace('/', File.separatorChar)), file, false)));
    out.addAll(failures);
  }

  private static String join(String folder, String rel) {
    return folder.endsWith("/") || folder.endsWith(File.separator) ? folder + rel : folder + File.separator + rel;
  }

  private static InputFile file(String source, Path path, boolean explicit) {
    try {
      return new InputFile(source, path, FormatSniffer.sniff(path), Files.size(path), explicit, null);
    } catch (IOException e) {
      return problem(source, path, reason(e));
    }
  }

  private static InputFile problem(String source, Path path, String message) {
    return new InputFile(source, path, SniffedFormat.UNKNOWN, 0, true, message);
  }

  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return "cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }
}
