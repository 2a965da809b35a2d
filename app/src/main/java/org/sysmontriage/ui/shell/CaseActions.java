package org.sysmontriage.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.sysmontriage.ui.casework.ExportViewModel;

/** The file dialogs of Export, Save case and Open case; the work itself is in the ViewModels. */
final class CaseActions {
  private final ShellViewModel vm;
  private final ExportViewModel export;
  private final Supplier<Window> window;

  CaseActions(ShellViewModel vm, ExportViewModel export, Supplier<Window> window) {
    this.vm = vm;
    this.export = export;
    this.window = window;
  }

  void export() {
    if (!export.canExport()) {
      vm.notice("Open logs first: there is nothing to export yet.");
      return;
    }
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export a report");
    chooser.getExtensionFilters().addAll(
        new FileChooser.ExtensionFilter("HTML report (*.html)", "*.html"),
        new FileChooser.ExtensionFilter("CSV, one row per hit (*.csv)", "*.csv"),
        new FileChooser.ExtensionFilter("JSON hits and summary (*.json)", "*.json"),
        new FileChooser.ExtensionFilter("ATT&CK Navigator layer (*.layer.json)", "*.layer.json"));
    chooser.setInitialFileName("sysmon-triage-report.html");
    File file = chooser.showSaveDialog(window.get());
    if (file != null) {
      Path out = withExtension(file.toPath(), chooser.getSelectedExtensionFilter());
      export.export(ExportViewModel.typeOf(out), out);
    }
  }

  /** Saves where the case was saved or opened, else asks where; true when it was saved. */
  boolean save() {
    Path current = vm.caseWork().pathProperty().get();
    return current == null ? saveAs() : vm.caseWork().save(current);
  }

  boolean saveAs() {
    if (vm.investigationProperty().get() == null) {
      vm.notice("Open logs first: a case keeps your work on them.");
      return false;
    }
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Save the case (statuses, notes, allowlist)");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Sysmon Triage case (*.case.json)", "*.case.json"));
    chooser.setInitialFileName("investigation.case.json");
    File file = chooser.showSaveDialog(window.get());
    return file != null && vm.caseWork().save(file.toPath());
  }

  void openCase() {
    if (!vm.mayLeaveCase("open another case")) {
      return;
    }
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open a case");
    chooser.getExtensionFilters().addAll(
        new FileChooser.ExtensionFilter("Sysmon Triage case (*.case.json, *.json)", "*.case.json", "*.json"));
    File file = chooser.showOpenDialog(window.get());
    if (file != null) {
      vm.openCase(file.toPath());
    }
  }

  private static Path withExtension(Path p, FileChooser.ExtensionFilter filter) {
    String name = p.getFileName().toString();
    if (filter == null || name.contains(".")) {
      return p;
    }
    String ext = filter.getExtensions().get(0).substring(1);
    return p.resolveSibling(name + ext);
  }

}
