package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sysmontriage.ui.bench.PulseProbe;
import org.sysmontriage.ui.start.SampleLogs;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * {@code bench ui} on Monocle with a small store: the probe opens the real window, the pulses go on
 * while the logs are read and analysed, and the report ends with the figure. No timed assertion: the
 * figure is measured with {@code bench ui} (README). Size: -Dui.probe.events=N (default 60,000).
 */
@ExtendWith(ApplicationExtension.class)
class PulseProbeUiTest {
  private static final Pattern PHASE = Pattern.compile("^\\s+(import|analysis)\\s+worst gap\\s+\\d+ ms, worst FX CPU in a gap\\s+-?\\d+ ms, over ([\\d,]+) pulses; FX CPU in all ([\\d,]+) ms$", Pattern.MULTILINE);

  private static final Pattern WINDOW_START = Pattern.compile("^window start \\(from the JVM's start\\): built at ([\\d.]+) s; "
      + "readied \\(CSS, layout, one paint off screen\\) and shown in [\\d,]+ ms \\(([\\d,]+) ms FX CPU, ([\\d,]+) ms render thread CPU, "
      + "before its first pulse\\), shown at ([\\d.]+) s; first frame on screen by ([\\d.]+) s \\(pulse 3\\), "
      + "the process's CPU time by then ([\\d.]+) s$", Pattern.MULTILINE);

  @Test
  void theProbeReportsTheWorstPulseGapWhileTheWindowKeepsResponding() throws Exception {
    int events = Integer.getInteger("ui.probe.events", 60_000);
    Path sample = SampleLogs.locate().orElseThrow().resolve("json/otrf-flat_SRV-FILE-01_sysmon.json");
    StringWriter text = new StringWriter();
    PulseProbe.run(List.of(sample.toString()), events, 200, new PrintWriter(text));
    String report = text.toString();
    System.out.print(report);
    Files.writeString(Path.of("target", "pulse-probe.txt"), report);
    String[] lines = report.strip().split("\n");
    assertTrue(lines[lines.length - 1].matches("worst FX pulse gap: \\d+ ms"), report);
    assertTrue(report.contains(String.format("%,d synthetic events", events)), report);
    assertTrue(report.matches("(?s).*\nincidents: \\d+ incidents .*, [\\d.]+ s after the first 200 ms on the Incidents view .*"),
        "the probe waits on the Incidents view until the incidents are built and says so:\n" + report);
    assertTrue(report.matches("(?s).*\nworst FX CPU in one gap: \\d+ ms\n.*"), report);
    assertTrue(report.matches("(?s).*\n  window start +worst gap +\\d+ ms, .*"), "the window's first frames are reported apart:\n" + report);
    Matcher windowPulses = Pattern.compile("\n  window start +worst gap .*, over (\\d+) pulses;").matcher(report);
    assertTrue(windowPulses.find() && Integer.parseInt(windowPulses.group(1)) >= 3, "the window's start holds the gap that ends at the"
        + " pulse the import begins in (the import opens in the pulse after the one that waited for frame 1: pulse 3):\n" + report);
    Matcher start = WINDOW_START.matcher(report);
    assertTrue(start.find(), "the window's start is reported from the JVM's start:\n" + report);
    double built = Double.parseDouble(start.group(1));
    double shown = Double.parseDouble(start.group(4));
    double firstFrame = Double.parseDouble(start.group(5));
    assertTrue(built > 0 && built <= shown && shown <= firstFrame, "built, shown, first frame in that order:\n" + report);
    assertTrue(Long.parseLong(start.group(2).replace(",", "")) > 0, "the FX thread styled and laid the window out:\n" + report);
    assertTrue(Long.parseLong(start.group(3).replace(",", "")) > 0, "the render thread painted it off screen:\n" + report);
    assertTrue(Double.parseDouble(start.group(6)) > 0, report);
    long pulsesWhileBusy = 0;
    long cpuWhileBusy = 0;
    for (Matcher m = PHASE.matcher(report); m.find(); ) {
      pulsesWhileBusy += Long.parseLong(m.group(2).replace(",", ""));
      cpuWhileBusy += Long.parseLong(m.group(3).replace(",", ""));
    }
    assertTrue(cpuWhileBusy > 0, "the FX thread's CPU over the import's and analysis's pulses:\n" + report);
    assertTrue(pulsesWhileBusy >= 3, "the window kept pulsing while it read and analysed:\n" + report);
  }
}
