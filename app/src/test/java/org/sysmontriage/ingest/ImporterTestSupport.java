package org.sysmontriage.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.SourceInfo;

/** Runs the importer with {@link LineReader}s in place of the real readers. */
final class ImporterTestSupport {
  private ImporterTestSupport() {}

  static ImportResult run(ImportOptions options, String... paths) {
    return new Importer(options, LineReader.all()).run(List.of(paths), ImportProgress.NONE, new CancellationToken());
  }

  static ImportResult run(String... paths) {
    return run(ImportOptions.defaults().withThreads(2), paths);
  }

  static SourceInfo source(ImportResult r, String name) {
    return r.sources().stream().filter(s -> s.source().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no source " + name + " in " + names(r)));
  }

  static List<String> names(ImportResult r) {
    return r.sources().stream().map(SourceInfo::source).toList();
  }

  static String listing(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.map(p -> dir.relativize(p) + ":" + p.toFile().length()).sorted().collect(Collectors.joining(","));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
