package org.sysmontriage.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.sigma.ValueTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench regex [--mb N] [--repeat R]}: every built-in Sigma {@code re} test on one log value of N MB
 * (path-like text of random words, each run its own value), as the detector runs it (the required-literal
 * filter first) and RE2/J alone, alternating; prints the CPU medians and the ratio per pattern.
 */
@Command(name = "regex", mixinStandardHelpOptions = true,
    description = "Time every built-in Sigma re test on an N MB value: with the required-literal filter and RE2/J alone, side by side.")
final class RegexBench implements Callable<Integer> {
  @Option(names = "--mb", defaultValue = "16", description = "value size in MB (default ${DEFAULT-VALUE})")
  int mb;

  @Option(names = "--repeat", defaultValue = "3", description = "runs per pattern and way (default ${DEFAULT-VALUE})")
  int repeat;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Random random = new Random(16);
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    out.printf(Locale.ROOT, "value: %d MB of path-like text, a new value per run; CPU of this thread; load %.1f%n", mb,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    for (ValueTest t : AnalyticLibrary.builtIn().valueTests()) {
      if (!(t instanceof ValueTest.RegexTest r)) {
        continue;
      }
      double[] filtered = new double[repeat];
      double[] alone = new double[repeat];
      boolean same = true;
      for (int run = 0; run < repeat; run++) {
        String value = value(random, mb << 20);
        long c0 = threads.getCurrentThreadCpuTime();
        boolean a = t.test(value);
        long c1 = threads.getCurrentThreadCpuTime();
        boolean b = r.pattern().matcher(value).find();
        long c2 = threads.getCurrentThreadCpuTime();
        filtered[run] = (c1 - c0) / 1e6;
        alone[run] = (c2 - c1) / 1e6;
        same &= a == b;
      }
      double f = BenchCommand.ImportBench.median(filtered);
      double re2 = BenchCommand.ImportBench.median(alone);
      out.printf(Locale.ROOT, "%-60s filtered %8.1f ms, RE2/J alone %8.1f ms: %6.1fx%s%n", TerminalText.safe(clip(r.key())), f, re2,
          re2 / Math.max(f, 0.001), same ? "" : " (ANSWERS DIFFER)");
      out.flush();
    }
    return TriageCommand.OK;
  }

  private static String clip(String s) {
    return s.length() <= 60 ? s : s.substring(0, 59) + "~";
  }

  /** Random lower-case words joined by backslashes and spaces: a long command line or path. */
  private static String value(Random random, int length) {
    StringBuilder b = new StringBuilder(length);
    while (b.length() < length) {
      for (int k = 3 + random.nextInt(8); k > 0; k--) {
        b.append((char) ('a' + random.nextInt(26)));
      }
      b.append(random.nextInt(3) == 0 ? ' ' : '\\');
    }
    b.setLength(length);
    return b.toString();
  }
}
