package org.sysmontriage.detect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sysmontriage.detect.correlation.CorrelationRule;
import org.sysmontriage.detect.sigma.Registry;
import org.sysmontriage.detect.sigma.RuleException;
import org.sysmontriage.detect.sigma.SigmaCompiler;
import org.sysmontriage.detect.sigma.SigmaRule;
import org.sysmontriage.detect.sigma.YamlNode;
import org.sysmontriage.detect.sigma.YamlTreeReader;

/** Loads rule files (every YAML document in them), collecting errors instead of stopping. */
final class RuleFileLoader {
  static final String RESOURCE_DIR = "/org/sysmontriage/detect/rules/";
  private static final long MAX_RULE_FILE = 4L << 20;

  private final SigmaCompiler compiler;
  private final Registry registry;
  final List<LoadedRule> rules = new ArrayList<>();
  final List<RuleError> errors = new ArrayList<>();
  final List<CorrelationRule> correlations = new ArrayList<>();
  private final java.util.Set<String> ids = new java.util.HashSet<>();
  /** A base rule's Sigma {@code name} -> its id (correlations may refer to either). */
  final Map<String, String> idByName = new HashMap<>();

  /** Folder for the compiled-rule caches of rule folders ({@link RuleTreeCache}), or null: no cache. */
  private final Path cacheDir;

  RuleFileLoader(Registry registry) {
    this(registry, null);
  }

  RuleFileLoader(Registry registry, Path cacheDir) {
    this.compiler = new SigmaCompiler(registry);
    this.registry = registry;
    this.cacheDir = cacheDir;
  }

  /** Rule files taken from the cache instead of being parsed (for the bench and tests). */
  int cachedFiles;

  /** What a user may want to know about the load that is not a rule error (a damaged cache). */
  final List<String> notes = new ArrayList<>();

  /**
   * What the loaded rules are, while every rule file of this load comes from a cache entry: per source,
   * its cache's {@link RuleTreeCache#identity} and the keys of its files' entries in load order (an
   * entry's stored bytes are its file's bytes, and a cache identity's entries never change); null once a
   * file was compiled or a source could not be listed.
   */
  private final java.io.ByteArrayOutputStream libraryKeyBytes = new java.io.ByteArrayOutputStream();
  private java.io.DataOutputStream libraryKey = new java.io.DataOutputStream(libraryKeyBytes);

  /** One file's results in document order, and the key of the cache entry they came from (null: compiled). */
  private record FileResults(List<Object> results, Long cacheKey) {
    FileResults(List<Object> compiled) {
      this(compiled, null);
    }
  }

  /** The sources' cache files, one a line: what names the library ({@link LiteralIndexCache#file}). */
  private final StringBuilder libraryName = new StringBuilder();

  /** The identity of the loaded rule files when each of them came from a cache entry, else null. */
  byte[] libraryKey() {
    return libraryKey == null ? null : libraryKeyBytes.toByteArray();
  }

  /** The cache folder and what names the library there, or null when {@link #libraryKey} is null. */
  Path cacheDir() {
    return libraryKey == null ? null : cacheDir;
  }

  String libraryName() {
    return libraryName.toString();
  }

  /** Adds a source to {@link #libraryKey}: its cache's identity and its files' entry keys (null: not all cached). */
  private void keySource(RuleTreeCache cache, List<FileResults> files) {
    try {
      if (libraryKey == null || cache == null || cache.identity() == null || files.stream().anyMatch(f -> f.cacheKey() == null)) {
        libraryKey = null;
        return;
      }
      libraryKey.writeUTF(cache.identity());
      libraryName.append(cache.file().getFileName()).append('\n');
      libraryKey.writeInt(files.size());
      for (FileResults f : files) {
        libraryKey.writeLong(f.cacheKey());
      }
    } catch (IOException e) {
      libraryKey = null; // cannot happen with an in-memory stream
    }
  }

