package org.sysmontriage.ui.casework;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sysmontriage.casefile.AtomicFiles;
import org.sysmontriage.casefile.CaseFile;
import org.sysmontriage.casefile.CaseFiles;
import org.sysmontriage.casefile.EvidenceGuard;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.ui.common.AppHome;

/**
 * Unsaved triage kept safe in the background: after every change the case as it stands is written
 * (atomically, off the UI thread) to {@code recovery.case.json} in the application's folder, with
 * the logs it covers in {@code recovery.json}. A clean save or a deliberate discard removes both;
 * what is left at the next start came from a crash or a kill and is offered for restoring.
 */
public final class RecoveryFile {
  private static final Logger LOG = Logger.getLogger(RecoveryFile.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper().disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  /** What the recovery file holds: the case, the logs it was made on and where it was last saved. */
  public record Recovered(CaseFile caseFile, List<String> logs, String casePath, String savedAt) {}

  /** The recovery file's companion: the logs and the case's own path (null when never saved). */
  public record Info(List<String> logs, String casePath, String savedAt) {}

  private final Path dir;
  private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "triage-recovery");
    t.setDaemon(true);
    return t;
  });
  private final AtomicReference<Runnable> pending = new AtomicReference<>();

  public RecoveryFile(Path dir) {
    this.dir = dir;
  }

  public static RecoveryFile inAppHome() {
    return new RecoveryFile(AppHome.dir());
  }

  public Path caseFile() {
    return dir.resolve("recovery.case.json");
  }

  private Path infoFile() {
    return dir.resolve("recovery.json");
  }

  /** Writes the case in the background; only the latest of quick successive changes is written. */
  public void write(CaseFile c, List<String> logs, Path casePath) {
    Info info = new Info(List.copyOf(logs), casePath == null ? null : casePath.toAbsolutePath().toString(), Instant.now().toString());
    schedule(() -> writeNow(c, info));
  }

  /** Removes the recovery file (after a save or a discard), in order after any pending write. */
  public void clear() {
    schedule(this::deleteNow);
  }

  private void schedule(Runnable job) {
    if (pending.getAndSet(job) == null) {
      writer.execute(() -> pending.getAndSet(null).run());
    }
  }

  /** Waits until every scheduled write or removal is done (tests, and quitting). */
  public void flush() {
    try {
      writer.submit(() -> {}).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "the recovery file could not be flushed", e);
    }
  }

  private void writeNow(CaseFile c, Info info) {
    try {
      CaseFiles.save(caseFile(), c, EvidenceGuard.NONE); // our own folder, never an input
      AtomicFiles.write(infoFile(), out -> JSON.writeValue(out, info));
    } catch (IOException | TriageException e) {
      LOG.log(Level.WARNING, "the recovery file could not be written to " + dir, e);
    }
  }

  private void deleteNow() {
    try {
      Files.deleteIfExists(infoFile());
      Files.deleteIfExists(caseFile());
    } catch (IOException e) {
      LOG.log(Level.WARNING, "the recovery file could not be removed from " + dir, e);
    }
  }

  /** Unsaved work left by a crash, if any; a damaged recovery file is reported and skipped. */
  public Optional<Recovered> pending() {
    if (!Files.isRegularFile(infoFile()) || !Files.isRegularFile(caseFile())) {
      return Optional.empty();
    }
    try {
      Info info = JSON.readValue(infoFile().toFile(), Info.class);
      CaseFile c = CaseFiles.load(caseFile());
      return info.logs() == null || info.logs().isEmpty() ? Optional.empty()
          : Optional.of(new Recovered(c, info.logs(), info.casePath(), info.savedAt()));
    } catch (IOException | TriageException e) {
      LOG.log(Level.WARNING, "the recovery file in " + dir + " is damaged and was not offered", e);
      return Optional.empty();
    }
  }
}
