package org.sysmontriage.ui.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.AnalyticInfo;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.HuntPack;
import org.sysmontriage.detect.RuleError;
import org.sysmontriage.ui.common.AppHome;

/**
 * Loads the LSASS analytics plus the packs a {@link RuleChoice} switches on, and tells each rule and
 * each rule error which pack it belongs to (by the folder its file lies in).
 */
final class RuleSetLoader {
  static final String LSASS = PackStatus.LSASS;
  static final String HUNT = PackStatus.HUNT;

  /** What was loaded: the library, the pack of every analytic that is not built in, and each pack's status. */
  record Loaded(AnalyticLibrary library, Map<String, String> packOf, List<PackStatus> packs) {}

  private RuleSetLoader() {}

  static Loaded load(RuleChoice choice) {
    Path hunt = HuntPack.folder(AppHome.dir());
    List<Path> sources = new ArrayList<>();
    if (choice.hunt() && hunt != null) {
      sources.add(hunt);
    }
    for (RuleChoice.Folder f : choice.folders()) {
      if (f.enabled() && Files.isDirectory(f.path())) {
        sources.add(f.path());
      }
    }
    AnalyticLibrary lib = sources.isEmpty() ? AnalyticLibrary.builtIn() : AnalyticLibrary.load(sources);
    Map<Path, List<String>> rulesOf = new HashMap<>();
    Map<Path, List<RuleError>> errorsOf = new HashMap<>();
    Map<String, String> packOf = new HashMap<>();
    List<String> builtIn = new ArrayList<>();
    for (Analytic a : lib.analytics()) {
      AnalyticInfo info = lib.info(a.id());
      Path in = info.builtIn() ? null : folderOf(info.ruleSource(), sources);
      if (in == null) {
        builtIn.add(a.id());
      } else {
        rulesOf.computeIfAbsent(in, k -> new ArrayList<>()).add(a.id());
        packOf.put(a.id(), in.equals(hunt) && choice.hunt() ? HUNT : name(in));
      }
    }
    List<RuleError> builtInErrors = new ArrayList<>();
    for (RuleError e : lib.errors()) {
      Path in = folderOf(e.file(), sources);
      if (in == null) {
        builtInErrors.add(e);
      } else {
        errorsOf.computeIfAbsent(in, k -> new ArrayList<>()).add(e);
      }
    }
    List<PackStatus> packs = new ArrayList<>();
    packs.add(new PackStatus(PackStatus.Kind.LSASS, LSASS, null, true, builtIn.size(), builtInErrors, "", ""));
    packs.add(new PackStatus(PackStatus.Kind.HUNT, HUNT, hunt, choice.hunt() && hunt != null,
        choice.hunt() && hunt != null ? rulesOf.getOrDefault(hunt, List.of()).size() : 0,
        choice.hunt() && hunt != null ? errorsOf.getOrDefault(hunt, List.of()) : List.of(),
        hunt == null ? HuntPack.notInstalled() : "", HuntPack.LICENSE_URL));
    for (RuleChoice.Folder f : choice.folders()) {
      boolean there = Files.isDirectory(f.path());
      boolean runs = f.enabled() && there;
      packs.add(new PackStatus(PackStatus.Kind.FOLDER, name(f.path()), f.path(), runs,
          runs ? rulesOf.getOrDefault(f.path(), List.of()).size() : 0,
          runs ? errorsOf.getOrDefault(f.path(), List.of()) : List.of(),
          there ? "" : "the folder " + f.path() + " no longer exists (or cannot be read)", ""));
    }
    return new Loaded(lib, Map.copyOf(packOf), List.copyOf(packs));
  }

  /** The first source folder a rule file lies in, or null (a built-in resource). */
  private static Path folderOf(String file, List<Path> sources) {
    Path p;
    try {
      p = Path.of(file).toAbsolutePath().normalize();
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
    for (Path s : sources) {
      if (p.startsWith(s.toAbsolutePath().normalize())) {
        return s;
      }
    }
    return null;
  }

  private static String name(Path folder) {
    Path n = folder.getFileName();
    return n == null ? folder.toString() : n.toString();
  }
}
