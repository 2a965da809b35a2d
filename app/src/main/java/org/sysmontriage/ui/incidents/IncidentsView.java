package org.sysmontriage.ui.incidents;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.sysmontriage.casefile.HitStatus;
import org.sysmontriage.event.Times;
import org.sysmontriage.incident.ClockSkew;
import org.sysmontriage.incident.Incident;
import org.sysmontriage.incident.Step;
import org.sysmontriage.ui.common.CellTip;
import org.sysmontriage.ui.common.Columns;
import org.sysmontriage.ui.common.Styles;
import org.sysmontriage.ui.common.WhenShown;
import org.sysmontriage.ui.details.ProcessTreeView;

/**
 * Incidents: the list (highest score first) and the story of the one selected: headline, score
 * formula, outcome and why, verdict, the correlation findings that tied it, a mini timeline of its
 * steps, the steps with raw times (a step opens its hit in the Hits view), and the process tree. Clock skews found are offered for correction above the list.
 */
public final class IncidentsView extends BorderPane {
  private final IncidentsViewModel vm;
  private final ListView<Incident> list = new ListView<>();
  private final Label headline = new Label();
  private final Label facts = new Label();
  private final Label correlations = new Label();
  private final ChoiceBox<HitStatus> verdict = new ChoiceBox<>();
  private final MiniTimeline timeline = new MiniTimeline();
  private final TableView<Step> steps = new TableView<>();
  private final TableColumn<Step, String> rawTime = Columns.text("Time as logged",
      s -> s.rawTicks() == s.ticks() ? "" : Times.format(s.rawTicks()), 20);
  private final ProcessTreeView tree = new ProcessTreeView();
  private final VBox skewBar = new VBox(4);
  private final WhenShown whenShown = new WhenShown(this);
  /** Names listed in an incident's facts (hosts, users, sources) before "and N more". */
  static final int FACT_NAMES = 12;

