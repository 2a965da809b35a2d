package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.RuleError;
import org.sysmontriage.detect.Severity;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.ui.common.SameThreadTaskRunner;
import org.sysmontriage.ui.engine.PackStatus;
import org.sysmontriage.ui.engine.RuleChoice;
import org.sysmontriage.ui.library.LibraryViewModel;
import org.sysmontriage.ui.library.RuleChoiceFile;

/** The library's rule packs: each choice is saved, loaded by the engine, and the open logs analysed again. */
class LibraryViewModelTest {
  @TempDir Path dir;
  private static final Analytic HUNT = new Analytic("hunt-1", "A hunt rule", "", Severity.CRITICAL, List.of(), List.of(), 90, 100);

  /** Loads the fixture analytics plus one hunt rule when Hunt is on, and reports an error per rule folder. */
  private static final class PackEngine extends FakeEngine {
    final List<RuleChoice> loads = new ArrayList<>();
    private boolean hunt;

    @Override
    public List<PackStatus> useRules(RuleChoice choice, CancellationToken cancel) {
      loads.add(choice);
      hunt = choice.hunt();
      List<PackStatus> out = new ArrayList<>(List.of(new PackStatus(PackStatus.Kind.LSASS, PackStatus.LSASS, null, true, 3, List.of(), "", ""),
          new PackStatus(PackStatus.Kind.HUNT, PackStatus.HUNT, Path.of("hunt"), hunt, hunt ? 1 : 0, List.of(), "", "https://lic")));
      for (RuleChoice.Folder f : choice.folders()) {
        out.add(new PackStatus(PackStatus.Kind.FOLDER, "mine", f.path(), f.enabled(), 0,
            List.of(new RuleError(f.path().resolve("bad.yml").toString(), 6, "unsupported modifier 'nope'")), "", ""));
      }
      return out;
    }

    @Override
    public List<Analytic> analytics() {
      List<Analytic> all = new ArrayList<>(super.analytics());
      if (hunt) {
        all.add(0, HUNT);
      }
      return all;
    }

    @Override
    public Map<String, String> packs() {
      return hunt ? Map.of("hunt-1", PackStatus.HUNT) : Map.of();
    }
  }

  @Test
  void eachChoiceIsSavedLoadedAndTheLogsAnalysedAgain() {
    PackEngine engine = new PackEngine();
    AtomicInteger changed = new AtomicInteger();
    RuleChoiceFile file = new RuleChoiceFile(dir.resolve("analytics.json"));
    LibraryViewModel vm = new LibraryViewModel(new LibraryViewModel.Parts(engine, new SameThreadTaskRunner(), file, Optional.empty(),
        (p, id) -> {}, changed::incrementAndGet));
    vm.start();

    vm.setHunt(true);

    assertTrue(file.load().hunt());
    assertEquals(2, changed.get());
    assertEquals(List.of("e102e297-dbe6-4a19-b319-5c08f4c19a06", "CAR-2020-05-001", "CAR-2019-08-001", "hunt-1"),
        vm.analytics().stream().map(Analytic::id).toList(), "the LSASS analytics first, though the hunt rule scores higher");
    assertEquals("Hunt", vm.packOf(HUNT));

    vm.addFolder(dir.resolve("mine"));

    assertEquals(List.of(dir.resolve("mine").resolve("bad.yml") + ":6: unsupported modifier 'nope'"), vm.errors());
    assertTrue(vm.statusProperty().get().contains("1 rule could not be loaded"), vm.statusProperty().get());
    assertEquals(new RuleChoice(true, List.of(new RuleChoice.Folder(dir.resolve("mine").toAbsolutePath().normalize(), true))), file.load());
    assertEquals(3, vm.packs().size());
  }
}
