package org.sysmontriage.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.HuntPack;
import org.sysmontriage.event.TriageException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --rules} and {@code --pack} options of the commands that run analytics (a picocli mixin):
 * the built-in LSASS analytics plus the Hunt pack and the user's rule files or folders.
 */
public final class RuleArgs {
  @Option(names = "--rules", paramLabel = "DIR_OR_FILE", description = "Extra Sigma rule files or folders (.yml/.yaml, read recursively); repeatable.")
  List<Path> rules = List.of();

  @Option(names = "--pack", paramLabel = "hunt", description = "Also run a rule pack: hunt = SigmaHQ's Windows rules "
      + "(DRL 1.1; each hit names its rule's author). Found at -Dsysmon.triage.hunt, $SYSMON_TRIAGE_HUNT, "
      + "~/.sysmon-triage/packs/hunt or ../shared/sigma/rules/windows.")
  List<String> packs = List.of();

  /**
   * The analytics to run. An unknown pack is a usage error; a pack that is not installed is a
   * {@link TriageException} saying where to put it.
   */
  AnalyticLibrary library(CommandLine cmd) {
    List<Path> sources = new ArrayList<>();
    for (String pack : packs) {
      if (!HuntPack.known(pack)) {
        throw new CommandLine.ParameterException(cmd, "unknown pack '" + pack + "': the packs are: " + HuntPack.NAME);
      }
      Path folder = HuntPack.folder();
      if (folder == null) {
        throw new TriageException(HuntPack.notInstalled());
      }
      sources.add(folder);
    }
    sources.addAll(rules);
    return sources.isEmpty() ? AnalyticLibrary.builtIn() : AnalyticLibrary.load(sources);
  }
}
