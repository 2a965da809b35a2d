package org.sysmontriage.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

/** Filter combo boxes whose first entry means "any" and maps to null in the ViewModel. */
public final class Choices {
  /** The "any" entry: a private instance, never equal to a real value. */
  private static final String ANY = new String("any");

  private Choices() {}

  public static ComboBox<String> filter(String id, String anyLabel, ObservableList<String> values,
      ObjectProperty<String> target, Function<String, String> label) {
    ComboBox<String> box = new AnyBox(anyLabel);
    box.setId(id);
    Runnable sync = () -> {
      List<String> items = new ArrayList<>();
      items.add(ANY);
      items.addAll(values);
      box.getItems().setAll(items);
      box.setValue(target.get() == null ? ANY : target.get());
    };
    values.addListener((ListChangeListener<String>) c -> sync.run());
    sync.run();
    box.valueProperty().addListener((o, a, v) -> target.set(v == null || v == ANY ? null : v));
    target.addListener((o, a, v) -> box.setValue(v == null ? ANY : v));
    Function<String, String> show = v -> v == null || v == ANY ? anyLabel : label.apply(v);
    box.setCellFactory(l -> new TextCell(show));
    box.setButtonCell(new TextCell(show));
    return box;
  }

  /** A combo box never narrower than its "any" label (the values may elide; "All ho…" says nothing). */
  private static final class AnyBox extends ComboBox<String> {
    private final String anyLabel;

    AnyBox(String anyLabel) {
      this.anyLabel = anyLabel;
    }

    @Override
    protected double computeMinWidth(double height) {
      ListCell<String> cell = getButtonCell();
      javafx.scene.Node arrow = lookup(".arrow-button");
      double arrowWidth = arrow instanceof javafx.scene.layout.Region r ? r.prefWidth(-1) : cell.getFont().getSize() * 2;
      return Math.ceil(Fit.textWidth(anyLabel, cell.getFont()) + cell.snappedLeftInset() + cell.snappedRightInset()
          + arrowWidth + snappedLeftInset() + snappedRightInset() + 2);
    }
  }

  private static final class TextCell extends ListCell<String> {
    private final Function<String, String> show;

    TextCell(Function<String, String> show) {
      this.show = show;
    }

    @Override
    protected void updateItem(String item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty ? null : show.apply(item));
    }
  }
}