  /**
   * The built-in rules listed in the resource folder's index.txt; with a cache folder, their compiled
   * form is kept there too ({@link RuleTreeCache#forBuiltIn}), so a load of cached rules parses no YAML.
   */
  void loadBuiltIn() {
    byte[] index = resource("index.txt");
    if (index == null) {
      errors.add(new RuleError(RESOURCE_DIR + "index.txt", 0, "built-in rule index is missing from the application"));
      return;
    }
    RuleTreeCache cache = cacheDir == null ? null : RuleTreeCache.forBuiltIn(cacheDir, registry);
    List<FileResults> files = new ArrayList<>();
    for (String name : new String(index, StandardCharsets.UTF_8).lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
      byte[] bytes = resource(name);
      if (bytes == null) {
        errors.add(new RuleError(RESOURCE_DIR + name, 0, "listed in index.txt but missing"));
        libraryKey = null;
      } else {
        String text = new String(bytes, StandardCharsets.UTF_8);
        files.add(cache == null ? new FileResults(compileText(name, text, true)) : viaCache(name, bytes, text, cache, true));
        take(files.get(files.size() - 1).results());
      }
    }
    keySource(cache, files);
    if (cache != null) {
      cachedFiles += cache.hits();
      finish(cache);
    }
  }

  /**
   * A rule file, or every .yml / .yaml file under a folder. A folder's files are read, parsed and
   * compiled in parallel, then taken in path order, so rules, errors and duplicate-id checks come out
   * exactly as one file after the other.
   */
  void loadPath(Path p) {
    if (Files.isDirectory(p)) {
      // the walk's own attributes say what is a regular file (a link is followed, as Files.isRegularFile would)
      try (Stream<Path> walk = Files.find(p, Integer.MAX_VALUE, (f, attrs) -> isYaml(f)
          && (attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(f)))) {
        List<Path> files = walk.sorted().toList();
        RuleTreeCache cache = cacheDir == null ? null : RuleTreeCache.forFolder(p, cacheDir, registry);
        List<FileResults> results = files.parallelStream().map(f -> compileFile(f, cache)).toList();
        results.forEach(f -> take(f.results()));
        keySource(cache, results);
        if (cache != null) {
          cachedFiles += cache.hits();
          finish(cache);
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        errors.add(new RuleError(p.toString(), 0, "cannot list the rule folder: " + e.getMessage()));
        libraryKey = null;
      }
    } else if (Files.isRegularFile(p)) {
      loadFile(p);
    } else {
      errors.add(new RuleError(p.toString(), 0, "no such rule file or folder"));
      libraryKey = null;
    }
  }

  /** After a load through a cache: its note (a damaged cache), and the cache written when anything changed. */
  private void finish(RuleTreeCache cache) {
    if (cache.note() != null) {
      notes.add(cache.note());
    }
    cache.save();
  }

  private static boolean isYaml(Path p) {
    String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".yml") || n.endsWith(".yaml");
  }

  private void loadFile(Path p) {
    take(compileFile(p, null).results());
    libraryKey = null;
  }

  /** What one file gives, in document order: compiled rules, correlation rules and errors. */
  private FileResults compileFile(Path p, RuleTreeCache cache) {
    try {
      if (Files.size(p) > MAX_RULE_FILE) {
        return new FileResults(List.of(new RuleError(p.toString(), 0, "rule file larger than 4 MiB; not read")));
      }
      byte[] bytes = Files.readAllBytes(p);
      List<CachedRuleCodec.Compiled> cached = cache == null ? null : cache.get(bytes);
      if (cached != null) { // the same bytes were UTF-8 text when they were compiled and cached
        return new FileResults(fromCache(p.toString(), new String(bytes, StandardCharsets.UTF_8), cached, false), RuleTreeCache.key(bytes));
      }
      ByteBuffer in = ByteBuffer.wrap(bytes);
      try {
        String text = StandardCharsets.UTF_8.newDecoder().decode(in).toString();
        if (cache == null) {
          return new FileResults(compileText(p.toString(), text, false));
        }
        return compileAndCache(p.toString(), bytes, text, cache, false);
      } catch (CharacterCodingException e) {
        return new FileResults(List.of(new RuleError(p.toString(), lineAt(bytes, in.position()),
            "not UTF-8 text at byte offset " + in.position() + " (a Sigma rule in YAML was expected)")));
      }
    } catch (IOException e) {
      return new FileResults(List.of(new RuleError(p.toString(), 0, "cannot read the rule file: " + e.getMessage())));
    }
  }

  /** The 1-based line holding byte {@code at}. */
  private static int lineAt(byte[] bytes, int at) {
    int line = 1;
    for (int i = 0; i < at && i < bytes.length; i++) {
      line += bytes[i] == '\n' ? 1 : 0;
    }
    return line;
  }

