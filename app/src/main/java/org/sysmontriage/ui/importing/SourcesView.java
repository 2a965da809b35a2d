package org.sysmontriage.ui.importing;

import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.ui.common.Columns;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.common.ShownItems;
import org.sysmontriage.ui.common.Styles;

/** The Sources tab: each log with format, dialect, counts and SHA-256; below, every located issue. */
public final class SourcesView extends VBox {

  public SourcesView(SourcesViewModel vm) {
    Label summary = new Label();
    summary.textProperty().bind(vm.summaryProperty());
    summary.getStyleClass().add(Styles.MUTED);
    summary.setWrapText(true);
    summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrapped whole ("15 other files in the folders are n..." at +3)
    summary.setId(Ids.SOURCES_SUMMARY);
    TableView<SourceInfo> sources = new TableView<>();
    ShownItems.bind(sources.itemsProperty(), vm.sources(), sources);
    sources.setId(Ids.SOURCES_TABLE);
    sources.getColumns().add(Columns.text("Log", s -> logName(s.source()), 22, true));
    sources.getColumns().add(Columns.text("Format", SourceInfo::format, 6));
    sources.getColumns().add(Columns.text("Dialect", SourceInfo::dialect, 8));
    sources.getColumns().add(Columns.text("Events", s -> String.format("%,d", s.events()), 6));
    sources.getColumns().add(Columns.text("Skipped", s -> String.format("%,d", s.skipped()), 6));
    sources.getColumns().add(Columns.text("Size", s -> String.format("%,.1f MB", s.sizeBytes() / 1e6), 6));
    sources.getColumns().add(Columns.text("Path", SourceInfo::source, 30)); // before the hash: read first, shortened in the middle
    sources.getColumns().add(Columns.text("SHA-256", SourceInfo::sha256, 40));
    sources.setRowFactory(t -> new org.sysmontriage.ui.common.MarkedRow<>(Styles.DAMAGED, SourceInfo::damaged));
    TableView<ImportIssue> issues = new TableView<>();
    ShownItems.bind(issues.itemsProperty(), vm.issues(), issues);
    issues.setId(Ids.ISSUES_TABLE);
    issues.setPlaceholder(new Label("No import issues: every record was read."));
    issues.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    issues.getColumns().add(Columns.text("Log", i -> logName(i.source()), 22, true));
    issues.getColumns().add(Columns.text("Where", ImportIssue::where, 16));
    issues.getColumns().add(Columns.text("Problem", ImportIssue::shownMessage, 40));
    SplitPane split = new SplitPane(sources, issues);
    split.setOrientation(Orientation.VERTICAL);
    VBox.setVgrow(split, Priority.ALWAYS);
    getStyleClass().add("details");
    getChildren().addAll(summary, split);
  }

  /** The log's own name first ("Security.evtx", "a.zip!/x.evtx" keeps the member): the folder is in the Path column. */
  static String logName(String source) {
    if (source == null) {
      return "";
    }
    int bang = source.indexOf('!');
    int cut = Math.max(source.lastIndexOf('\\', bang < 0 ? source.length() : bang), source.lastIndexOf('/', bang < 0 ? source.length() : bang));
    return cut < 0 ? source : source.substring(cut + 1);
  }

}
