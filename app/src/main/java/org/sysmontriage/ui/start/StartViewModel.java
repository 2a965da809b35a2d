package org.sysmontriage.ui.start;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sysmontriage.ui.common.TaskRunner;

/** The start page: what can be opened (files, a folder, the sample logs, recent work). */
public final class StartViewModel {
  private final RecentFiles recentFiles;
  private final Optional<Path> samples;
  private final Consumer<List<String>> opener;
  private final ObservableList<List<String>> recent = FXCollections.observableArrayList();
  private final TaskRunner runner;

  /** {@code opener} starts the import of a list of paths. */
  public StartViewModel(RecentFiles recentFiles, Optional<Path> samples, Consumer<List<String>> opener, TaskRunner runner) {
    this.runner = runner;
    this.recentFiles = recentFiles;
    this.samples = samples;
    this.opener = opener;
    recent.setAll(recentFiles.load());
  }

  public void open(List<String> paths) {
    opener.accept(paths);
  }

  public boolean samplesAvailable() {
    return samples.isPresent();
  }

  /** The sample-logs folder, or empty when it cannot be found. */
  public Optional<Path> samplesFolder() {
    return samples;
  }

  public void openSamples() {
    samples.ifPresent(dir -> open(List.of(dir.toString())));
  }

  /** Remembers paths that opened well, made absolute (the file is written off the UI thread). */
  public void remember(List<String> paths) {
    List<String> absolute = paths.stream().map(p -> Path.of(p).toAbsolutePath().normalize().toString()).toList();
    runner.submit(cancel -> recentFiles.add(absolute), recent::setAll,
        e -> java.util.logging.Logger.getLogger(StartViewModel.class.getName()).log(java.util.logging.Level.WARNING, "the recent list could not be saved", e));
  }

  public ObservableList<List<String>> recent() {
    return recent;
  }

  /** How a recent entry reads in the list: "sysmon.json" or "a.json + 2 more". */
  public static String label(List<String> entry) {
    String first = String.valueOf(Path.of(entry.get(0)).getFileName());
    return entry.size() == 1 ? first : first + " + " + (entry.size() - 1) + " more";
  }
}