  void loadText(String source, String text, boolean builtIn) {
    take(compileText(source, text, builtIn));
    libraryKey = null;
  }

  /** A file's results from the cache, or compiled (and then cached unless it has errors or correlations). */
  private FileResults viaCache(String source, byte[] bytes, String text, RuleTreeCache cache, boolean builtIn) {
    List<CachedRuleCodec.Compiled> cached = cache.get(bytes);
    if (cached != null) {
      return new FileResults(fromCache(source, text, cached, builtIn), RuleTreeCache.key(bytes));
    }
    return compileAndCache(source, bytes, text, cache, builtIn);
  }

  /** A file's results compiled, and cached unless it has errors or correlations. */
  private FileResults compileAndCache(String source, byte[] bytes, String text, RuleTreeCache cache, boolean builtIn) {
    List<Object> out = compileText(source, text, builtIn);
    if (out.stream().allMatch(r -> r instanceof LoadedRule)) { // files with errors or correlations are compiled each time
      cache.put(bytes, out.stream().map(r -> (LoadedRule) r).toList());
    }
    return new FileResults(out);
  }

  /** The rules of a file from its cache entry, with this load's path and text of the file. */
  private static List<Object> fromCache(String source, String text, List<CachedRuleCodec.Compiled> cached, boolean builtIn) {
    List<Object> out = new ArrayList<>(cached.size());
    for (CachedRuleCodec.Compiled c : cached) {
      out.add(c.loaded(source, text, builtIn));
    }
    return out;
  }

  /**
   * Parses and compiles every document of
   * a rule text without touching this loader's lists (safe to run on several files at once: the
   * registry is shared and synchronized).
   */
  private List<Object> compileText(String source, String text, boolean builtIn) {
    List<YamlNode> docs;
    try {
      docs = YamlTreeReader.readAll(text);
    } catch (YamlTreeReader.SyntaxError e) {
      return List.of(new RuleError(source, e.line(), e.getMessage()));
    }
    List<Object> out = new ArrayList<>();
    for (YamlNode doc : docs) {
      if (doc.value() == null) {
        continue; // an empty document (a trailing ---)
      }
      try {
        if (CorrelationRule.isCorrelation(doc)) {
          out.add(CorrelationRule.parse(doc, source));
          continue;
        }
        SigmaRule rule = compiler.compile(doc);
        try {
          out.add(RuleMetadata.read(rule, source, text, builtIn));
        } catch (RuleException e) {
          out.add(new BadMetadata(rule, new RuleError(source, e.line(), e.getMessage())));
        }
      } catch (RuleException e) {
        out.add(new RuleError(source, e.line(), e.getMessage()));
      }
    }
    return out;
  }

  /** A rule that compiled but whose metadata is wrong: its id and name still count as taken. */
  private record BadMetadata(SigmaRule rule, RuleError error) {}

  /** Adds one file's results in order; a rule whose id is taken already becomes an error. */
  private void take(List<Object> results) {
    for (Object r : results) {
      if (r instanceof RuleError e) {
        errors.add(e);
      } else if (r instanceof CorrelationRule c) {
        correlations.add(c);
      } else if (r instanceof LoadedRule loaded) {
        if (register(loaded.rule(), loaded.info().ruleSource())) {
          rules.add(loaded);
        }
      } else if (r instanceof CachedRuleCodec.Loaded cached) {
        if (register(cached.rule().rule().id(), cached.name(), cached.idLine(), cached.rule().info().ruleSource())) {
          rules.add(cached.rule());
        }
      } else if (r instanceof BadMetadata bad && register(bad.rule(), bad.error().file())) {
        errors.add(bad.error());
      }
    }
  }

  /** Records a compiled rule's name and id; false (and an error) when another rule has the id. */
  private boolean register(SigmaRule rule, String source) {
    YamlNode at = rule.doc().get("id");
    return register(rule.id(), rule.doc().text("name", "").trim(), at == null ? 0 : at.line(), source);
  }

  private boolean register(String id, String name, int idLine, String source) {
    if (!name.isEmpty()) {
      idByName.put(name, id);
    }
    if (ids.add(id)) {
      return true;
    }
    errors.add(new RuleError(source, idLine, "another rule already has the id '" + id + "'"));
    return false;
  }

  private static byte[] resource(String name) {
    try (InputStream in = RuleFileLoader.class.getResourceAsStream(RESOURCE_DIR + name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
  }
}
