package org.sysmontriage.ui.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.report.ReportCatalog;

/**
 * The engine as the ViewModels use it: import, analytics, raw records and reference pages. One
 * implementation adapts the core packages ({@link CoreEngine}); tests may give their own.
 * Long calls run on worker threads and poll the token.
 */
public interface Engine {

  /** Reads every path (files, folders, archives) into one frozen store; the store lists the sources. */
  EventStore importLogs(List<String> paths, Consumer<ImportSnapshot> progress, CancellationToken cancel);

  /** Runs every analytic over the store; hits in any order. */
  List<Hit> detect(EventStore store, ProgressListener progress, CancellationToken cancel);

  /**
   * Loads the LSASS analytics plus the packs {@code choice} switches on and makes them the analytics
   * that {@link #detect} runs from now on (work for a worker thread: the Hunt pack is thousands of rules).
   * A bad rule never stops the load: it is listed in its pack's errors and the pack's other rules run.
   */
  List<PackStatus> useRules(RuleChoice choice, CancellationToken cancel);

  /** The pack of each analytic that is not one of the built-in LSASS analytics (analytic id -> pack name). */
  Map<String, String> packs();

  /** The event's record as read from its source (XML or JSON text). */
  String rawRecord(EventStore store, int event);

  /** Every analytic in the library. */
  List<Analytic> analytics();

  Optional<AnalyticPage> page(String analyticId);

  Optional<TechniqueCard> technique(String techniqueId);

  /** Names and links for report writers: technique and tactic names, analytic source pages. */
  ReportCatalog reportCatalog();
}
