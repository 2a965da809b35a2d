package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.ingest.ImportProgress;
import org.sysmontriage.ingest.Importer;
import org.sysmontriage.testing.Corpus;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.shell.ShellViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every field name of the real corpus in the details' Fields table of a 1024x700 window, at normal text and three
 * steps larger: none is broken inside a word ("Comput / er" before), each line stays in its cell, and a name shown
 * cut has its whole text in the tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class FieldNamesUiTest {
  @TempDir static Path home;
  private static EventStore corpus;
  private static Set<String> allNames;
  private Stage stage;
  private ShellViewModel vm;

  /**
   * The corpus read once; the first events that between them hold every field name, as they are (host, time,
   * fields), in a small store of their own: their related events and process trees are quick to find.
   */
  @BeforeAll
  static void readCorpus() {
    EventStore all = new Importer().run(List.of(Corpus.dir().toString()), ImportProgress.NONE, new CancellationToken()).store();
    allNames = new TreeSet<>();
    org.sysmontriage.event.EventStoreBuilder some = new org.sysmontriage.event.EventStoreBuilder();
    int source = some.addSource("corpus");
    for (int e = 0; e < all.size(); e++) {
      boolean adds = false;
      for (int k = 0; k < all.fieldCount(e); k++) {
        adds |= allNames.add(all.fieldName(e, k));
      }
      if (adds) {
        org.sysmontriage.event.EventDraft d = new org.sysmontriage.event.EventDraft();
        all.copyTo(e, d);
        some.accept(d, source);
      }
    }
    corpus = some.freeze();
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
    vm = LayoutUiTest.smallWindow(stage, home);
  }

  @Test
  void noFieldNameOfTheCorpusIsBrokenInsideAWordAtNormalTextOrThreeStepsLarger(FxRobot robot) throws Exception {
    TableView<Integer> hits = LayoutUiTest.openHits(robot);
    robot.interact(() -> hits.getSelectionModel().select(0)); // a hit's details: the verdict box above the fields, as in use
    ShellUiTest.detailsFilled(robot);
    assertTrue(allNames.size() > 400, "field names in the corpus: " + allNames.size() + " in " + corpus.size() + " events");
    List<String> wrong = new ArrayList<>();
    everyName(robot, "normal text", wrong);
    LayoutUiTest.textThreeStepsLarger(robot);
    everyName(robot, "text +3", wrong);
    assertEquals(List.of(), wrong.subList(0, Math.min(40, wrong.size())), wrong.size() + " names wrong");
  }

  /** Shows each covering event in the hit details and checks every row's name, scrolling down the table. */
  private void everyName(FxRobot robot, String size, List<String> wrong) {
    TableView<?> fields = robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_FIELDS)).queryAs(TableView.class);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < corpus.size(); i++) {
      int e = i;
      robot.interact(() -> vm.hitDetails().show(corpus, e, null));
      String record = Long.toString(corpus.recordId(e));
      String time = org.sysmontriage.event.Times.format(corpus.ticks(e));
      try { // the rows may be filled a pulse or two after the selection
        // the rows read on the FX thread, which fills them (streamed from here they gave a ConcurrentModificationException)
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> {
          List<?> rows = WaitForAsyncUtils.asyncFx(() -> List.copyOf(fields.getItems())).get();
          return rows.stream().anyMatch(r -> r instanceof org.sysmontriage.ui.details.FieldRow f && f.name().equals("EventRecordID") && f.value().equals(record))
              && rows.stream().anyMatch(r -> r instanceof org.sysmontriage.ui.details.FieldRow f && f.value().equals(time));
        });
      } catch (java.util.concurrent.TimeoutException x) {
        throw new AssertionError("the fields of record " + record + " were not shown", x);
      }
      robot.interact(() -> {
        Set<String> here = new java.util.LinkedHashSet<>(); // a row seen again after a scroll is reported once
        int rows = fields.getItems().size();
        for (int first = 0; first < rows; ) {
          scrollInto(fields, first);
          Set<String> shown = new HashSet<>();
          FieldNameCells.check(fields, here, shown);
          seen.addAll(shown);
          int next = first + 1;
          while (next < rows && shown.contains(((org.sysmontriage.ui.details.FieldRow) fields.getItems().get(next)).name())) {
            next++;
          }
          first = next;
        }
        here.forEach(w -> wrong.add(size + ", event " + corpus.eventId(e) + ": " + w));
      });
    }
    Set<String> missed = new TreeSet<>(allNames);
    missed.removeAll(seen);
    if (!missed.isEmpty()) {
      wrong.add(size + ": names never shown in a cell: " + missed);
    }
    assertTrue(seen.contains("Computer"), size);
  }

  /**
   * Scrolls until row {@code row} is laid out in a cell in sight, as the next pulses would: the flow places rows on
   * their estimated heights and corrects them at its next layout, so one scroll could leave the row below a tall
   * one (a CallTrace put on lines for its column's width) out of sight. At least two passes, at most ten; then
   * scrolled on by half a page at a time, as a person would.
   */
  private static void scrollInto(TableView<?> table, int row) {
    for (int pass = 0; pass < 10; pass++) {
      table.scrollTo(row);
      table.applyCss();
      table.layout();
      if (pass > 0 && inSight(table, row)) {
        return;
      }
    }
    // as a person does with the wheel: on down by half a page at a time until the row shows (the flow's scrollTo placed
    // rows on estimated heights and left a row below a tall one hidden, its scroll bar not at the end)
    javafx.scene.control.skin.VirtualFlow<?> flow = (javafx.scene.control.skin.VirtualFlow<?>) table.lookup(".virtual-flow");
    for (int step = 0; step < 400 && !inSight(table, row); step++) {
      if (flow.scrollPixels(flow.getHeight() / 2) == 0) {
        return; // at the end: the row is reported as never shown
      }
      table.layout();
    }
  }

  private static boolean inSight(TableView<?> table, int row) {
    javafx.scene.Node flow = table.lookup(".virtual-flow");
    javafx.geometry.Bounds body = flow.localToScene(flow.getLayoutBounds());
    return table.lookupAll(".table-row-cell").stream().anyMatch(n -> n instanceof javafx.scene.control.TableRow<?> r
        && r.getIndex() == row && r.isVisible() && !r.isEmpty() && r.localToScene(r.getLayoutBounds()).intersects(body));
  }
}
