package org.sysmontriage.fleet;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.ingest.Importer;
import org.sysmontriage.ingest.LogPart;
import org.sysmontriage.ingest.PartResult;
import org.sysmontriage.ingest.SplitReading;

/**
 * Inputs given as URIs ({@code hdfs://}, {@code s3a://}, {@code abfs://}, {@code file://}...), read
 * through Hadoop's FileSystem API with the connectors the cluster has. The driver lists them (a
 * folder recursively, in sorted order, as the desktop walks a folder); each file is one piece, read
 * by a task that copies it (read-only) into a private temporary folder and reads the copy as a
 * local file is read: the same readers, formats and issues, sources named by the URI as given.
 * Plain paths are left to {@link SplitReading} (and cut into ranges when big).
 */
final class HadoopInputs {
  private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*");
  /** A copy is read whole: no range is cut out of it. */
  private static final long WHOLE = 1L << 40;

  private HadoopInputs() {}

  /** True for an input given as a URI with a scheme ({@code hdfs://nn/logs}), read through Hadoop. */
  static boolean isUri(String input) {
    return URI.matcher(input).matches();
  }

  /** Hadoop's configuration as plain strings, to send to the executors ({@link Configuration} is not serializable). */
  static Map<String, String> settings(Configuration conf) {
    Map<String, String> out = new HashMap<>();
    conf.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static Configuration configuration(Map<String, String> settings) {
    Configuration conf = new Configuration(false);
    settings.forEach(conf::set);
    return conf;
  }

  /**
   * The pieces of all inputs in the order given: plain paths as {@link SplitReading#plan} cuts them,
   * each file under a URI as one piece; inputs numbered in that order.
   */
  static List<LogPart> plan(List<String> inputs, long splitBytes, Map<String, String> settings) {
    if (inputs.stream().noneMatch(HadoopInputs::isUri)) {
      return SplitReading.plan(inputs, splitBytes);
    }
    List<LogPart> out = new ArrayList<>();
    int next = 0;
    for (String in : inputs) {
      List<LogPart> parts = isUri(in) ? listed(in, configuration(settings)) : SplitReading.plan(List.of(in), splitBytes);
      int files = 0;
      for (LogPart p : parts) {
        out.add(new LogPart(next + p.file(), p.part(), p.parts(), p.source(), p.path(), p.kind(), p.explicit(), p.size(),
            p.from(), p.to(), p.problem()));
        files = Math.max(files, p.file() + 1);
      }
      next += files;
    }
    return out;
  }

  /** The files under a URI, each a whole piece; a URI that cannot be listed is an unreadable input. */
  private static List<LogPart> listed(String in, Configuration conf) {
    try {
      Path root = new Path(in);
      FileSystem fs = root.getFileSystem(conf);
      FileStatus status = fs.getFileStatus(root);
      if (!status.isDirectory()) {
        return List.of(new LogPart(0, 0, 1, in, status.getPath().toString(), LogPart.Kind.WHOLE, true, status.getLen(), 0,
            status.getLen(), null));
      }
      String prefix = status.getPath().toUri().getPath();
      TreeMap<String, FileStatus> files = new TreeMap<>();
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        LocatedFileStatus f = it.next();
        String path = f.getPath().toUri().getPath();
        if (f.isFile() && path.startsWith(prefix)) {
          files.put(path.substring(prefix.length()).replaceFirst("^/+", ""), f);
        }
      }
      List<LogPart> out = new ArrayList<>();
      files.forEach((rel, f) -> out.add(new LogPart(out.size(), 0, 1, in.endsWith("/") ? in + rel : in + "/" + rel,
          f.getPath().toString(), LogPart.Kind.WHOLE, false, f.getLen(), 0, f.getLen(), null)));
      return out;
    } catch (FileNotFoundException e) {
      return List.of(unreadable(in, "no such file or folder"));
    } catch (IOException | RuntimeException e) {
      return List.of(unreadable(in, "cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
    }
  }

  private static LogPart unreadable(String in, String why) {
    return new LogPart(0, 0, 1, in, in, LogPart.Kind.UNREADABLE, true, 0, 0, 0, why);
  }

  /**
   * A qualified Hadoop path ({@code file:/logs/a.evtx}, {@code hdfs://nn/logs/a.evtx}): a scheme of two
   * letters or more (never a Windows drive), where a local piece's path is absolute.
   */
  private static final Pattern QUALIFIED = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

  /** True for a piece that names a file by URI: {@link #read} reads it. */
  static boolean remote(LogPart part) {
    return part.kind() == LogPart.Kind.WHOLE && QUALIFIED.matcher(part.path()).matches();
  }

  /**
   * Reads a file named by URI: copied into a private temporary folder (the original is only opened
   * for reading), then read as a local file is (a file found in a folder as one of a folder's files,
   * so a README beside the logs is "not a log"), with every name turned back into the URI's.
   */
  static PartResult read(LogPart part, SplitReading.PartSink sink, Map<String, String> settings) {
    java.nio.file.Path temp = null;
    try {
      temp = Files.createTempDirectory("sysmon-triage-remote-");
      Path remote = new Path(part.path());
      String name = remote.getName().isEmpty() ? "input" : remote.getName();
      java.nio.file.Path local = temp.resolve(name);
      try (InputStream in = remote.getFileSystem(configuration(settings)).open(remote)) {
        Files.copy(in, local);
      }
      String prefix = local.toString();
      List<LogPart> plan = SplitReading.plan(List.of(part.explicit() ? prefix : temp.toString()), WHOLE);
      List<PartResult> results = new ArrayList<>();
      for (LogPart p : plan) {
        results.add(SplitReading.read(p, (d, source) -> sink.accept(d, rename(source, prefix, part.source()))));
      }
      List<PartResult.Source> sources = new ArrayList<>();
      long events = 0;
      for (SourceInfo s : SplitReading.merge(plan, results)) {
        List<ImportIssue> issues = new ArrayList<>();
        for (ImportIssue i : s.issues()) {
          issues.add(new ImportIssue(rename(i.source(), prefix, part.source()), i.where(), i.message(), i.damage()));
        }
        sources.add(new PartResult.Source(rename(s.source(), prefix, part.source()), s.format(), s.dialect(), s.sha256(),
            s.sizeBytes(), s.events(), s.skipped(), issues));
        events += s.events();
      }
      return new PartResult(part.file(), 0, events, 0, List.of(), "", "", 0, null, sources);
    } catch (IOException | RuntimeException e) {
      String why = "cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      return new PartResult(part.file(), 0, 0, 0, List.of(), "", "", 0, null, List.of(new PartResult.Source(part.source(),
          Importer.UNKNOWN, "", "", 0, 0, 0, List.of(new ImportIssue(part.source(), "file", why)))));
    } finally {
      delete(temp);
    }
  }

  /** A name under the local copy, named under the URI (an archive member keeps its {@code ::MEMBER}). */
  private static String rename(String name, String localPrefix, String source) {
    return name.startsWith(localPrefix) ? source + name.substring(localPrefix.length()) : name;
  }

  private static void delete(java.nio.file.Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<java.nio.file.Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // best effort: the system cleans its temporary folder
    }
  }
}
