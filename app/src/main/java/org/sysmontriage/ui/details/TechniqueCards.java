package org.sysmontriage.ui.details;

import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import org.sysmontriage.ui.common.Styles;
import org.sysmontriage.ui.engine.TechniqueCard;

/** ATT&CK cards: technique or sub-technique id and name, its tactics and a link to attack.mitre.org. */
public final class TechniqueCards extends FlowPane {
  private final ObservableList<TechniqueCard> cards;
  private final Consumer<String> browser;

  public TechniqueCards(ObservableList<TechniqueCard> cards, Consumer<String> browser) {
    this.cards = cards;
    this.browser = browser;
    getStyleClass().add("cards");
    cards.addListener((ListChangeListener<TechniqueCard>) c -> rebuild());
    rebuild();
  }

  private void rebuild() {
    getChildren().clear();
    for (TechniqueCard t : cards) {
      Label id = new Label(t.id() + (t.name().isEmpty() ? "" : "  " + t.name()));
      id.getStyleClass().add(Styles.CARD_TITLE);
      String kind = t.isSubTechnique() ? "sub-technique of " + t.parentId() : "technique";
      Label tactics = AnalyticPageView.muted((t.tactics().isEmpty() ? "" : String.join(", ", t.tactics()) + " · ") + kind);
      tactics.setWrapText(false);
      Hyperlink link = new Hyperlink("↗");
      link.setTooltip(new javafx.scene.control.Tooltip("Open " + t.url()));
      link.setOnAction(e -> browser.accept(t.url()));
      id.setMinWidth(Region.USE_PREF_SIZE); // the technique id and name are never cut
      // a narrow details pane wraps the tactic line under the title instead of cutting it off
      FlowPane card = new FlowPane(8, 2, id, link, tactics);
      card.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
      card.prefWrapLengthProperty().bind(widthProperty().subtract(16));
      card.getStyleClass().add(Styles.CARD);
      getChildren().add(card);
    }
  }
}
