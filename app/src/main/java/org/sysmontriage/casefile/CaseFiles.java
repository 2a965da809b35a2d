package org.sysmontriage.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.sysmontriage.event.TriageException;

/** Loads and saves case files (JSON, UTF-8). Saving is atomic: see {@link AtomicFiles}. */
public final class CaseFiles {
  private static final long MAX_BYTES = 256L << 20;
  private static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  static {
    JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
  }

  private CaseFiles() {}

  /** A case file and what is wrong with its logs on disk (empty when all are present and unchanged). */
  public record Opened(CaseFile caseFile, List<SourceProblem> problems) {}

  /** Loads a case file; a missing, unreadable or foreign file is a {@link TriageException}. */
  public static CaseFile load(Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw new TriageException("case file " + file + " is a folder; give the case's .case.json file");
      }
      if (Files.exists(file) && !Files.isRegularFile(file)) {
        throw new TriageException("case file " + file + " is not a regular file (a pipe, socket or device); save the case to a file and give that file");
      }
      CaseFile c = JSON.readValue(readBounded(file), CaseFile.class);
      if (c == null || !CaseFile.FORMAT.equals(c.format())) {
        throw new TriageException(file + " is not a Sysmon Triage case file (no \"format\": \"" + CaseFile.FORMAT + "\")");
      }
      if (c.version() > CaseFile.VERSION) {
        throw new TriageException(file + " was saved by a newer Sysmon Triage (case format " + c.version() + "); update to open it");
      }
      return c;
    } catch (NoSuchFileException e) {
      throw new TriageException("case file " + file + " does not exist");
    } catch (JsonProcessingException e) {
      throw new TriageException("case file " + file + " is damaged: " + e.getOriginalMessage() + located(e), e);
    } catch (IOException e) {
      throw new TriageException("cannot read case file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The case as a case file holds it (JSON): how the fleet job hands a case to the hosts' analysis. */
  public static String json(CaseFile c) {
    try {
      return JSON.writeValueAsString(c);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a case file always has a JSON form", e);
    }
  }

  /** A case back from {@link #json}'s text. */
  public static CaseFile parse(String json) {
    try {
      return JSON.readValue(json, CaseFile.class);
    } catch (JsonProcessingException e) {
      throw new TriageException("not a case file: " + e.getOriginalMessage(), e);
    }
  }

  /** The file's bytes, refused past {@link #MAX_BYTES} without reading more (its size on disk may lie). */
  private static byte[] readBounded(Path file) throws IOException {
    if (Files.size(file) > MAX_BYTES) {
      throw tooLarge(file);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] b = in.readNBytes((int) MAX_BYTES + 1);
      if (b.length > MAX_BYTES) {
        throw tooLarge(file);
      }
      return b;
    }
  }

  private static TriageException tooLarge(Path file) {
    return new TriageException("case file " + file + " is larger than a case file can be (" + (MAX_BYTES >> 20) + " MB)");
  }

  /** Loads a case file and checks each of its logs on disk (relative paths against the case's folder). */
  public static Opened open(Path file) {
    CaseFile c = load(file);
    Path dir = file.toAbsolutePath().getParent();
    return new Opened(c, SourceCheck.onDisk(c, dir));
  }

  /**
   * Saves atomically: on any failure the file keeps its last good state. A target that is
   * evidence ({@code evidence}) or not a regular file is refused ({@link TriageException}).
   */
  public static void save(Path file, CaseFile c, EvidenceGuard evidence) {
    Path target = evidence.check(file, "the case file");
    try {
      AtomicFiles.write(target, out -> {
        JSON.writeValue(out, c);
        out.write('\n');
      });
    } catch (IOException e) {
      throw new TriageException("cannot save case file " + file + " (the previous version is kept): " + e.getMessage(), e);
    }
  }

  private static String located(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }
}
