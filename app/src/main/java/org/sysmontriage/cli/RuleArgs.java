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
    List<Path> sources = sources(cmd);
    return sources.isEmpty() ? AnalyticLibrary.builtIn() : AnalyticLibrary.load(sources);
  }

  /**
   * Starts loading the analytics on another thread (a usage or pack problem is thrown here, at once)
   * and building what detection needs of them beforehand, so a command reads its logs meanwhile;
   * {@link Loading#get} waits for them.
   */
  Loading loadInBackground(CommandLine cmd) {
    List<Path> sources = sources(cmd);
    java.util.concurrent.FutureTask<AnalyticLibrary> task = new java.util.concurrent.FutureTask<>(() -> {
      AnalyticLibrary lib = sources.isEmpty() ? AnalyticLibrary.builtIn() : AnalyticLibrary.load(sources);
      lib.prepareDetection();
      return lib;
    });
    Thread t = new Thread(task, "rule-loading");
    t.setDaemon(true);
    t.start();
    return new Loading(task);
  }

  /** Analytics being loaded on another thread. */
  record Loading(java.util.concurrent.Future<AnalyticLibrary> task) {
    /** The library; what the loading threw (out of memory included) is thrown here as it was. */
    AnalyticLibrary get() {
      try {
        return task.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TriageException("interrupted while loading the rules");
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw new TriageException("loading the rules failed: " + e.getCause());
      }
    }
  }

  /** The library's rule errors, one a line, and its notes (a damaged rule cache that was not used). */
  static void printProblems(AnalyticLibrary library, java.io.PrintWriter err) {
    library.errors().forEach(e -> err.println(TerminalText.safe(e.toString())));
    library.notes().forEach(n -> err.println("note: " + TerminalText.safe(n)));
    err.flush();
  }

  private List<Path> sources(CommandLine cmd) {
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
    return sources;
  }
}
