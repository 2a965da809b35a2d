package org.sysmontriage.ui.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * Which rules run beside the LSASS analytics (those always run, and first): SigmaHQ's Windows
 * rules as the Hunt pack, and the analyst's own rule folders, each switched on or off.
 *
 * @param hunt whether the Hunt pack runs
 * @param folders the analyst's rule folders, in the order they were added
 */
public record RuleChoice(boolean hunt, List<Folder> folders) {
  /** Only the LSASS analytics. */
  public static final RuleChoice LSASS_ONLY = new RuleChoice(false, List.of());

  public RuleChoice {
    folders = List.copyOf(folders);
  }

  /** A folder of the analyst's own Sigma rules (read recursively). */
  public record Folder(Path path, boolean enabled) {}

  public RuleChoice withHunt(boolean on) {
    return new RuleChoice(on, folders);
  }

  /** The folder added at the end (switched on); a folder already listed is switched on where it is. */
  public RuleChoice withFolder(Path path) {
    Path p = path.toAbsolutePath().normalize();
    if (folders.stream().anyMatch(f -> f.path().equals(p))) {
      return withFolderEnabled(p, true);
    }
    List<Folder> next = new java.util.ArrayList<>(folders);
    next.add(new Folder(p, true));
    return new RuleChoice(hunt, next);
  }

  public RuleChoice withFolderEnabled(Path path, boolean on) {
    return new RuleChoice(hunt, folders.stream().map(f -> f.path().equals(path) ? new Folder(f.path(), on) : f).toList());
  }

  public RuleChoice withoutFolder(Path path) {
    return new RuleChoice(hunt, folders.stream().filter(f -> !f.path().equals(path)).toList());
  }
}
