package org.sysmontriage.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The project's own {@code sample-logs/} folder (system property {@code sample.logs.dir}) and its
 * {@code expected-hits.csv}: which event of which log each analytic must report (tp, known-fp) or
 * must not (near-miss). Archive members are named {@code ARCHIVE::MEMBER} as the CLI names them.
 */
public final class SampleLogs {
  private SampleLogs() {}

  public static Path dir() {
    Path dir = Path.of(System.getProperty("sample.logs.dir", "../sample-logs")).toAbsolutePath().normalize();
    if (!Files.isRegularFile(dir.resolve("expected-hits.csv"))) {
      fail("sample-logs/expected-hits.csv is missing under " + dir);
    }
    return dir;
  }

  /** Every log file directly in the folder tree (archives included, generator sources excluded). */
  public static List<Path> files(String extension) {
    try (var walk = Files.walk(dir())) {
      return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(extension))
          .filter(p -> !dir().relativize(p).startsWith("samplegen")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One row of expected-hits.csv. */
  public record ExpectedHit(String file, long recordId, String computer, int eventId, String utcTime,
      String analytic, String expect, String note) {}

  public static List<ExpectedHit> expectedHits() {
    try {
      List<String> lines = Files.readAllLines(dir().resolve("expected-hits.csv"), StandardCharsets.UTF_8);
      List<ExpectedHit> out = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        List<String> c = Corpus.splitCsv(line);
        out.add(new ExpectedHit(c.get(0), Long.parseLong(c.get(1)), c.get(2), Integer.parseInt(c.get(3)), c.get(4), c.get(5), c.get(6), c.get(7)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The members of a .zip or .tar.gz of the folder (name -> bytes), skipping __MACOSX junk. */
  public static Map<String, byte[]> members(Path archive) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    if (archive.toString().endsWith(".zip")) {
      try (ZipInputStream z = new ZipInputStream(Files.newInputStream(archive))) {
        for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
          if (!e.isDirectory() && !e.getName().startsWith("__MACOSX/")) {
            out.put(e.getName(), z.readAllBytes());
          }
        }
      }
      return out;
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
      byte[] tar = in.readAllBytes();
      for (int at = 0; at + 512 <= tar.length && tar[at] != 0; ) {
        String name = cString(tar, at, 100);
        long size = Long.parseLong(cString(tar, at + 124, 12).trim(), 8);
        char type = (char) tar[at + 156];
        int data = at + 512;
        if (type == '0' || type == 0) {
          ByteArrayOutputStream b = new ByteArrayOutputStream();
          b.write(tar, data, (int) size);
          out.put(name, b.toByteArray());
        }
        at = data + (int) ((size + 511) / 512 * 512);
      }
    }
    return out;
  }

  private static String cString(byte[] b, int at, int max) {
    int end = at;
    while (end < at + max && b[end] != 0) {
      end++;
    }
    return new String(b, at, end - at, StandardCharsets.US_ASCII);
  }
}
