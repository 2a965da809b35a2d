package org.sysmontriage.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real public logs in {@code ../shared/corpus}. Tests call {@link #dir()}: when the corpus is
 * absent (a user's clone) the test is skipped with the reason; when {@code -Dcorpus.required=true}
 * (CI) it fails instead, so CI can never pass by skipping.
 */
public final class Corpus {
  private Corpus() {}

  public static Path dir() {
    String configured = System.getProperty("corpus.dir", "../../shared/corpus");
    Path dir = Path.of(configured).toAbsolutePath().normalize();
    boolean present = Files.isRegularFile(dir.resolve("LABELS.csv"));
    if (!present && Boolean.getBoolean("corpus.required")) {
      fail("the real-log corpus is required (-Dcorpus.required=true) but " + dir + "/LABELS.csv is missing");
    }
    assumeTrue(present, "real-log corpus not found at " + dir + " (clone ../shared beside the project to run these tests)");
    return dir;
  }

  /** A file of the corpus by its LABELS.csv path (archive members: the part before {@code ::}). */
  public static Path file(String labelPath) {
    int sep = labelPath.indexOf("::");
    return dir().resolve(sep < 0 ? labelPath : labelPath.substring(0, sep));
  }

  /** Every row of LABELS.csv. */
  public static List<Label> labels() {
    try {
      List<String> lines = Files.readAllLines(dir().resolve("LABELS.csv"), StandardCharsets.UTF_8);
      List<Label> out = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (!line.isBlank()) {
          out.add(Label.parse(line));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One row of LABELS.csv. */
  public record Label(String path, String label, String variant, String evidence, String format,
      long events, long sysmonEvents, String sysmonEids, String duplicateOf, String note) {

    static Label parse(String line) {
      List<String> c = splitCsv(line);
      while (c.size() < 10) {
        c.add("");
      }
      return new Label(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), Long.parseLong(c.get(5)),
          Long.parseLong(c.get(6)), c.get(7), c.get(8), c.get(9));
    }

    public boolean isEvtx() {
      return format.startsWith("EVTX");
    }

    public boolean isArchiveMember() {
      return path.contains("::");
    }

    /** The source name our CLI prints for this log, relative to the corpus dir. */
    public String member() {
      int sep = path.indexOf("::");
      return sep < 0 ? null : path.substring(sep + 2);
    }

    public boolean hasEvidence(String code) {
      for (String e : evidence.split(",")) {
        if (e.trim().equals(code)) {
          return true;
        }
      }
      return false;
    }
  }

  static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cur.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
