package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.ui.engine.RuleChoice;
import org.sysmontriage.ui.library.RuleChoiceFile;

/** The rule packs chosen are kept between sessions; a damaged file means the LSASS analytics alone. */
class RuleChoiceFileTest {
  @TempDir Path dir;

  @Test
  void aSavedChoiceReadsBackInOrder() {
    RuleChoiceFile file = new RuleChoiceFile(dir.resolve("home/analytics.json"));
    RuleChoice choice = RuleChoice.LSASS_ONLY.withHunt(true).withFolder(dir.resolve("b")).withFolder(dir.resolve("a"))
        .withFolderEnabled(dir.resolve("b").toAbsolutePath().normalize(), false);

    file.save(choice);

    assertEquals(choice, file.load());
    assertEquals(List.of(false, true), file.load().folders().stream().map(RuleChoice.Folder::enabled).toList());
  }

  @Test
  void aMissingOrDamagedFileMeansTheLsassAnalyticsAlone() throws Exception {
    Path f = dir.resolve("analytics.json");
    assertEquals(RuleChoice.LSASS_ONLY, new RuleChoiceFile(f).load());
    Files.writeString(f, "{\"hunt\": tr");
    assertEquals(RuleChoice.LSASS_ONLY, new RuleChoiceFile(f).load());
  }

  @Test
  void addingAFolderTwiceKeepsOneEntry() {
    RuleChoice c = RuleChoice.LSASS_ONLY.withFolder(dir.resolve("x")).withFolder(dir.resolve("x/../x"));
    assertEquals(1, c.folders().size());
  }
}
