package org.sysmontriage.ui.details;

import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sysmontriage.ui.common.Styles;
import org.sysmontriage.ui.engine.TechniqueCard;

/**
 * ATT&CK cards: technique or sub-technique id and name with a link to attack.mitre.org, then its tactics. One under
 * the other, each as wide as its text (at most 40 ems) and never wider than the pane: in a narrow pane or with large
 * text the title and the tactics go on lines between their words (a card laid out in a row of a flow pane took its
 * padding beyond the pane's width, under the library page's scroll bar).
 */
public final class TechniqueCards extends VBox {
  private final ObservableList<TechniqueCard> cards;
  private final Consumer<String> browser;

  public TechniqueCards(ObservableList<TechniqueCard> cards, Consumer<String> browser) {
    this.cards = cards;
    this.browser = browser;
    getStyleClass().add("cards");
    setFillWidth(false);
    setMinWidth(0);
    cards.addListener((ListChangeListener<TechniqueCard>) c -> rebuild());
    rebuild();
  }

  private void rebuild() {
    getChildren().clear();
    for (TechniqueCard t : cards) {
      Hyperlink link = new Hyperlink("↗");
      link.setTooltip(new javafx.scene.control.Tooltip("Open " + t.url()));
      link.setOnAction(e -> browser.accept(t.url()));
      link.setMinWidth(Region.USE_PREF_SIZE);
      Label id = new Label(t.id() + (t.name().isEmpty() ? "" : "  " + t.name()), link);
      id.setContentDisplay(ContentDisplay.RIGHT);
      id.getStyleClass().add(Styles.CARD_TITLE);
      String kind = t.isSubTechnique() ? "sub-technique of " + t.parentId() : "technique";
      Label tactics = AnalyticPageView.muted((t.tactics().isEmpty() ? "" : String.join(", ", t.tactics()) + " · ") + kind);
      for (Label l : java.util.List.of(id, tactics)) { // never cut: on lines between words in a narrow pane
        l.setWrapText(true);
        l.setMinWidth(0);
        l.setMinHeight(Region.USE_PREF_SIZE);
      }
      VBox card = new VBox(2, id, tactics);
      card.setMinWidth(0);
      card.getStyleClass().add(Styles.CARD);
      getChildren().add(card);
    }
  }
}