  public IncidentsView(IncidentsViewModel vm) {
    this.vm = vm;
    setId(IncidentIds.VIEW);
    list.setId(IncidentIds.LIST);
    list.setItems(vm.incidents());
    list.setCellFactory(v -> new IncidentCell());
    list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
      if (b != null) {
        vm.selectedProperty().set(b);
      }
    });
    // The story of the selected incident (its headline reads every step; the steps table, mini timeline, process tree
    // and correlation lines are filled from them) is made only while the view shows: the incidents follow the hits
    // filter, which the analyst changes on the Hits tab.
    vm.selectedProperty().addListener((o, a, b) -> whenShown.run(() -> show(vm.selectedProperty().get())));
    skewBar.setId(IncidentIds.SKEW_BAR);
    vm.skews().addListener((ListChangeListener<ClockSkew>) c -> skewRows());
    Label status = new Label();
    status.setId(IncidentIds.STATUS);
    status.textProperty().bind(vm.statusProperty());
    SplitPane split = new SplitPane(list, story());
    split.setDividerPositions(0.34);
    setTop(new VBox(4, skewBar, status));
    BorderPane.setMargin(getTop(), new Insets(4, 8, 4, 8));
    setCenter(split);
  }

  private ScrollPane story() {
    headline.setId(IncidentIds.HEADLINE);
    headline.setWrapText(true);
    headline.getStyleClass().add(Styles.SECTION);
    facts.setId(IncidentIds.FACTS);
    facts.setWrapText(true);
    verdict.setId(IncidentIds.VERDICT);
    verdict.getItems().setAll(HitStatus.values());
    verdict.setConverter(new StringConverter<>() {
      @Override
      public String toString(HitStatus s) {
        return s == null ? "" : s.label();
      }

      @Override
      public HitStatus fromString(String s) {
        return HitStatus.parse(s);
      }
    });
    verdict.valueProperty().bindBidirectional(vm.verdictProperty());
    verdict.setOnAction(e -> vm.setVerdict(verdict.getValue()));
    steps.setId(IncidentIds.STEPS);
    steps.getColumns().add(Columns.text("Time (UTC)", s -> Times.format(s.ticks()), 20));
    rawTime.setVisible(false); // shown only for an incident whose times a clock-skew correction moved
    steps.getColumns().add(rawTime);
    steps.getColumns().add(Columns.text("Source", Step::evidence, 6));
    steps.getColumns().add(Columns.text("Analytic", s -> s.context() ? "(context)" : s.analyticId(), 16));
    steps.getColumns().add(Columns.text("Step", Step::summary, 50));
    steps.setRowFactory(v -> {
      javafx.scene.control.TableRow<Step> row = new javafx.scene.control.TableRow<>();
      row.setOnMouseClicked(e -> {
        if (e.getClickCount() == 2 && !row.isEmpty()) {
          vm.openStep(row.getItem());
        }
      });
      return row;
    });
    steps.setOnKeyPressed(e -> {
      if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
        vm.openStep(steps.getSelectionModel().getSelectedItem());
        e.consume();
      }
    });
    Button open = new Button("Show in Hits");
    open.setId(IncidentIds.STEP_OPEN);
    open.setTooltip(new javafx.scene.control.Tooltip("Select the step's hit in the Hits view, or show its event there when no analytic reported it (Enter, double-click)"));
    open.disableProperty().bind(steps.getSelectionModel().selectedItemProperty().isNull());
    open.setOnAction(e -> vm.openStep(steps.getSelectionModel().getSelectedItem()));
    correlations.setId(IncidentIds.CORRELATIONS);
    correlations.setWrapText(true);
    tree.setId(IncidentIds.PROCESS_TREE);
    tree.onOpen(vm::openEvent);
    Label verdictLabel = new Label("Verdict for every hit:");
    verdictLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never cut: the choice box gives way
    verdictLabel.setTooltip(new javafx.scene.control.Tooltip("The verdict chosen here is set on every hit of the incident"));
    HBox verdictRow = new HBox(8, verdictLabel, verdict);
    verdictRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    HBox stepsRow = new HBox(8, new Label("Steps"), open);
    stepsRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    Label treeLabel = new Label("Process tree (\u25b6 the incident's own processes; Enter or a double-click opens a process's start)");
    treeLabel.setWrapText(true);
    VBox box = new VBox(8, headline, verdictRow, facts, correlations, timeline, stepsRow, steps, treeLabel, tree);
    box.setPadding(new Insets(8));
    // The steps table and the process tree take the height the texts leave (a tall window, a 4K screen: before, they
    // kept 260 and 180 px and the bottom third of the window stayed empty); the texts are never squeezed, and below
    // the tables' least heights (in lines of text) the story scrolls.
    for (javafx.scene.layout.Region r : java.util.List.of(headline, verdictRow, facts, correlations, timeline, stepsRow, treeLabel)) {
      r.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    }
    steps.minHeightProperty().bind(ems(12));
    steps.prefHeightProperty().bind(ems(20));
    tree.minHeightProperty().bind(ems(8));
    tree.prefHeightProperty().bind(ems(14));
    VBox.setVgrow(steps, javafx.scene.layout.Priority.ALWAYS);
    VBox.setVgrow(tree, javafx.scene.layout.Priority.ALWAYS);
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    scroll.setFitToHeight(true);
    return scroll;
  }

  /** {@code n} ems of the story's text, following Ctrl+= and the screen's text size. */
  private javafx.beans.binding.DoubleBinding ems(double n) {
    return javafx.beans.binding.Bindings.createDoubleBinding(() -> facts.getFont().getSize() * n, facts.fontProperty());
  }

  private void show(Incident i) {
    if (i == null) {
      headline.setText("No incident");
      facts.setText("");
      correlations.setText("");
      steps.getItems().clear();
      timeline.show(java.util.List.of());
      tree.show(java.util.List.of(), false);
      return;
    }
    if (list.getSelectionModel().getSelectedItem() != i) {
      list.getSelectionModel().select(i);
    }
    IncidentsViewModel.Story story = vm.story(i); // made beside the incidents when they arrived with it selected
    headline.setText(i.id() + " \u00b7 score " + i.score().value() + " \u00b7 " + i.outcome().word() + " \u00b7 " + story.headline());
    facts.setText("Hosts: " + few(i.hosts()) + "\nUsers: " + (i.users().isEmpty() ? "-" : few(i.users()))
        + "\nFrom " + i.start() + " to " + i.end() + " \u00b7 " + hits(i.hits().size())
        + (i.campaignId() == null ? "" : " \u00b7 campaign " + i.campaignId())
        + "\nScore: " + i.score().formula() + "\nOutcome: " + i.outcomeReason()
        + "\nATT&CK: " + String.join(", ", i.techniques()) + " (" + String.join(", ", i.tactics()) + ")"
        + "\nEvidence sources: " + few(i.sources()));
    correlations.setText(i.correlations().isEmpty() ? "" : "Tied by Sigma correlation rules:\n" + String.join("\n", story.correlationLines()));
    correlations.setManaged(!i.correlations().isEmpty());
    correlations.setVisible(!i.correlations().isEmpty());
    steps.getItems().setAll(i.steps());
    rawTime.setVisible(story.corrected());
    timeline.show(i.steps());
    tree.show(story.tree(), false);
  }

  /** Correlation lines shown at most (see {@link IncidentsViewModel#correlationLines}). */
  static final int MAX_CORRELATION_LINES = IncidentsViewModel.MAX_CORRELATION_LINES;

  static java.util.List<String> correlationLines(Incident i) {
    return IncidentsViewModel.correlationLines(i);
  }

  /** At most {@value #FACT_NAMES} names, then how many more: a wrapped label of 60,000 user names took seconds of FX time per layout in bench ui. */
  static String few(java.util.List<String> names) {
    if (names.size() <= FACT_NAMES) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, FACT_NAMES)) + String.format(" and %,d more", names.size() - FACT_NAMES);
  }

  private void skewRows() {
    skewBar.getChildren().clear();
    for (ClockSkew s : vm.skews()) {
      boolean applied = vm.applied(s);
      Label text = new Label("Clock skew: " + s.describe() + (applied ? " - corrected (confirmed in the case)" : " - not corrected"));
      text.setWrapText(true);
      Button b = new Button(applied ? "Undo correction" : "Apply correction");
      b.setId(IncidentIds.SKEW_APPLY);
      b.setOnAction(e -> vm.applySkew(s, !applied));
      skewBar.getChildren().add(new HBox(8, text, b));
    }
  }

  static String hits(int n) {
    return n + (n == 1 ? " hit" : " hits");
  }

  /** A list row: id, score, outcome, hosts and start; wrapped to the list's width (large text, small screen). */
  private static final class IncidentCell extends org.sysmontriage.ui.common.WrappingCell<Incident> {
    IncidentCell() {
      super(IncidentsView::entry);
    }

    @Override
    protected void updateItem(Incident i, boolean empty) {
      super.updateItem(i, empty);
      if (!empty && i != null) {
        String text = wholeText(); // the whole entry and, made only when the pointer enters, the headline
        CellTip.set(this, () -> text + "\n" + i.headline());
      }
    }
  }

  /**
   * The list's text of an incident: the hosts as in its facts (at most {@value #FACT_NAMES}, then how many
   * more) and the start to the second, date and time apart so a narrow list wraps between them (the story
   * beside it has the full time).
   */
  static String entry(Incident i) {
    String start = i.start();
    String shortStart = start.length() >= 19 && start.charAt(10) == 'T' ? start.substring(0, 10) + " " + start.substring(11, 19) + " UTC" : start;
    return i.id() + "  " + i.score().value() + "  " + i.outcome().word().toUpperCase(java.util.Locale.ROOT)
        + "  " + few(i.hosts()) + "\n" + shortStart + "  " + hits(i.hits().size());
  }
}
