package org.sysmontriage.casefile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Child process of {@link CaseFileKillTest}: saves ever newer generations of a large case file
 * until it is killed. Every generation is complete in itself: {@link #GENERATION_HITS} hits, each
 * noting its generation, so a torn or mixed file is detected.
 */
public final class CaseSaveLoop {
  static final int GENERATION_HITS = 400;

  private CaseSaveLoop() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    for (int gen = 1; ; gen++) {
      CaseFiles.save(file, generation(gen), EvidenceGuard.NONE);
      System.out.println("saved " + gen);
      System.out.flush();
    }
  }

  static CaseFile generation(int gen) {
    Map<String, HitTriage> hits = new HashMap<>();
    String notes = "generation " + gen + " " + "x".repeat(10_000);
    for (int i = 0; i < GENERATION_HITS; i++) {
      hits.put(new HitKey("f".repeat(64), i, i * 100L, "CAR-2019-08-001").text(),
          new HitTriage(HitStatus.TRUE_POSITIVE, List.of("gen-" + gen), notes, "", ""));
    }
    return new CaseFile(CaseFile.FORMAT, CaseFile.VERSION, List.of(), hits, List.of());
  }
}
