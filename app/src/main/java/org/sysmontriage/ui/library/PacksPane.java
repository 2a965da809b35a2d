package org.sysmontriage.ui.library;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.common.Styles;
import org.sysmontriage.ui.common.WrappingCell;
import org.sysmontriage.ui.engine.PackStatus;

/**
 * The rule packs above the analytics list: a switch per pack (the LSASS analytics always on), the
 * Hunt pack's licence, the analyst's rule folders with Remove, "Add rule folder…", Reload, the load
 * status and every rule that could not be loaded (file:line: what is wrong).
 */
final class PacksPane extends VBox {
  private final LibraryViewModel vm;
  private final Consumer<String> browser;
  private final VBox rows = new VBox();

  PacksPane(LibraryViewModel vm, Consumer<String> browser) {
    this.vm = vm;
    this.browser = browser;
    setId(Ids.LIBRARY_PACKS);
    getStyleClass().addAll("packs", "details");
    setSpacing(4);
    Label title = new Label("Rule packs");
    title.getStyleClass().add(Styles.SECTION);
    rows.setSpacing(2);
    vm.packs().addListener((ListChangeListener<PackStatus>) c -> rebuild());
    getChildren().addAll(title, rows, actions(), status(), errors());
    rebuild();
  }

  private FlowPane actions() {
    Button add = new Button("Add rule folder…", new FontIcon(Material2OutlinedAL.CREATE_NEW_FOLDER));
    add.setId(Ids.LIBRARY_ADD_FOLDER);
    add.setTooltip(new Tooltip("A folder of your own Sigma rules (.yml, read with its subfolders); it is remembered"));
    add.setOnAction(e -> {
      DirectoryChooser chooser = new DirectoryChooser();
      chooser.setTitle("Folder of Sigma rules");
      File dir = chooser.showDialog(getScene().getWindow());
      if (dir != null) {
        vm.addFolder(dir.toPath());
      }
    });
    Button reload = new Button("Reload", new FontIcon(Material2OutlinedMZ.REFRESH));
    reload.setId(Ids.LIBRARY_RELOAD);
    reload.setTooltip(new Tooltip("Read every rule file again (after fixing one) and run the analytics again"));
    reload.setOnAction(e -> vm.reload());
    add.setMinWidth(Region.USE_PREF_SIZE); // whole, the second one on the next row when narrow
    reload.setMinWidth(Region.USE_PREF_SIZE);
    FlowPane box = new FlowPane(6, 4, add, reload);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  private HBox status() {
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(16, 16);
    busy.visibleProperty().bind(vm.loadingProperty());
    busy.managedProperty().bind(busy.visibleProperty());
    Label text = new Label();
    text.setId(Ids.LIBRARY_STATUS);
    text.getStyleClass().add(Styles.MUTED);
    wrapping(text);
    text.textProperty().bind(vm.statusProperty());
    HBox box = new HBox(6, busy, text);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  private ListView<String> errors() {
    ListView<String> list = new ListView<>(vm.errors());
    list.setId(Ids.LIBRARY_ERRORS);
    list.getStyleClass().add(Styles.ERROR_TEXT);
    list.setPrefHeight(110);
    list.setCellFactory(l -> new WrappingCell<>(s -> s));
    list.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.errors()));
    list.managedProperty().bind(list.visibleProperty());
    return list;
  }

  private void rebuild() {
    rows.getChildren().clear();
    if (vm.packs().isEmpty()) {
      rows.getChildren().add(muted("Loading…"));
    }
    for (PackStatus p : vm.packs()) {
      rows.getChildren().add(switch (p.kind()) {
        case LSASS -> lsass(p);
        case HUNT -> hunt(p);
        case FOLDER -> folder(p);
      });
    }
  }

  private Node lsass(PackStatus p) {
    Label name = wrapping(new Label(p.name() + " (" + rules(p.rules()) + ")", new FontIcon(Material2OutlinedAL.CHECK)));
    return new VBox(name, muted("Always on; their hits come first on the timeline"));
  }

  private Node hunt(PackStatus p) {
    CheckBox box = wrapping(new CheckBox("Hunt: SigmaHQ Windows rules" + (p.enabled() ? " (" + rules(p.rules()) + ")" : "")));
    box.setId(Ids.LIBRARY_PACK_HUNT);
    box.setSelected(vm.choice().hunt());
    box.setDisable(!p.problem().isEmpty());
    box.setOnAction(e -> vm.setHunt(box.isSelected()));
    Hyperlink licence = new Hyperlink("Detection Rule License 1.1");
    licence.setId(Ids.LIBRARY_LICENSE);
    licence.setOnAction(e -> browser.accept(p.licenseUrl()));
    licence.setTooltip(new Tooltip("SigmaHQ's rules are under the DRL 1.1: each hit names its rule's author. " + p.licenseUrl()));
    FlowPane line = new FlowPane(2, 0, muted("SigmaHQ community rules, licence:"), licence);
    line.setAlignment(Pos.CENTER_LEFT);
    VBox v = new VBox(box, line);
    if (!p.problem().isEmpty()) {
      v.getChildren().add(muted(p.problem()));
    } else if (p.folder() != null) {
      v.getChildren().add(muted("From " + p.folder()));
    }
    return v;
  }

  private Node folder(PackStatus p) {
    CheckBox box = wrapping(new CheckBox(p.name() + (p.enabled() ? " (" + rules(p.rules()) + (p.errors().isEmpty() ? "" : ", " + p.errors().size()
        + " not loaded") + ")" : "")));
    box.setSelected(vm.choice().folders().stream().anyMatch(f -> f.path().equals(p.folder()) && f.enabled()));
    box.setOnAction(e -> vm.setFolderEnabled(p.folder(), box.isSelected()));
    Button remove = new Button("Remove");
    remove.setTooltip(new Tooltip("Stop using this folder (its files are not touched)"));
    remove.setOnAction(e -> vm.removeFolder(p.folder()));
    HBox line = new HBox(6, box, remove);
    line.setAlignment(Pos.CENTER_LEFT);
    Path folder = p.folder();
    return new VBox(line, muted(p.problem().isEmpty() ? folder.toString() : p.problem()));
  }

  private static String rules(int n) {
    return String.format("%,d %s", n, n == 1 ? "rule" : "rules");
  }

  private static Label muted(String s) {
    Label l = wrapping(new Label(s));
    l.getStyleClass().add(Styles.MUTED);
    return l;
  }

  /** Wraps in a narrow pane, as tall as its lines (a wrapped label in a box gets one line and "…" otherwise). */
  private static <L extends javafx.scene.control.Labeled> L wrapping(L l) {
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }
}
