package org.sysmontriage.ui.engine;

import java.nio.file.Path;
import java.util.List;
import org.sysmontriage.detect.RuleError;

/**
 * One pack of rules as loaded: what it is, how many of its rules run, and what could not be loaded.
 *
 * @param kind LSASS (built in), HUNT (SigmaHQ's Windows rules) or FOLDER (the analyst's own)
 * @param name what the library shows: "LSASS analytics", "Hunt", or the folder's name
 * @param folder where its rules are read from; null for the built-in analytics or a Hunt pack not installed
 * @param enabled whether its rules run
 * @param rules rules loaded (0 when switched off)
 * @param errors rules that could not be loaded, each with file and line; the pack's good rules run regardless
 * @param problem why the pack cannot run at all (not installed, folder gone), or empty
 * @param licenseUrl the licence its rules are under (SigmaHQ's Detection Rule License 1.1), or empty
 */
public record PackStatus(Kind kind, String name, Path folder, boolean enabled, int rules, List<RuleError> errors,
    String problem, String licenseUrl) {
  /** The built-in analytics' pack name. */
  public static final String LSASS = "LSASS analytics";
  /** The Hunt pack's name (also in {@link Engine#packs()}). */
  public static final String HUNT = "Hunt";

  /** The kinds of pack, in the order the library lists them. */
  public enum Kind { LSASS, HUNT, FOLDER }

  public PackStatus {
    errors = List.copyOf(errors);
  }
}
