package org.sysmontriage.ui;

import javafx.application.Application;
import javafx.stage.Stage;
import org.sysmontriage.ui.common.ErrorLog;
import org.sysmontriage.ui.common.FxTaskRunner;
import org.sysmontriage.ui.shell.Dialogs;
import org.sysmontriage.ui.engine.CoreEngine;
import org.sysmontriage.ui.shell.ShellViewModel;
import org.sysmontriage.ui.start.RecentFiles;
import org.sysmontriage.ui.start.SampleLogs;

/** The JavaFX application. Paths given on the command line open directly. */
public final class TriageApp extends Application {
  public static final String TITLE = "Sysmon Triage";

  public static void main(String[] args) {
    Application.launch(TriageApp.class, args);
  }

  private ShellViewModel vm;

  @Override
  public void start(Stage stage) {
    ErrorLog.install(e -> Dialogs.showError(stage, e));
    TriageWindow.Parts parts = new TriageWindow.Parts(
        new CoreEngine(), new FxTaskRunner(), RecentFiles.inUserHome(), SampleLogs.locate(), getHostServices()::showDocument);
    vm = TriageWindow.open(stage, parts);
    TriageWindow.showAndOpen(stage, vm, getParameters().getRaw());
    TriageWindow.offerRecovery(stage, vm, parts.runner());
  }

  @Override
  public void stop() {
    if (vm != null) {
      vm.caseWork().flushRecovery(); // a discard's removal of the recovery file must not be lost on exit
    }
  }
}
