package org.sysmontriage.ui.details;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.common.Styles;
import org.sysmontriage.ui.engine.AnalyticPage;

/** An analytic's page: description, test steps, the Sigma rule that runs, implementations, false positives, references. */
public final class AnalyticPageView extends VBox {
  private final Consumer<String> browser;
  private final String emptyText;

  /** {@code browser} opens a URL outside the application. */
  public AnalyticPageView(Consumer<String> browser, String emptyText) {
    this.browser = browser;
    this.emptyText = emptyText;
    getStyleClass().add("analytic-page");
    setMinWidth(0); // wraps to the pane it is shown in
    setFillWidth(true);
  }

  public void show(Analytic a, AnalyticPage page) {
    getChildren().clear();
    if (a == null) {
      getChildren().add(muted(emptyText));
      return;
    }
    Label title = new Label(a.title());
    title.getStyleClass().add(Styles.CARD_TITLE);
    title.setWrapText(true);
    getChildren().addAll(title, muted(a.id() + " · " + a.severity().sigmaName() + " · " + String.join(", ", a.techniques())
        + " · risk " + a.impact() + " × " + a.confidence() + " / 100 = " + a.risk()));
    if (page != null && !page.author().isEmpty()) {
      getChildren().add(muted("Rule by " + page.author()));
    }
    if (page != null && !page.licenseUrl().isEmpty()) {
      Hyperlink licence = link(page.licenseUrl());
      licence.setText("Licence: Detection Rule License 1.1 (SigmaHQ)");
      licence.setTooltip(new javafx.scene.control.Tooltip(page.licenseUrl()));
      getChildren().add(licence);
    }
    getChildren().add(text(page != null && !page.description().isBlank() ? page.description() : a.description()));
    if (page == null) {
      return;
    }
    steps(page.unitTests());
    if (!page.sigma().isBlank()) {
      section("Sigma rule that runs");
      getChildren().addAll(muted("As the engine loaded it from " + page.sigmaSource()), sigma(page.sigma()));
    }
    for (AnalyticPage.Implementation i : page.implementations()) {
      section(i.title());
      getChildren().add(code(i.text()));
    }
    list("Known false positives", page.falsePositives());
    if (!page.references().isEmpty()) {
      section("References");
      page.references().forEach(r -> getChildren().add(link(r)));
    }
  }

  private void steps(List<String> steps) {
    section("Test steps (how to make it fire)");
    if (steps.isEmpty()) {
      getChildren().add(muted("This analytic names no test steps."));
      return;
    }
    for (int i = 0; i < steps.size(); i++) {
      getChildren().add(text((i + 1) + ". " + steps.get(i)));
    }
  }

  /** The rule's YAML, coloured by {@link YamlTokens}, in a box with a Copy button. */
  static VBox sigma(String yaml) {
    TextFlow flow = new TextFlow();
    flow.setId(Ids.ANALYTIC_SIGMA);
    flow.getStyleClass().addAll(Styles.MONO, "sigma-text");
    for (YamlTokens.Token t : YamlTokens.of(yaml)) {
      Text run = new Text(yaml.substring(t.start(), t.end()));
      run.getStyleClass().add(t.kind().styleClass());
      flow.getChildren().add(run);
    }
    Button copy = new Button("Copy rule");
    copy.setOnAction(e -> {
      ClipboardContent c = new ClipboardContent();
      c.putString(yaml);
      Clipboard.getSystemClipboard().setContent(c);
    });
    VBox box = new VBox(flow, copy);
    box.getStyleClass().add("sigma-box");
    return box;
  }

  private void list(String heading, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    section(heading);
    items.forEach(s -> getChildren().add(text("• " + s)));
  }

  private void section(String heading) {
    Label l = new Label(heading);
    l.getStyleClass().add(Styles.SECTION);
    getChildren().add(l);
  }

  private Hyperlink link(String url) {
    Hyperlink h = new Hyperlink(url);
    h.setWrapText(true);
    h.setOnAction(e -> browser.accept(url));
    return h;
  }

  static Label text(String s) {
    Label l = new Label(s);
    l.setWrapText(true);
    l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    return l;
  }

  static Label muted(String s) {
    Label l = text(s);
    l.getStyleClass().add(Styles.MUTED);
    return l;
  }

  static TextArea code(String s) {
    TextArea t = new TextArea(s);
    t.setEditable(false);
    t.setWrapText(false);
    t.getStyleClass().add(Styles.MONO);
    t.setPrefRowCount(Math.min(14, Math.max(2, (int) s.lines().count() + 1)));
    t.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    return t;
  }
}
