package org.sysmontriage.ui.library;

import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.common.WrappingCell;
import org.sysmontriage.ui.common.Styles;
import org.sysmontriage.ui.details.AnalyticPageView;
import org.sysmontriage.ui.details.TechniqueCards;

/** Every analytic on the left; its page, ATT&CK cards and "Show me" on the right. */
public final class LibraryView extends SplitPane {

  /**
   * {@code browsing} is true while the library is shown before any log is open; then a button leads
   * back to the start page ({@code back}).
   */
  public LibraryView(LibraryViewModel vm, Consumer<String> browser, ObservableBooleanValue browsing, Runnable back) {
    ListView<Analytic> list = new ListView<>(vm.analytics());
    list.setId(Ids.LIBRARY_LIST);
    list.setCellFactory(l -> new WrappingCell<>(a -> {
      String pack = vm.packOf(a);
      return (pack.isEmpty() ? "" : pack + " · ") + a.title() + "\n" + a.id() + " · risk " + a.risk()
          + (a.techniques().isEmpty() ? "" : " · " + String.join(", ", a.techniques()));
    }));
    list.widthProperty().addListener((o, w0, w1) -> list.refresh()); // wrapped again at the new width
    list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
    AnalyticPageView page = new AnalyticPageView(browser, "Select an analytic on the left to read its page.");
    TechniqueCards cards = new TechniqueCards(vm.techniques(), browser);
    cards.setId(Ids.LIBRARY_TECHNIQUES);
    Button showMe = new Button("Show me", new FontIcon(Material2OutlinedMZ.PLAY_ARROW));
    showMe.setId(Ids.LIBRARY_SHOW_ME);
    showMe.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the file name beside it elides, never the button
    showMe.setOnAction(e -> vm.showMe());
    Label sample = new Label();
    sample.setId(Ids.LIBRARY_SAMPLE);
    sample.getStyleClass().add(Styles.MUTED);
    // wrapped beside the buttons, never cut ("No sample log for this analytic in sample..." at large text)
    sample.setWrapText(true);
    sample.setMinWidth(0);
    sample.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    sample.setMaxWidth(Double.MAX_VALUE);
    javafx.scene.layout.HBox.setHgrow(sample, javafx.scene.layout.Priority.ALWAYS);
    // a log name wider than the note's room goes on lines between its parts (splunk_WKS-DEV-12_ / xmlwineventlog.xml),
    // never broken anywhere by the label; the whole note is its accessible text
    Runnable noteText = () -> {
      String whole = sample.getAccessibleText();
      javafx.scene.text.Font font = sample.getFont();
      double room = sample.getWidth() - sample.snappedLeftInset() - sample.snappedRightInset();
      sample.setText(org.sysmontriage.ui.common.NameLines.breakLongWords(whole, sample.getWidth() > 0 ? room - 1 : 0,
          w -> org.sysmontriage.ui.common.Fit.textWidth(w, font), font.getSize()));
    };
    sample.widthProperty().addListener((o, a, b) -> noteText.run());
    sample.fontProperty().addListener((o, a, b) -> noteText.run());
    vm.pageProperty().addListener((o, a, p) -> {
      page.show(vm.selectedProperty().get(), p);
      boolean available = vm.sampleLog().isPresent();
      showMe.setDisable(!available);
      sample.setAccessibleText(available ? "Opens " + vm.sampleLog().get().getFileName() + " and selects the hit"
          : "No sample log for this analytic in sample-logs/");
      noteText.run();
    });
    showMe.setTooltip(new Tooltip("Open the sample log where this analytic fires and select its hit"));
    showMe.setDisable(true);
    page.show(null, null);
    Button start = new Button("Start page", new FontIcon(Material2OutlinedAL.ARROW_BACK));
    start.setId(Ids.LIBRARY_BACK);
    start.setOnAction(e -> back.run());
    start.visibleProperty().bind(browsing);
    start.managedProperty().bind(browsing);
    HBox actions = new HBox(start, showMe, sample);
    actions.setAlignment(Pos.CENTER_LEFT);
    actions.getStyleClass().add(Styles.TOOLBAR);
    start.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    actions.setMinWidth(0);
    VBox right = new VBox(actions, cards, page);
    right.setMinWidth(0); // the page wraps to the pane's width (a wide child would push text out of sight)
    right.getStyleClass().add("details");
    ScrollPane scroll = new ScrollPane(right);
    scroll.setId(Ids.LIBRARY_PAGE);
    scroll.setFitToWidth(true);
    VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
    VBox left = new VBox(6, new PacksPane(vm, browser), list);
    getItems().addAll(left, scroll);
    setDividerPositions(0.32);
    list.getSelectionModel().selectFirst();
  }
}
