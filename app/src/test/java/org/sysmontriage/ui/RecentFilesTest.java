package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.ui.start.RecentFiles;

class RecentFilesTest {
  @TempDir Path dir;

  @Test
  void keepsNewestFirstWithoutDuplicatesAcrossRestarts() {
    RecentFiles recent = new RecentFiles(dir.resolve("cfg/recent.json"));
    recent.add(List.of("a.json"));
    recent.add(List.of("b.evtx", "c.xml"));
    recent.add(List.of("a.json"));
    assertEquals(List.of(List.of("a.json"), List.of("b.evtx", "c.xml")), new RecentFiles(dir.resolve("cfg/recent.json")).load());
  }

  @Test
  void keepsTheTenNewest() {
    RecentFiles recent = new RecentFiles(dir.resolve("recent.json"));
    for (int i = 0; i < 12; i++) {
      recent.add(List.of("log" + i + ".json"));
    }
    List<List<String>> kept = recent.load();
    assertEquals(10, kept.size());
    assertEquals(List.of("log11.json"), kept.get(0));
  }

  @Test
  void aDamagedListCountsAsEmpty() throws IOException {
    Files.writeString(dir.resolve("recent.json"), "{not json");
    assertEquals(List.of(), new RecentFiles(dir.resolve("recent.json")).load());
  }
}
