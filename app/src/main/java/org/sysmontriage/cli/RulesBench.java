package org.sysmontriage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sysmontriage.event.TriageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench rules [--repeat N] PATH...}: loading and compiling rule folders in a fresh JVM per run,
 * as a user's command does: cold (every file parsed, {@code rules check --no-cache}) and warm (the
 * compiled-rule cache of the folders, written by one untimed run first), alternating, in a temporary
 * home so the user's own cache is not touched; medians of the load (wall and CPU) and of the whole
 * process.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "Time loading and compiling rule folders in a fresh JVM per run: cold (no cache) and warm (compiled-rule cache), alternating; print medians.")
final class RulesBench implements Callable<Integer> {
  private static final Pattern TIMING = Pattern.compile("loaded and compiled in ([0-9.]+) s wall, ([0-9.]+) s CPU; (\\d+) file");

  @Option(names = "--repeat", defaultValue = "3", description = "rounds (default ${DEFAULT-VALUE})")
  int repeat;

  @Option(names = "--xmx", defaultValue = "1g", description = "heap of each JVM (default ${DEFAULT-VALUE})")
  String xmx;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "rule folders or files (e.g. ../shared/sigma/rules/windows)")
  List<Path> paths;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Path home = Files.createTempDirectory("sysmon-triage-bench-rules");
    try {
      List<String> warm = command(home, false);
      List<String> cold = command(home, true);
      run(warm); // writes the cache
      double[][] c = new double[3][repeat];
      double[][] w = new double[3][repeat];
      for (int r = 0; r < repeat; r++) {
        double[] a = timed(cold);
        double[] b = timed(warm);
        for (int k = 0; k < 3; k++) {
          c[k][r] = a[k];
          w[k][r] = b[k];
        }
        out.printf(Locale.ROOT, "round %d: cold load %.3f s wall, %.3f s CPU (process %.3f s); warm load %.3f s wall, %.3f s CPU"
            + " (process %.3f s), %d files from the cache%n", r + 1, a[0], a[1], a[2], b[0], b[1], b[2], (long) b[3]);
        out.flush();
      }
      out.printf(Locale.ROOT, "median: cold load %.3f s wall, %.3f s CPU (process %.3f s); warm load %.3f s wall, %.3f s CPU"
          + " (process %.3f s); load average %.1f%n", BenchCommand.ImportBench.median(c[0]), BenchCommand.ImportBench.median(c[1]),
          BenchCommand.ImportBench.median(c[2]), BenchCommand.ImportBench.median(w[0]), BenchCommand.ImportBench.median(w[1]),
          BenchCommand.ImportBench.median(w[2]), java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      return TriageCommand.OK;
    } finally {
      deleteTree(home);
    }
  }

  private List<String> command(Path home, boolean noCache) {
    List<String> cmd = BenchCommand.ownCli(xmx, "-Dsysmontriage.home=" + home);
    cmd.addAll(List.of("rules", "check", "--timing"));
    if (noCache) {
      cmd.add("--no-cache");
    }
    paths.forEach(p -> cmd.add(p.toString()));
    return cmd;
  }

  /** Load wall, load CPU, whole process wall, files from the cache. */
  private static double[] timed(List<String> cmd) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    String output = run(cmd);
    double process = (System.nanoTime() - t0) / 1e9;
    Matcher m = TIMING.matcher(output);
    if (!m.find()) {
      throw new TriageException("the rules check run printed no timing: " + output.strip());
    }
    return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), process, Double.parseDouble(m.group(3))};
  }

  private static String run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String text;
    try (InputStream in = p.getInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    p.waitFor();
    return text;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
