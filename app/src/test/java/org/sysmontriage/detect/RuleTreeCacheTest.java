package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sysmontriage.detect.TestEvents.sysmon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;

/**
 * The compiled-rule cache of a rule folder: a second load takes unchanged files from it and gives the
 * same library; a changed file is compiled again; a corrupt, truncated or foreign cache is never trusted
 * (and a note says so); the cache lives in the application's home, never beside the rules or logs.
 */
class RuleTreeCacheTest {
  @TempDir Path tmp;

  private static String rule(String id, String image) {
    return """
        title: Rule %s
        id: %s
        author: Someone
        tags: [attack.t1003.001]
        logsource: {product: windows, category: process_creation}
        detection:
          sel:
            Image|endswith: '\\\\%s'
            CommandLine|contains|all: ['-ma', 'lsass']
          filter:
            User|contains: 'AUTHORI'
          condition: sel and not filter
        level: high
        """.formatted(id, id, image);
  }

  private Path rules() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("rules"));
    Files.writeString(dir.resolve("a.yml"), rule("a", "procdump.exe"));
    Files.writeString(dir.resolve("b.yml"), rule("b", "rundll32.exe") + "---\n" + rule("b2", "dump64.exe"));
    Files.writeString(dir.resolve("c.yml"), "title: broken\n  id: [\n");
    return dir;
  }

  private static final EventStore STORE = TestEvents.store(
      sysmon(1, "Image", "C:\\t\\procdump.exe", "CommandLine", "procdump -ma lsass.exe x.dmp", "User", "CORP\\bob"),
      sysmon(1, "Image", "C:\\t\\rundll32.exe", "CommandLine", "rundll32 comsvcs -ma lsass", "User", "NT AUTHORITY\\SYSTEM"),
      sysmon(1, "Image", "C:\\t\\dump64.exe", "CommandLine", "dump64 -ma lsass", "User", "CORP\\eve"),
      sysmon(1, "Image", "C:\\t\\mimikatz.exe", "CommandLine", "mimikatz -ma lsass", "User", "CORP\\eve"));

  /** Everything a load gives that a user sees: rules with their metadata, text and document, errors, hits. */
  private static String summary(AnalyticLibrary lib) {
    StringBuilder b = new StringBuilder();
    for (Analytic a : lib.analytics()) {
      AnalyticInfo i = lib.info(a.id());
      b.append(a).append(' ').append(i.author()).append(' ').append(i.ruleSource()).append(' ').append(i.ruleText().hashCode())
          .append(' ').append(i.ruleDocument().hashCode()).append('\n');
    }
    lib.errors().forEach(e -> b.append(e).append('\n'));
    new Detector(lib).run(STORE, ProgressListener.NONE, new CancellationToken()).hits()
        .forEach(h -> b.append(h.analytic().id()).append('@').append(h.event()).append(' ').append(h.matches()).append('\n'));
    return b.toString();
  }

  private Path cacheDir() {
    return tmp.resolve("home/cache");
  }

  private AnalyticLibrary load(Path dir) {
    return AnalyticLibrary.load(List.of(dir), false, cacheDir());
  }

  private Path cacheFile() throws IOException {
    try (Stream<Path> files = Files.list(cacheDir())) {
      List<Path> bins = files.filter(p -> p.toString().endsWith(".bin")).toList();
      assertEquals(1, bins.size(), "one cache file per rule folder: " + bins);
      return bins.get(0);
    }
  }

  @Test
  void aSecondLoadTakesUnchangedFilesFromTheCacheAndGivesTheSameLibrary() throws IOException {
    Path dir = rules();
    AnalyticLibrary parsed = AnalyticLibrary.load(List.of(dir), false, null);
    AnalyticLibrary first = load(dir);
    assertEquals(0, first.cachedFiles());
    AnalyticLibrary second = load(dir);
    assertEquals(2, second.cachedFiles(), "a.yml and b.yml; c.yml has a syntax error and is parsed every time");
    String expected = summary(parsed);
    assertTrue(expected.contains("a@0") && expected.contains("b2@2") && !expected.contains("b@1") && expected.contains("c.yml:"), expected);
    assertEquals(expected, summary(first));
    assertEquals(expected, summary(second));
  }

  @Test
  void aChangedFileIsParsedAgain() throws IOException {
    Path dir = rules();
    load(dir);
    Files.writeString(dir.resolve("a.yml"), rule("a", "mimikatz.exe"));
    AnalyticLibrary changed = load(dir);
    assertEquals(1, changed.cachedFiles(), "only b.yml is unchanged");
    String s = summary(changed);
    assertTrue(s.contains("a@3") && !s.contains("a@0"), s);
    assertEquals(summary(AnalyticLibrary.load(List.of(dir), false, null)), s);
    assertEquals(2, load(dir).cachedFiles(), "the cache was rewritten with the new a.yml");
  }

  @Test
  void aCorruptTruncatedOrForeignCacheIsNeverTrusted() throws IOException {
    Path dir = rules();
    String expected = summary(AnalyticLibrary.load(List.of(dir), false, null));
    load(dir);
    Path cache = cacheFile();
    byte[] good = Files.readAllBytes(cache);
    byte[] flipped = good.clone();
    flipped[flipped.length / 2] ^= 0x20; // e.g. one letter of a rule value changes case
    List<byte[]> bad = List.of(flipped, java.util.Arrays.copyOf(good, good.length / 2), new byte[0],
        "not a cache".getBytes(StandardCharsets.UTF_8));
    for (byte[] b : bad) {
      Files.write(cache, b);
      AnalyticLibrary lib = load(dir);
      assertEquals(0, lib.cachedFiles(), "a damaged cache is ignored");
      assertEquals(expected, summary(lib));
      assertEquals(1, lib.notes().size(), "and a note says so: " + lib.notes());
      assertTrue(lib.notes().get(0).contains("damaged") && lib.notes().get(0).contains(cache.toString()), lib.notes().get(0));
      assertEquals(List.of(), load(dir).notes(), "a good cache gives no note");
      assertEquals(2, load(dir).cachedFiles(), "and written anew");
    }
  }

  @Test
  void aCachedEntryIsUsedOnlyForTheSameBytesWhereverTheFileIs() throws IOException {
    Path dir = rules();
    load(dir);
    Files.writeString(dir.resolve("a.yml"), rule("a", "procdump.exe") + "\n"); // one byte more: compiled again
    Files.move(dir.resolve("b.yml"), dir.resolve("renamed.yml")); // same bytes under another name: from the cache
    AnalyticLibrary lib = load(dir);
    assertEquals(1, lib.cachedFiles());
    assertEquals(summary(AnalyticLibrary.load(List.of(dir), false, null)), summary(lib));
    assertTrue(lib.info("b").ruleSource().endsWith("renamed.yml"), lib.info("b").ruleSource());
  }

  /**
   * An entry is found by the CRC-32C and length of a file but used only when the bytes it stores are
   * the file's: here the stored copy of a.yml differs in one byte (the cache's checksum made right
   * again, so only the comparison can tell), and a.yml is compiled.
   */
  @Test
  void anEntryIsUsedOnlyWhenItsStoredBytesAreTheFilesBytes() throws IOException {
    Path dir = rules();
    load(dir);
    Path cache = cacheFile();
    byte[] b = Files.readAllBytes(cache);
    byte[] needle = "title: Rule a\n".getBytes(StandardCharsets.UTF_8);
    int at = indexOf(b, needle);
    assertTrue(at > 0 && indexOf(java.util.Arrays.copyOfRange(b, at + 1, b.length), needle) < 0, "a.yml's bytes are stored once");
    b[at + 7] = 'r'; // "Rule a" -> "rule a" in the stored copy only
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(b, 0, b.length - 8);
    java.nio.ByteBuffer.wrap(b, b.length - 8, 8).putLong(crc.getValue());
    Files.write(cache, b);
    AnalyticLibrary lib = load(dir);
    assertEquals(List.of(), lib.notes(), "the cache file itself is whole");
    assertEquals(1, lib.cachedFiles(), "b.yml from the cache; a.yml compiled");
    assertEquals(summary(AnalyticLibrary.load(List.of(dir), false, null)), summary(lib));
    assertEquals("Rule a", lib.info("a").title());
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** A damaged, truncated or foreign literal index is never used: the index is built again and written anew. */
  @Test
  void aDamagedLiteralIndexIsBuiltAgain() throws IOException {
    Path dir = rules();
    Files.delete(dir.resolve("c.yml"));
    String expected = summary(AnalyticLibrary.load(List.of(dir), false, null));
    load(dir);
    summary(load(dir)); // writes the index
    Path index;
    try (Stream<Path> files = Files.list(cacheDir())) {
      index = files.filter(p -> p.toString().endsWith(".index")).findFirst().orElseThrow();
    }
    byte[] good = Files.readAllBytes(index);
    byte[] flipped = good.clone();
    flipped[flipped.length - 20] ^= 0x01; // a literal index or a literal's byte
    for (byte[] bad : List.of(flipped, java.util.Arrays.copyOf(good, good.length - 9), new byte[0], new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9})) {
      Files.write(index, bad);
      AnalyticLibrary lib = load(dir);
      assertEquals(expected, summary(lib));
      assertEquals(false, lib.literalIndexFromCache());
      assertTrue(load(dir).literalIndexFromCache(), "written anew");
    }
  }

  /**
   * A rule from the cache is checked as a compiled one: its id taken by an earlier rule is the same error
   * (file and line of the id), and a correlation finds it by its Sigma name.
   */
  @Test
  void aCachedRulesIdAndNameCountAsACompiledRules() throws IOException {
    Path dir = rules();
    Files.writeString(dir.resolve("d.yml"), "# the id of a.yml again\n" + rule("a", "dup.exe"));
    Files.writeString(dir.resolve("e.yml"), rule("e", "procdump.exe").replace("id: e\n", "id: e\nname: dumps_by_name\n"));
    Files.writeString(dir.resolve("f.yml"), """
        title: Repeated dumps by name
        id: repeated
        correlation:
          type: event_count
          rules: [dumps_by_name]
          timespan: 5m
          condition: {gte: 2}
        level: high
        """);
    String expected = summary(AnalyticLibrary.load(List.of(dir), false, null));
    assertTrue(expected.contains("d.yml:3: another rule already has the id 'a'"), expected);
    load(dir);
    AnalyticLibrary cached = load(dir);
    assertEquals(4, cached.cachedFiles(), "a, b, d and e from the cache");
    assertEquals(expected, summary(cached));
    assertEquals(List.of("repeated"), cached.correlations().stream().map(c -> c.id()).toList());
  }

  @Test
  void aFileWithACorrelationRuleIsCompiledEachTimeAndKeepsIt() throws IOException {
    Path dir = rules();
    Files.writeString(dir.resolve("d.yml"), rule("d", "procdump.exe") + """
        ---
        title: Repeated dumps
        id: repeated
        correlation:
          type: event_count
          rules: [d]
          timespan: 5m
          condition: {gte: 2}
        level: high
        """);
    load(dir);
    AnalyticLibrary second = load(dir);
    assertEquals(2, second.cachedFiles(), "a.yml and b.yml; d.yml holds a correlation rule and is compiled again");
    assertEquals(List.of("repeated"), second.correlations().stream().map(c -> c.id()).toList());
    assertEquals(summary(AnalyticLibrary.load(List.of(dir), false, null)), summary(second));
  }

  /** A folder's rule files: .yml/.yaml regular files, a link to one followed; a dangling link or a folder named .yml is not a rule file. */
  @Test
  void aFoldersRuleFilesAreItsYamlFilesWithLinksFollowed() throws IOException {
    Path dir = rules();
    Path outside = Files.writeString(tmp.resolve("elsewhere.yml"), rule("linked", "linked.exe"));
    Files.createSymbolicLink(dir.resolve("link.yml"), outside);
    Files.createSymbolicLink(dir.resolve("dangling.yml"), tmp.resolve("missing.yml"));
    Files.createDirectories(dir.resolve("folder.yml"));
    Files.writeString(dir.resolve("notes.txt"), "title: not a rule file\n");
    AnalyticLibrary lib = load(dir);
    assertEquals(List.of("a", "b", "b2", "linked"), lib.analytics().stream().map(Analytic::id).toList());
    assertEquals(1, lib.errors().size(), "c.yml only: " + lib.errors());
    assertEquals(3, load(dir).cachedFiles(), "a.yml, b.yml and the linked file from the cache");
  }

  @Test
  void loadingWritesNothingBesideTheRules() throws IOException {
    Path dir = rules();
    List<Path> before;
    try (Stream<Path> files = Files.walk(dir)) {
      before = files.sorted().toList();
    }
    load(dir);
    load(dir);
    try (Stream<Path> files = Files.walk(dir)) {
      assertEquals(before, files.sorted().toList());
    }
    assertTrue(Files.isRegularFile(cacheFile()) && cacheFile().startsWith(cacheDir()));
  }

  /**
   * SigmaHQ's whole Windows set from the cache is the set compiled again: every analytic with its
   * metadata and rule text, targets, LSASS checks, each condition with its fields and value tests
   * (written out in the cache's own form from each library: slot names and test bodies, not ids), and
   * the hits over every SigmaHQ regression sample.
   */
  @Test
  void theWholeSigmaHqSetFromTheCacheIsTheSetCompiledAgain() throws IOException {
    Path sigma = org.sysmontriage.testing.SigmaHq.dir();
    Path windows = sigma.resolve("rules/windows");
    AnalyticLibrary compiled = AnalyticLibrary.load(List.of(windows), false, null);
    assertEquals(0, load(windows).cachedFiles());
    AnalyticLibrary cached = load(windows);
    assertEquals(compiled.rules().size(), cached.cachedFiles(), "every file of the set (one rule each) from the cache");
    assertEquals(compiled.errors(), cached.errors());
    assertSameRules(compiled, cached);
    EventStore store = evtxUnder(sigma.resolve("regression_data"));
    List<String> expected = hits(compiled, store);
    assertTrue(expected.size() > 300, "a meaningful comparison: " + expected.size() + " hits");
    assertEquals(expected, hits(cached, store));
    AnalyticLibrary again = load(windows);
    assertTrue(again.literalIndexFromCache(), "the literal index written by the load before");
    assertEquals(literalIndex(compiled), literalIndex(again));
    assertEquals(expected, hits(again, store));
  }

  /** Per rule, the atoms of its searched clause: slot name (or pseudo-slot) and literal. */
  private static List<String> literalIndex(AnalyticLibrary lib) {
    LiteralIndex index = lib.literalIndex();
    List<String> names = lib.registry().slotNames();
    List<String> out = new java.util.ArrayList<>();
    for (int r = 0; r < lib.rules().size(); r++) {
      StringBuilder b = new StringBuilder(lib.rules().get(r).analytic().id());
      for (int a = 0; index.clauseSlots[r] != null && a < index.clauseSlots[r].length; a++) {
        int slot = index.clauseSlots[r][a];
        b.append(' ').append(slot >= 0 ? names.get(slot) : String.valueOf(slot)).append('=')
            .append(index.literals(slot).get(index.clauseLiterals[r][a]));
      }
      out.add(b.toString());
    }
    return out;
  }

  /**
   * The literal index of a library whose rule files all come from the rule cache is cached too, keyed by
   * the whole library: after a rule file changes it is built again (a stale index would still search for
   * the old literal and lose the changed rule's hit), also from the rewritten rule cache, then read back.
   */
  @Test
  void theLiteralIndexIsCachedForTheWholeLibraryAndBuiltAgainWhenARuleChanges() throws IOException {
    Path dir = rules();
    Files.delete(dir.resolve("c.yml")); // a file with errors is compiled at each load: no index cached then
    load(dir);
    assertEquals(false, load(dir).literalIndexFromCache(), "every file from the rule cache: the index built and written");
    AnalyticLibrary cached = load(dir);
    assertTrue(cached.literalIndexFromCache());
    assertEquals(summary(AnalyticLibrary.load(List.of(dir), false, null)), summary(cached));
    Files.writeString(dir.resolve("a.yml"), rule("a", "mimikatz.exe"));
    String expected = summary(AnalyticLibrary.load(List.of(dir), false, null));
    assertTrue(expected.contains("a@3") && !expected.contains("a@0"), expected);
    for (int i = 0; i < 3; i++) { // a.yml compiled; then all from the rewritten rule cache: built, then read
      AnalyticLibrary lib = load(dir);
      assertEquals(expected, summary(lib), "load " + i);
      assertEquals(i == 2, lib.literalIndexFromCache(), "load " + i);
    }
  }

  /**
   * The built-in analytics are cached too (a load of cached rules then parses no YAML at all): from the
   * cache they are the analytics compiled again, rule by rule, and give the same hits over sample-logs.
   */
  @Test
  void theBuiltInAnalyticsFromTheCacheAreTheOnesCompiledAgain() throws IOException {
    AnalyticLibrary compiled = AnalyticLibrary.load(List.of(), true, null);
    AnalyticLibrary first = AnalyticLibrary.load(List.of(), true, cacheDir());
    assertEquals(0, first.cachedFiles());
    assertTrue(Files.isRegularFile(cacheDir().resolve("rules-builtin.bin")));
    AnalyticLibrary cached = AnalyticLibrary.load(List.of(), true, cacheDir());
    assertTrue(cached.cachedFiles() >= 20, "the built-in rule files from the cache: " + cached.cachedFiles());
    assertEquals(List.of(), cached.errors());
    assertSameRules(compiled, cached);
    assertTrue(compiled.rules().stream().allMatch(r -> r.info().builtIn()) && cached.rules().stream().allMatch(r -> r.info().builtIn()));
    EventStore store = evtxUnder(Path.of(System.getProperty("sample.logs.dir", "../sample-logs")));
    List<String> expected = hits(compiled, store);
    assertTrue(expected.size() > 20, "a meaningful comparison: " + expected.size() + " hits");
    assertEquals(expected, hits(cached, store));
    assertEquals(summary(compiled), summary(cached));
  }

  /** Every .evtx file under a folder, imported. */
  private static EventStore evtxUnder(Path dir) throws IOException {
    List<String> inputs = new java.util.ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(p -> p.toString().endsWith(".evtx")).sorted().forEach(p -> inputs.add(p.toString()));
    }
    return new org.sysmontriage.ingest.Importer().run(inputs, org.sysmontriage.ingest.ImportProgress.NONE, new CancellationToken()).store();
  }

  /** Rule by rule: analytic, metadata and text, LSASS checks, targets, condition (slot names and test bodies). */
  private static void assertSameRules(AnalyticLibrary compiled, AnalyticLibrary cached) throws IOException {
    assertEquals(compiled.rules().size(), cached.rules().size());
    for (int i = 0; i < compiled.rules().size(); i++) {
      LoadedRule a = compiled.rules().get(i);
      LoadedRule b = cached.rules().get(i);
      String id = a.analytic().id();
      assertEquals(a.analytic(), b.analytic(), id);
      assertEquals(a.info(), b.info(), id);
      assertEquals(List.of(a.lsassTarget(), String.valueOf(a.behaviour()), String.valueOf(a.foldsInto())),
          List.of(b.lsassTarget(), String.valueOf(b.behaviour()), String.valueOf(b.foldsInto())), id);
      assertEquals(targets(a), targets(b), id);
      assertTrue(condition(a, compiled).equals(condition(b, cached)), id + ": the cached condition differs from the compiled one");
    }
  }

  private static List<String> targets(LoadedRule r) {
    return r.rule().targets().stream().map(t -> java.util.Arrays.toString(t.eventIds()) + " " + new java.util.TreeSet<>(t.channels())
        + " " + new java.util.TreeSet<>(t.providers()) + " " + new java.util.TreeMap<>(t.fieldMap())).toList();
  }

  private static String condition(LoadedRule r, AnalyticLibrary lib) throws IOException {
    org.sysmontriage.detect.sigma.CacheOutput out = new org.sysmontriage.detect.sigma.CacheOutput();
    org.sysmontriage.detect.sigma.ConditionCodec.write(out, r.rule().condition(), lib.registry());
    byte[] body = out.takeBody(); // refers to the texts and tests by their order of first use in this condition
    return java.util.HexFormat.of().formatHex(out.tables()) + " " + java.util.HexFormat.of().formatHex(body);
  }

  private static List<String> hits(AnalyticLibrary lib, EventStore store) {
    return new Detector(lib).run(store, ProgressListener.NONE, new CancellationToken()).hits().stream()
        .map(h -> h.analytic().id() + "@" + h.event() + " " + h.risk() + " " + h.matches()).toList();
  }

  @Test
  void theCacheLivesInTheApplicationsHome() {
    String home = System.getProperty("sysmontriage.home");
    if (home != null && !home.isBlank()) {
      assertEquals(Path.of(home).resolve("cache"), AnalyticLibrary.defaultCacheDir());
    } else {
      assertEquals(Path.of(System.getProperty("user.home"), ".sysmon-triage", "cache"), AnalyticLibrary.defaultCacheDir());
    }
  }
}
