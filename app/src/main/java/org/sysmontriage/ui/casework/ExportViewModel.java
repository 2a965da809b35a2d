package org.sysmontriage.ui.casework;

import java.nio.file.Path;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.sysmontriage.casefile.CaseFile;
import org.sysmontriage.casefile.EvidenceGuard;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.report.ReportData;
import org.sysmontriage.report.ReportInput;
import org.sysmontriage.report.ReportType;
import org.sysmontriage.report.Reports;
import org.sysmontriage.ui.common.TaskRunner;
import org.sysmontriage.ui.engine.Engine;
import org.sysmontriage.ui.engine.Investigation;

/**
 * Export: a report (HTML, CSV, JSON, ATT&CK Navigator layer) of the open investigation with the
 * case's statuses and allowlist and the table's minimum risk, written in the background.
 */
public final class ExportViewModel {
  private final Engine engine;
  private final TaskRunner runner;
  private final Supplier<Investigation> investigation;
  private final Supplier<CaseFile> caseFile;
  private final IntSupplier minRisk;
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

  public ExportViewModel(Engine engine, TaskRunner runner, Supplier<Investigation> investigation, Supplier<CaseFile> caseFile,
      IntSupplier minRisk) {
    this.engine = engine;
    this.runner = runner;
    this.investigation = investigation;
    this.caseFile = caseFile;
    this.minRisk = minRisk;
  }

  public boolean canExport() {
    return investigation.get() != null;
  }

  /** The report type a file name asks for: {@code .layer.json} is a Navigator layer, else by extension. */
  public static ReportType typeOf(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith("." + ReportType.NAVIGATOR.extension())) {
      return ReportType.NAVIGATOR;
    }
    for (ReportType t : ReportType.values()) {
      if (name.endsWith("." + t.extension())) {
        return t;
      }
    }
    return ReportType.HTML;
  }

  public void export(ReportType type, Path out) {
    Investigation inv = investigation.get();
    if (inv == null) {
      return;
    }
    ReportInput input = ReportInput.of(inv.store(), inv.hits()).withCatalog(engine.reportCatalog()).withCase(caseFile.get())
        .withMinRisk(minRisk.getAsInt()).withToolVersion(version());
    running.set(true);
    message.set("Writing the " + type.name() + " report…");
    EvidenceGuard evidence = EvidenceGuard.of(inv.paths(), inv.store().sources());
    runner.submit(cancel -> Reports.write(type, input, out, evidence), data -> done(type, out, data), this::failed);
  }

  private void done(ReportType type, Path out, ReportData data) {
    running.set(false);
    message.set(String.format("%s report written to %s: %,d hits%s", type.name(), out, data.rows().size(),
        data.suppressed() + data.belowMinRisk() > 0
            ? String.format(" (%,d allowlisted, %,d below risk %d left out)", data.suppressed(), data.belowMinRisk(), minRisk.getAsInt())
            : ""));
  }

  private void failed(Throwable e) {
    running.set(false);
    message.set(e instanceof TriageException ? e.getMessage() : "The report could not be written: " + e);
  }

  private static String version() {
    String v = ExportViewModel.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-dev" : v;
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }
}
