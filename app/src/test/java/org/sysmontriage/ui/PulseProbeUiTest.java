package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.ui.common.FxTaskRunner;
import org.sysmontriage.ui.engine.CoreEngine;
import org.sysmontriage.ui.shell.ShellViewModel;
import org.sysmontriage.ui.start.RecentFiles;
import org.sysmontriage.ui.start.SampleLogs;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window keeps responding while a large log is imported and analysed: an AnimationTimer
 * records the longest gap between FX pulses. The figure is printed (PULSE-PROBE line, also
 * target/pulse-probe.txt) for the notes; the test asserts only that pulses went on during the import. Size: -Dui.probe.events=N (default 60,000).
 */
@ExtendWith(ApplicationExtension.class)
class PulseProbeUiTest {
  @TempDir static Path dir;
  private ShellViewModel vm;

  @Start
  void start(Stage stage) {
    vm = TriageWindow.open(stage, new TriageWindow.Parts(new CoreEngine(), new FxTaskRunner(),
        new RecentFiles(dir.resolve("recent.json")), SampleLogs.locate(), url -> {}));
    stage.show();
  }

  @Test
  void theWindowKeepsRespondingWhileALargeLogImports(FxRobot robot) throws Exception {
    int events = Integer.getInteger("ui.probe.events", 60_000);
    Path log = bigLog(dir.resolve("big.ndjson"), events);
    long[] worst = {0};
    String[] during = {""};
    long[] pulses = {0};
    long[] pulsesWhileImporting = {0};
    FxStallReporter[] stall = new FxStallReporter[1];
    AnimationTimer timer = new AnimationTimer() {
      private long last;

      @Override
      public void handle(long now) {
        if (last > 0 && now - last > worst[0]) {
          worst[0] = now - last;
          during[0] = vm.investigationProperty().get() != null ? "after open" : vm.importing().phaseProperty().get();
        }
        last = now;
        stall[0].pulsed();
        pulses[0]++;
        if (vm.investigationProperty().get() == null) {
          pulsesWhileImporting[0]++;
        }
      }
    };
    Thread[] fxThread = new Thread[1];
    robot.interact(() -> fxThread[0] = Thread.currentThread());
    FxStallReporter stalls = new FxStallReporter(fxThread[0], 400);
    stall[0] = stalls;
    stalls.start();
    robot.interact(timer::start);
    long t0 = System.nanoTime();
    robot.interact(() -> vm.open(List.of(log.toString())));
    WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> vm.investigationProperty().get() != null);
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(timer::stop);
    stalls.stop();
    double seconds = (System.nanoTime() - t0) / 1e9;
    String line = String.format("PULSE-PROBE events=%d open+analytics=%.1fs pulses=%d (%d while importing) worst-gap=%.0fms (%s)",
        vm.investigationProperty().get().store().size(), seconds, pulses[0], pulsesWhileImporting[0], worst[0] / 1e6, during[0]);
    System.out.println(line);
    Files.writeString(Path.of("target", "pulse-probe.txt"), line + "\n");
    // No timed assertion: the figure goes to the notes. Pulses kept coming while the workers read.
    assertTrue(pulsesWhileImporting[0] >= 3, line);
  }

  /** The sample OTRF log without its long Message text, repeated to {@code events} lines. */
  private static Path bigLog(Path out, int events) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = new ArrayList<>();
    Path sample = SampleLogs.locate().orElseThrow().resolve("json/otrf-flat_SRV-FILE-01_sysmon.json");
    for (String l : Files.readAllLines(sample)) {
      if (!l.isBlank()) {
        ObjectNode n = (ObjectNode) json.readTree(l);
        n.remove("Message");
        lines.add(json.writeValueAsString(n));
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(out)) {
      for (int i = 0; i < events; i++) {
        w.write(lines.get(i % lines.size()));
        w.write('\n');
      }
    }
    return out;
  }
}
