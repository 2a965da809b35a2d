package org.sysmontriage.ui.importing;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.ingest.Importer;

/** Every log read, with its format, dialect, counts and hash, and every located issue. */
public final class SourcesViewModel {
  private final ObservableList<SourceInfo> sources = FXCollections.observableArrayList();
  private final ObservableList<ImportIssue> issues = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Sources");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

  public void show(List<SourceInfo> all) {
    // Logs first; files of a walked folder that are not logs go last and are counted apart.
    List<SourceInfo> next = all.stream().filter(s -> !notALog(s)).toList();
    long others = all.size() - next.size();
    sources.setAll(next);
    sources.addAll(all.stream().filter(SourcesViewModel::notALog).toList());
    issues.setAll(next.stream().flatMap(s -> s.issues().stream()).toList());
    long skipped = next.stream().mapToLong(SourceInfo::skipped).sum();
    long events = next.stream().mapToLong(SourceInfo::events).sum();
    long unlisted = next.stream().mapToLong(s -> Math.max(0, s.skipped() - s.issues().size())).sum();
    long damage = issues.stream().filter(ImportIssue::damage).count(); // notes inform, they do not warn
    title.set(damage == 0 && skipped == 0 ? "Sources" : "Sources ⚠ " + Math.max(damage, skipped));
    summary.set(String.format("%,d logs · %,d events read · %,d records skipped · %,d issues listed%s%s", next.size(), events, skipped,
        issues.size(), unlisted > 0 ? String.format(" (%,d more skipped records not listed: issue cap reached)", unlisted) : "",
        others > 0 ? String.format(" · %,d other files in the folders are not logs (listed last)", others) : ""));
  }

  static boolean notALog(SourceInfo s) {
    return Importer.NOT_A_LOG.equals(s.format());
  }

  public ObservableList<SourceInfo> sources() {
    return sources;
  }

  /** "x.evtx is identical to y.evtx (same SHA-256): read once" for the logs opened twice, or empty. */
  public String identicalNotice() {
    List<String> same = issues.stream().filter(i -> !i.damage() && i.message().startsWith(org.sysmontriage.ingest.Importer.IDENTICAL))
        .map(i -> i.source() + " is " + i.message().substring(0, i.message().indexOf(" (same SHA-256)")) + " (same SHA-256)").toList();
    if (same.isEmpty()) {
      return "";
    }
    return (same.size() == 1 ? same.get(0) : same.size() + " logs are identical to others: " + same.get(0) + "; …")
        + ": read once (Sources lists both)";
  }

  public ObservableList<ImportIssue> issues() {
    return issues;
  }

  /** The tab title, with a warning count when something could not be read. */
  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }
}
