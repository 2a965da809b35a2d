package org.sysmontriage.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sysmontriage.detect.correlation.CorrelationRule;
import org.sysmontriage.detect.sigma.Registry;

/**
 * The analytics the detector runs: the built-in Sigma rules (resources) plus any user rule files
 * or folders. Loading never stops at a bad rule: {@link #errors()} lists each with file and line.
 * Immutable and safe to share between threads.
 */
public final class AnalyticLibrary {
  private static volatile AnalyticLibrary builtIn;

  private final List<LoadedRule> rules;
  private final Map<String, LoadedRule> byId = new LinkedHashMap<>();
  private final List<RuleError> errors;
  private final Registry registry;
  private final List<CorrelationRule> correlations;
  private final Map<String, String> idByName;
  private final int cachedFiles;
  private final List<String> notes;
  /** Where this library's literal index is kept ({@link LiteralIndexCache}), or null when it is not. */
  private final Path indexFile;
  private final byte[] libraryKey;

  private AnalyticLibrary(RuleFileLoader loader, Registry registry) {
    this.rules = List.copyOf(loader.rules);
    this.registry = registry;
    this.idByName = Map.copyOf(loader.idByName);
    this.cachedFiles = loader.cachedFiles;
    this.notes = List.copyOf(loader.notes);
    this.libraryKey = loader.libraryKey();
    this.indexFile = libraryKey == null || loader.cacheDir() == null ? null : LiteralIndexCache.file(loader.cacheDir(), loader.libraryName());
    rules.forEach(r -> byId.put(r.analytic().id(), r));
    List<RuleError> errs = new ArrayList<>(loader.errors);
    List<CorrelationRule> ok = new ArrayList<>();
    for (CorrelationRule c : loader.correlations) {
      List<String> unknown = c.rules().stream().filter(ref -> idOf(ref) == null).toList();
      if (unknown.isEmpty()) {
        ok.add(c);
      } else {
        errs.add(new RuleError(c.source(), c.line(), "correlation '" + c.id() + "' refers to rules that are not loaded: "
            + String.join(", ", unknown)));
      }
    }
    this.correlations = List.copyOf(ok);
    this.errors = List.copyOf(errs);
  }

  /** The correlation rules (Sigma v2) whose referenced rules are all loaded. */
  public List<CorrelationRule> correlations() {
    return correlations;
  }

  /** The analytic id a rule reference means (its id, or its Sigma name), or null. */
  public String idOf(String ref) {
    if (byId.containsKey(ref)) {
      return ref;
    }
    return idByName.get(ref);
  }

  /** The built-in analytics (loaded once). */
  public static AnalyticLibrary builtIn() {
    AnalyticLibrary lib = builtIn;
    if (lib == null) {
      synchronized (AnalyticLibrary.class) {
        if (builtIn == null) {
          builtIn = load(List.of());
        }
        lib = builtIn;
      }
    }
    return lib;
  }

  /**
   * Built-in analytics plus the rules in these files or folders (.yml, .yaml, searched recursively);
   * a folder's compiled rules are cached in the application's home ({@link RuleTreeCache}).
   */
  public static AnalyticLibrary load(List<Path> userRules) {
    return load(userRules, true, defaultCacheDir());
  }

  /** Only the rules in these files or folders, without the built-in ones ({@code rules check}). */
  public static AnalyticLibrary loadOnly(List<Path> rules) {
    return load(rules, false, defaultCacheDir());
  }

  /** Where rule folders' compiled rules are cached: {@code HOME/cache} (see {@link RuleTreeCache}). */
  public static Path defaultCacheDir() {
    return RuleTreeCache.home().resolve("cache");
  }

  /**
   * @param cacheDir where rule folders' compiled rules are cached, or null to compile every file
   */
  public static AnalyticLibrary load(List<Path> rules, boolean withBuiltIn, Path cacheDir) {
    // the ATT&CK catalog is read only when a rule needs it (technique tags without tactic tags: none of
    // SigmaHQ's Windows rules nor the built-in ones), by the first such rule (RuleMetadata.readTags)
    Registry registry = new Registry();
    RuleFileLoader loader = new RuleFileLoader(registry, cacheDir);
    if (withBuiltIn) {
      loader.loadBuiltIn();
    }
    rules.forEach(loader::loadPath);
    return new AnalyticLibrary(loader, registry);
  }

  /** How many rule files this load took from the compiled-rule cache instead of compiling them. */
  public int cachedFiles() {
    return cachedFiles;
  }

  /**
   * What the load did that a user may want to know and that is no rule error: a rule cache that was
   * damaged or from another version and was not used (the rules were parsed again).
   */
  public List<String> notes() {
    return notes;
  }

  /** Rules from YAML text only (tests, previews); errors name {@code source}. */
  public static AnalyticLibrary fromText(String source, String yaml) {
    Registry registry = new Registry();
    RuleFileLoader loader = new RuleFileLoader(registry);
    loader.loadText(source, yaml, false);
    return new AnalyticLibrary(loader, registry);
  }

  public List<Analytic> analytics() {
    return rules.stream().map(LoadedRule::analytic).toList();
  }

  /** Details of an analytic, or null when no analytic has this id. */
  public AnalyticInfo info(String id) {
    LoadedRule r = byId.get(id);
    return r == null ? null : r.info();
  }

  /** The author of the analytic's rule (Sigma {@code author}; DRL 1.1 asks it be shown with each hit), or "". */
  public String author(String id) {
    LoadedRule r = byId.get(id);
    return r == null ? "" : r.info().author();
  }

  /** The analytic with this id, or null. */
  public Analytic analytic(String id) {
    LoadedRule r = byId.get(id);
    return r == null ? null : r.analytic();
  }

  public List<RuleError> errors() {
    return errors;
  }

  private volatile LiteralIndex literalIndex;
  private volatile boolean literalIndexCached;

  /**
   * Builds now what the first detection run would build of this library (the rules' literal
   * prerequisites), e.g. on another thread while the logs are read. Detection is the same either way.
   */
  public void prepareDetection() {
    literalIndex();
  }

  /** The rules' literal prerequisites and per-field automata, built on first use. */
  LiteralIndex literalIndex() {
    LiteralIndex index = literalIndex;
    if (index == null) {
      synchronized (this) {
        if (literalIndex == null) {
          literalIndex = buildLiteralIndex();
        }
        index = literalIndex;
      }
    }
    return index;
  }

  /**
   * The literal index from the cache when this library's rules all came from the compiled-rule cache and
   * it holds their index; else built (and then cached for the next load of the same library).
   */
  private LiteralIndex buildLiteralIndex() {
    List<String> slotNames = registry.slotNames();
    if (indexFile != null) {
      LiteralIndex cached = LiteralIndexCache.read(indexFile, libraryKey, rules, slotNames);
      if (cached != null) {
        literalIndexCached = true;
        return cached;
      }
    }
    LiteralIndex built = LiteralIndex.of(rules, registry.tests(), slotNames.size());
    if (indexFile != null) {
      LiteralIndexCache.write(indexFile, libraryKey, rules, slotNames, built);
    }
    return built;
  }

  /** Whether the literal index was read from the cache instead of being built (tests). */
  boolean literalIndexFromCache() {
    literalIndex();
    return literalIndexCached;
  }

  List<LoadedRule> rules() {
    return rules;
  }

  /** Every compiled value test of the library (benchmarks: {@code bench regex}). */
  public List<org.sysmontriage.detect.sigma.ValueTest> valueTests() {
    return registry().tests();
  }

  Registry registry() {
    return registry;
  }
}
