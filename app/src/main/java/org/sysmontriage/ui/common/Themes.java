package org.sysmontriage.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** Light and dark AtlantaFX Primer themes, switched at run time for the whole application. */
public final class Themes {
  private final BooleanProperty dark = new SimpleBooleanProperty(false);

  public Themes() {
    dark.addListener((o, a, b) -> apply());
  }

  public void apply() {
    Application.setUserAgentStylesheet(
        dark.get() ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
  }

  public void toggle() {
    dark.set(!dark.get());
  }

  public BooleanProperty darkProperty() {
    return dark;
  }
}
