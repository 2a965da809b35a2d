package org.sysmontriage.ui.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.sysmontriage.ui.common.Ids;

/** The menu bar: every main action, each with its shortcut. */
final class ShellMenu {
  private final ShellViewModel vm;
  private final ShellView view;

  ShellMenu(ShellViewModel vm, ShellView view) {
    this.vm = vm;
    this.view = view;
  }

  MenuBar bar() {
    MenuBar bar = new MenuBar(file(), viewMenu(), go(), help());
    bar.setId("menu-bar");
    return bar;
  }

  /** The menu bar with Back / Forward buttons at its right end. */
  javafx.scene.layout.HBox top() {
    MenuBar bar = bar();
    javafx.scene.layout.HBox.setHgrow(bar, javafx.scene.layout.Priority.ALWAYS);
    javafx.scene.control.Button back = navButton(Ids.NAV_BACK, org.kordamp.ikonli.material2.Material2OutlinedAL.ARROW_BACK,
        "Back (Alt+Left): the hit, event, process or incident looked at before", vm::back);
    back.disableProperty().bind(vm.canGoBackProperty().not());
    javafx.scene.control.Button forward = navButton(Ids.NAV_FORWARD, org.kordamp.ikonli.material2.Material2OutlinedAL.ARROW_FORWARD,
        "Forward (Alt+Right)", vm::forward);
    forward.disableProperty().bind(vm.canGoForwardProperty().not());
    javafx.scene.layout.HBox top = new javafx.scene.layout.HBox(bar, back, forward);
    top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    top.getStyleClass().add("menu-row");
    return top;
  }

  private static javafx.scene.control.Button navButton(String id, org.kordamp.ikonli.Ikon icon, String tip, Runnable action) {
    javafx.scene.control.Button b = new javafx.scene.control.Button("", new org.kordamp.ikonli.javafx.FontIcon(icon));
    b.setId(id);
    b.getStyleClass().add("flat");
    b.setFocusTraversable(false);
    b.setTooltip(new javafx.scene.control.Tooltip(tip));
    b.setOnAction(e -> action.run());
    return b;
  }

  private Menu go() {
    MenuItem back = item("_Back", "Alt+Left", vm::back);
    back.disableProperty().bind(vm.canGoBackProperty().not());
    MenuItem forward = item("_Forward", "Alt+Right", vm::forward);
    forward.disableProperty().bind(vm.canGoForwardProperty().not());
    return new Menu("_Go", null, back, forward);
  }

  private Menu file() {
    MenuItem samples = item("Open sample logs", "Shortcut+Shift+L", () -> vm.start().openSamples());
    samples.setDisable(!vm.start().samplesAvailable());
    return new Menu("_File", null,
        item("_Open files…", "Shortcut+O", view::openFiles),
        item("Open _folder…", "Shortcut+Shift+O", view::openFolder),
        samples,
        item("Open _case…", "Shortcut+Shift+C", () -> view.caseActions().openCase()),
        new SeparatorMenuItem(),
        item("_Save case", "Shortcut+S", () -> view.caseActions().save()),
        item("Save case _as…", "Shortcut+Shift+S", () -> view.caseActions().saveAs()),
        item("_Export report…", "Shortcut+E", () -> view.caseActions().export()),
        new SeparatorMenuItem(),
        item("_Quit", "Shortcut+Q", view::quit));
  }

  private Menu viewMenu() {
    MenuItem theme = item("Dark theme on/off", "Shortcut+T", () -> view.themes().toggle());
    return new Menu("_View", null,
        item("_Timeline", "Shortcut+1", view::focusTimeline),
        item("_Hits", "Shortcut+2", view::focusHits),
        item("_Events", "Shortcut+3", () -> view.showTab(Ids.TAB_EVENTS)),
        item("H_osts and users", "Shortcut+4", () -> view.showTab(Ids.TAB_HOSTS)),
        item("_Sources and issues", "Shortcut+5", () -> view.showTab(Ids.TAB_SOURCES)),
        item("Analytics _library", "Shortcut+6", () -> view.showTab(Ids.TAB_LIBRARY)),
        item("_Correlations", "Shortcut+7", () -> view.showTab(Ids.TAB_CORRELATIONS)),
        new SeparatorMenuItem(),
        item("_Find", "Shortcut+F", view::find),
        theme,
        item("Larger text", "Shortcut+EQUALS", () -> view.zoomText(ShellView.TEXT_STEP)),
        item("Smaller text", "Shortcut+MINUS", () -> view.zoomText(1 / ShellView.TEXT_STEP)),
        item("Normal text size", "Shortcut+0", () -> view.zoomText(0)));
  }

  private Menu help() {
    return new Menu("_Help", null,
        item("_Keyboard shortcuts", "F1", () -> info("Keyboard shortcuts", Shortcuts.TEXT)),
        item("_About Sysmon Triage", null, () -> info("About Sysmon Triage",
            "Sysmon Triage imports exported Sysmon logs, runs LSASS credential-dumping analytics and shows hits with ATT&CK mapping and risk.")));
  }

  private static MenuItem item(String text, String accelerator, Runnable action) {
    MenuItem m = new MenuItem(text);
    if (accelerator != null) {
      m.setAccelerator(KeyCombination.keyCombination(accelerator));
    }
    m.setOnAction(e -> action.run());
    m.setId("menu-" + text.replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT));
    return m;
  }

  private void info(String title, String text) {
    Alert a = new Alert(Alert.AlertType.INFORMATION, text);
    a.setTitle(title);
    a.setHeaderText(title);
    if (view.getScene() != null) {
      a.initOwner(view.getScene().getWindow());
    }
    a.show();
  }
}
