package org.sysmontriage.ui.common;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A tab pane whose tab names wrap onto a second row when the pane is narrow, instead of JavaFX's
 * overflow menu ("Analy ▾" hid the last details tabs at 1024 px with text +3, "Hosts & users ▾" the
 * last main tabs at +6). The names are toggle buttons
 * over the tab pane, whose own header is hidden (CSS {@code wrapped-tabs}); selection stays the tab
 * pane's, so code and keys that select a tab keep working.
 */
public final class WrappingTabs extends VBox {
  /** A tab's name button has the tab's id and this suffix. */
  public static final String NAME_SUFFIX = "-name";
  private final TabPane tabs;
  private final FlowPane bar = new FlowPane();

  public WrappingTabs(TabPane tabs) {
    this.tabs = tabs;
    tabs.getStyleClass().add(Styles.WRAPPED_TABS);
    bar.getStyleClass().add(Styles.TAB_BAR);
    ToggleGroup group = new ToggleGroup();
    for (Tab t : tabs.getTabs()) {
      ToggleButton b = new ToggleButton();
      b.textProperty().bind(t.textProperty());
      b.disableProperty().bind(t.disableProperty());
      if (t.getId() != null) {
        b.setId(t.getId() + NAME_SUFFIX);
      }
      b.setMinWidth(Region.USE_PREF_SIZE); // a name is whole or on the next row, never "Analy…"
      b.setToggleGroup(group);
      b.setOnAction(e -> tabs.getSelectionModel().select(t));
      bar.getChildren().add(b);
    }
    // a click on the selected name keeps it selected (a toggle would otherwise unselect itself)
    group.selectedToggleProperty().addListener((o, a, b) -> {
      if (b == null && a != null) {
        a.setSelected(true);
      }
    });
    tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> show(i.intValue()));
    show(tabs.getSelectionModel().getSelectedIndex());
    bar.prefWrapLengthProperty().bind(widthProperty());
    setVgrow(tabs, javafx.scene.layout.Priority.ALWAYS);
    getChildren().addAll(bar, tabs);
  }

  /**
   * Greys out a tab's name and ignores clicks on it while {@code unavailable} holds, without disabling the tab:
   * a disabled tab disables its content, and enabling it again restyles every node of it (bench ui measured the
   * workspace's tabs, disabled until logs are open, restyled in the pulse after an import).
   */
  public void unavailableWhile(Tab t, javafx.beans.value.ObservableBooleanValue unavailable) {
    int i = tabs.getTabs().indexOf(t);
    if (i >= 0) {
      bar.getChildren().get(i).disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
          () -> t.isDisable() || unavailable.get(), t.disableProperty(), unavailable));
    }
  }

  private void show(int i) {
    if (i >= 0 && i < bar.getChildren().size()) {
      ((ToggleButton) bar.getChildren().get(i)).setSelected(true);
    }
  }

  public TabPane tabPane() {
    return tabs;
  }

  /** The row(s) of tab names. */
  public FlowPane bar() {
    return bar;
  }
}
