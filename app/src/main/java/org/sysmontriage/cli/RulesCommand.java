package org.sysmontriage.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.RuleError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rules list [--rules ...]} and {@code rules check PATH...}. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "List the analytics, or check Sigma rule files.",
    subcommands = {RulesCommand.ListRules.class, RulesCommand.CheckRules.class})
public final class RulesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** One line per analytic: id, risk (impact x confidence), severity, techniques, title. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the built-in analytics (and --rules ones).")
  static final class ListRules implements Callable<Integer> {
    @Option(names = "--rules", paramLabel = "DIR_OR_FILE", description = "Also load these rule files or folders.")
    List<Path> rules = List.of();

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      AnalyticLibrary lib = rules.isEmpty() ? AnalyticLibrary.builtIn() : AnalyticLibrary.load(rules);
      out.printf(Locale.ROOT, "%-46s %4s %-8s %-13s %-22s %s%n", "ID", "RISK", "", "SEVERITY", "TECHNIQUES", "TITLE");
      for (Analytic a : lib.analytics()) {
        out.printf(Locale.ROOT, "%-46s %4d %-8s %-13s %-22s %s%n", TerminalText.safe(a.id()), a.risk(), a.impact() + "x" + a.confidence(),
            a.severity().sigmaName(), TerminalText.safe(String.join(",", a.techniques())), TerminalText.safe(a.title()));
      }
      lib.errors().forEach(e -> spec.commandLine().getErr().println(TerminalText.safe(e.toString())));
      out.flush();
      return lib.errors().isEmpty() ? TriageCommand.OK : TriageCommand.PARTIAL;
    }
  }

  /** Loads rule files and prints every error as {@code FILE:LINE: MESSAGE}; exit 1 when any. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Load Sigma rule files or folders and report every error with its file and line. Exit 0 all good, 1 errors.")
  static final class CheckRules implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rule files or folders.")
    List<Path> paths;

    @Option(names = "--no-cache", description = "Compile every rule file (do not use or write the compiled-rule cache of rule folders).")
    boolean noCache;

    @Option(names = "--timing", description = "Also print how long loading and compiling took (wall and CPU) and how many files came from the cache.")
    boolean timing;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      long c0 = DetectBench.processCpuNanos();
      long t0 = System.nanoTime();
      AnalyticLibrary lib = AnalyticLibrary.load(paths, false, noCache ? null : AnalyticLibrary.defaultCacheDir());
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = (DetectBench.processCpuNanos() - c0) / 1e9;
      PrintWriter out = spec.commandLine().getOut();
      for (RuleError e : lib.errors()) {
        out.println(TerminalText.safe(e.toString()));
      }
      lib.notes().forEach(n -> spec.commandLine().getErr().println("note: " + TerminalText.safe(n)));
      spec.commandLine().getErr().flush();
      out.printf(Locale.ROOT, "%d rule(s) loaded, %d error(s)%n", lib.analytics().size(), lib.errors().size());
      if (timing) {
        out.printf(Locale.ROOT, "loaded and compiled in %.3f s wall, %.3f s CPU; %d file(s) from the cache%n", wall, cpu, lib.cachedFiles());
      }
      out.flush();
      return lib.errors().isEmpty() ? TriageCommand.OK : TriageCommand.PARTIAL;
    }
  }
}
