package org.sysmontriage.ui.start;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The logs opened lately, newest first, kept in a small JSON file under the user's home
 * ({@code ~/.sysmon-triage/recent.json}). A missing or unreadable file means "none yet".
 */
public final class RecentFiles {
  static final int MAX = 10;
  private static final Logger LOG = Logger.getLogger(RecentFiles.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  public RecentFiles(Path file) {
    this.file = file;
  }

  /** The default place: {@code ~/.sysmon-triage/recent.json}. */
  public static RecentFiles inUserHome() {
    return new RecentFiles(org.sysmontriage.ui.common.AppHome.dir().resolve("recent.json"));
  }

  /** Each entry is the list of paths opened together. */
  public List<List<String>> load() {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return JSON.readValue(file.toFile(), new TypeReference<List<List<String>>>() {});
    } catch (IOException e) {
      LOG.info("ignoring unreadable recent files list " + file + ": " + e.getMessage());
      return List.of();
    }
  }

  /** Puts {@code paths} first, drops an older identical entry, keeps the newest {@link #MAX}. */
  public List<List<String>> add(List<String> paths) {
    List<List<String>> next = new ArrayList<>(load());
    next.remove(paths);
    next.add(0, List.copyOf(paths));
    List<List<String>> kept = List.copyOf(next.subList(0, Math.min(MAX, next.size())));
    save(kept);
    return kept;
  }

  private void save(List<List<String>> entries) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), entries);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot save the recent files list " + file, e);
    }
  }
}
