package org.sysmontriage.ui.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sysmontriage.ui.common.AppHome;
import org.sysmontriage.ui.engine.RuleChoice;

/**
 * The analyst's choice of rule packs, kept between sessions in {@code ~/.sysmon-triage/analytics.json}
 * ({@code {"hunt": true, "folders": [{"path": "...", "enabled": true}]}}). A missing or unreadable file
 * means the LSASS analytics alone.
 */
public final class RuleChoiceFile {
  private static final Logger LOG = Logger.getLogger(RuleChoiceFile.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  public RuleChoiceFile(Path file) {
    this.file = file;
  }

  /** The default place, in the application's folder (moved by {@code -Dsysmontriage.home}). */
  public static RuleChoiceFile inAppHome() {
    return new RuleChoiceFile(AppHome.dir().resolve("analytics.json"));
  }

  public RuleChoice load() {
    if (!Files.isRegularFile(file)) {
      return RuleChoice.LSASS_ONLY;
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      List<RuleChoice.Folder> folders = new ArrayList<>();
      for (JsonNode f : root.path("folders")) {
        String p = f.path("path").asText("");
        if (!p.isBlank()) {
          folders.add(new RuleChoice.Folder(Path.of(p).toAbsolutePath().normalize(), f.path("enabled").asBoolean(true)));
        }
      }
      return new RuleChoice(root.path("hunt").asBoolean(false), folders);
    } catch (IOException | InvalidPathException e) {
      LOG.info("ignoring unreadable analytics choice " + file + ": " + e.getMessage());
      return RuleChoice.LSASS_ONLY;
    }
  }

  /** Writes the choice through a temporary file (never half-written); a failure is logged, the choice still applies. */
  public void save(RuleChoice choice) {
    ObjectNode root = JSON.createObjectNode();
    root.put("hunt", choice.hunt());
    ArrayNode folders = root.putArray("folders");
    for (RuleChoice.Folder f : choice.folders()) {
      folders.addObject().put("path", f.path().toString()).put("enabled", f.enabled());
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot save the analytics choice " + file, e);
    }
  }
}
