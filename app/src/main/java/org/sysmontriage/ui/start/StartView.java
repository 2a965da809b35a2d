package org.sysmontriage.ui.start;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.common.Styles;

/** The first thing a user sees: ways to open logs, and recent work. */
public final class StartView extends VBox {

  /** What the buttons do that needs a window (file choosers). */
  public interface Actions {
    void openFiles();

    void openFolder();

    /** Shows the analytics library (no log needs to be open). */
    void openLibrary();
  }

  public StartView(StartViewModel vm, Actions actions) {
    setId(Ids.START_VIEW);
    getStyleClass().add(Styles.START);
    setAlignment(Pos.TOP_CENTER);
    Label title = new Label("Sysmon Triage");
    title.getStyleClass().add(Styles.START_TITLE);
    Label subtitle = new Label("Open exported Windows event logs — EVTX, Event Viewer XML, JSON and NDJSON, also inside .zip and .tar.gz — "
        + "to find LSASS credential dumping. Evidence files are opened read-only.");
    subtitle.getStyleClass().add(Styles.START_SUBTITLE);
    subtitle.setWrapText(true);
    subtitle.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    // the buttons whole on as many rows as the width needs (in one row they were cut to "Open fo..." at text +3)
    javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(
        button(Ids.OPEN_FILES, "Open files…", "Ctrl+O", new FontIcon(Material2OutlinedAL.INSERT_DRIVE_FILE), actions::openFiles),
        button(Ids.OPEN_FOLDER, "Open folder…", "Ctrl+Shift+O", new FontIcon(Material2OutlinedAL.FOLDER_OPEN), actions::openFolder),
        samplesButton(vm),
        button(Ids.START_LIBRARY, "Analytics library", "Ctrl+6", new FontIcon(Material2OutlinedAL.LIBRARY_BOOKS), actions::openLibrary));
    buttons.getStyleClass().add("start-buttons");
    buttons.setAlignment(Pos.CENTER);
    buttons.prefWrapLengthProperty().bind(widthProperty());
    Label drop = new Label("…or drop logs, folders or archives anywhere on this window");
    drop.setId(Ids.DROP_TARGET);
    drop.getStyleClass().add(Styles.MUTED);
    Label recentTitle = new Label("Recent");
    recentTitle.getStyleClass().add(Styles.SECTION);
    ListView<List<String>> recent = recentList(vm);
    VBox.setVgrow(recent, Priority.SOMETIMES);
    getChildren().addAll(title, subtitle, buttons, drop, recentTitle, recent);
  }

  private static Button button(String id, String text, String shortcut, FontIcon icon, Runnable action) {
    Button b = new Button(text, icon);
    b.setId(id);
    b.getStyleClass().add("start-button");
    b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    b.setTooltip(new Tooltip(text + "  (" + shortcut + ")"));
    b.setOnAction(e -> action.run());
    return b;
  }

  private static Button samplesButton(StartViewModel vm) {
    Button b = button(Ids.OPEN_SAMPLES, "Open sample logs", "Ctrl+Shift+L", new FontIcon(Material2OutlinedMZ.SCHOOL), vm::openSamples);
    b.setDisable(!vm.samplesAvailable());
    b.setTooltip(new Tooltip(vm.samplesFolder().map(p -> "Open every log in " + p)
        .orElse("No sample-logs folder found next to the program (set -Dsample.logs.dir=PATH)")));
    return b;
  }

  private static ListView<List<String>> recentList(StartViewModel vm) {
    ListView<List<String>> recent = new ListView<>();
    org.sysmontriage.ui.common.ShownItems.bind(recent.itemsProperty(), vm.recent(), recent);
    recent.setId(Ids.RECENT_LIST);
    recent.setPlaceholder(new Label("Nothing opened yet."));
    recent.setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(List<String> item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : StartViewModel.label(item) + "    " + String.join(", ", item));
      }
    });
    recent.setOnMouseClicked(e -> {
      if (e.getClickCount() == 2 && recent.getSelectionModel().getSelectedItem() != null) {
        vm.open(recent.getSelectionModel().getSelectedItem());
      }
    });
    recent.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER && recent.getSelectionModel().getSelectedItem() != null) {
        vm.open(recent.getSelectionModel().getSelectedItem());
      }
    });
    recent.setMaxWidth(900);
    return recent;
  }
}
