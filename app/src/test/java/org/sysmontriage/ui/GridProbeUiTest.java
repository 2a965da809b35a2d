package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.ui.common.FxTaskRunner;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.engine.CoreEngine;
import org.sysmontriage.ui.grid.GridState;
import org.sysmontriage.ui.grid.GridView;
import org.sysmontriage.ui.shell.ShellViewModel;
import org.sysmontriage.ui.start.RecentFiles;
import org.sysmontriage.ui.start.SampleLogs;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Bench, not a timed test: opens N events (every record of the sample OTRF log repeated, each copy
 * with distinct values) and drives the Events grid (filter row, sort by a text column, group, find,
 * clear) while an AnimationTimer records the longest gap between FX pulses. Runs only when asked:
 * {@code mvn -o test -Dtest=GridProbeUiTest -Dui.grid.probe.events=1000000}; prints a GRID-PROBE line
 * (also target/grid-probe.txt).
 */
@ExtendWith(ApplicationExtension.class)
class GridProbeUiTest {
  @TempDir static Path dir;
  private ShellViewModel vm;

  @Start
  void start(Stage stage) {
    vm = TriageWindow.open(stage, new TriageWindow.Parts(new CoreEngine(), new FxTaskRunner(),
        new RecentFiles(dir.resolve("recent.json")), SampleLogs.locate(), url -> {}));
    stage.show();
  }

  @Test
  void theGridKeepsTheWindowRespondingOnAMillionEvents(FxRobot robot) throws Exception {
    assumeTrue(Integer.getInteger("ui.grid.probe.events") != null, "a bench: -Dui.grid.probe.events=N runs it");
    int events = Integer.getInteger("ui.grid.probe.events");
    Path log = bigLog(dir.resolve("big.ndjson"), events);
    robot.interact(() -> vm.open(List.of(log.toString())));
    WaitForAsyncUtils.waitFor(900, TimeUnit.SECONDS, () -> vm.investigationProperty().get() != null);
    TableView<Integer> table = robot.lookup(Ids.selector(Ids.EVENTS_TABLE)).queryTableView();
    GridView<EventStore> grid = GridView.of(table);
    int all = vm.investigationProperty().get().store().size();
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> grid.model().result().matched().length == all);

    long[] worst = {0};
    String[] during = {""};
    String[] step = {""};
    AnimationTimer timer = new AnimationTimer() {
      private long last;

      @Override
      public void handle(long now) {
        if (last > 0 && now - last > worst[0]) {
          worst[0] = now - last;
          during[0] = step[0];
        }
        last = now;
      }
    };
    robot.interact(timer::start);
    List<String> times = new ArrayList<>();
    BooleanSupplier settled = () -> !vm.events().summaryProperty().get().startsWith("Searching");
    run(robot, step, times, "filter row What contains lsass", () -> grid.model().update(s -> s.withFilter("what", "lsass")), settled);
    run(robot, step, times, "clear", () -> grid.model().update(GridState::withoutFilters), settled);
    run(robot, step, times, "sort by What", () -> grid.model().update(s -> s.withSort(List.of(new GridState.SortKey("what", true)))), settled);
    run(robot, step, times, "group by host", () -> grid.model().update(s -> s.withGroupBy("host")), settled);
    run(robot, step, times, "find ACME", () -> {
      grid.find();
      robot.lookup("#events-find").queryTextInputControl().setText("acme");
    }, () -> grid.findStatusProperty().get().contains(" of ") || grid.findStatusProperty().get().equals("no match"));
    robot.interact(timer::stop);
    String line = String.format("GRID-PROBE events=%,d worst FX pulse gap: %.0f ms (during %s); %s", all, worst[0] / 1e6, during[0],
        String.join(", ", times));
    System.out.println(line);
    Files.writeString(Path.of("target", "grid-probe.txt"), line + "\n");
    assertTrue(worst[0] > 0, line);
  }

  private static void run(FxRobot robot, String[] step, List<String> times, String name, Runnable action, BooleanSupplier done)
      throws Exception {
    step[0] = name;
    long t0 = System.nanoTime();
    robot.interact(action);
    WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> {
      boolean[] ok = {false};
      javafx.application.Platform.runLater(() -> ok[0] = done.getAsBoolean());
      WaitForAsyncUtils.waitForFxEvents();
      return ok[0];
    });
    times.add(String.format("%s %.1f s", name, (System.nanoTime() - t0) / 1e9));
  }

  /** Every record of the sample OTRF log, repeated to {@code events} lines; each copy's values differ (a copy number). */
  private static Path bigLog(Path out, int events) throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    List<com.fasterxml.jackson.databind.node.ObjectNode> records = new ArrayList<>();
    Path sample = SampleLogs.locate().orElseThrow().resolve("json/otrf-flat_SRV-FILE-01_sysmon.json");
    for (String l : Files.readAllLines(sample)) {
      if (!l.isBlank()) {
        com.fasterxml.jackson.databind.node.ObjectNode n = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(l);
        n.remove("Message");
        records.add(n);
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(out)) {
      for (int i = 0; i < events; i++) {
        com.fasterxml.jackson.databind.node.ObjectNode n = records.get(i % records.size()).deepCopy();
        int copy = i / records.size();
        if (n.has("CommandLine")) {
          n.put("CommandLine", n.get("CommandLine").asText() + " #" + copy);
        }
        if (n.has("Image")) {
          n.put("Image", n.get("Image").asText().replace(".exe", copy + ".exe"));
        }
        if (n.has("TargetFilename")) {
          n.put("TargetFilename", n.get("TargetFilename").asText() + "." + copy);
        }
        w.write(json.writeValueAsString(n));
        w.write('\n');
      }
    }
    return out;
  }
}
