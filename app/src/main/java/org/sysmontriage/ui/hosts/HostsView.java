package org.sysmontriage.ui.hosts;

import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.sysmontriage.ui.common.Columns;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.common.ShownItems;
import org.sysmontriage.ui.common.Styles;

/** Risk roll-up per host and per user; a click (or Enter) shows that one's hits. */
public final class HostsView extends SplitPane {

  public HostsView(HostsViewModel vm) {
    getItems().addAll(
        panel("Hosts by risk", table(Ids.HOSTS_TABLE, "Host", vm.hosts(), vm::filterHost)),
        panel("Users by risk", table(Ids.USERS_TABLE, "User", vm.users(), vm::filterUser)));
  }

  private static VBox panel(String title, TableView<RiskRow> table) {
    Label heading = new Label(title);
    heading.getStyleClass().add(Styles.SECTION);
    Label hint = new Label("Click a row to see its hits. Risk: Sum adds every hit's risk, Max is the worst single hit.");
    hint.getStyleClass().add(Styles.MUTED);
    hint.setWrapText(true);
    VBox.setVgrow(table, Priority.ALWAYS);
    VBox box = new VBox(heading, hint, table);
    box.getStyleClass().add("details");
    return box;
  }

  private static TableView<RiskRow> table(String id, String what, ObservableList<RiskRow> rows, Consumer<RiskRow> choose) {
    TableView<RiskRow> t = new TableView<>();
    ShownItems.bind(t.itemsProperty(), rows, t);
    t.setId(id);
    t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    // short number headers: with text +3 at 1024 px "Risk sum" and "Max risk" left no room and "Max" was cut
    javafx.scene.control.TableColumn<RiskRow, String> name = Columns.text(what, RiskRow::name, 10);
    name.setCellFactory(c -> org.sysmontriage.ui.common.WrapTextCell.names()); // a long name on lines between its words, never cut
    t.getColumns().add(name);
    t.getColumns().add(Columns.text("Sum", r -> Long.toString(r.sum()), 4));
    t.getColumns().add(Columns.text("Max", r -> Integer.toString(r.max()), 4));
    t.getColumns().add(Columns.text("Hits", r -> Integer.toString(r.hits()), 4));
    t.setPlaceholder(new Label("No hits."));
    t.setOnMouseClicked(e -> {
      RiskRow r = t.getSelectionModel().getSelectedItem();
      if (r != null) {
        choose.accept(r);
      }
    });
    t.setOnKeyPressed(e -> {
      RiskRow r = t.getSelectionModel().getSelectedItem();
      if (r != null && e.getCode() == KeyCode.ENTER) {
        choose.accept(r);
      }
    });
    return t;
  }
}
