package org.sysmontriage.ingest.evtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.ingest.ReadContext;
import org.sysmontriage.testing.Corpus;

/**
 * Real chunks mutated thousands of times (bit flips, random bytes, random lengths and offsets in
 * the structures, truncation), with a fixed seed: reading must return normally with located
 * issues, never throw, never hang. {@code -Devtx.fuzz.iterations=N} runs a longer campaign.
 * {@code -Devtx.fuzz.seed=S} another sequence. The timeout is a hang guard for the whole batch, not
 * a speed assertion.
 */
class EvtxFuzzTest {
  private static final int ITERATIONS = Integer.getInteger("evtx.fuzz.iterations", 3000);
  private static final String[] SOURCES = {
    "omerbenamram-evtx/samples/sysmon.evtx",
    "omerbenamram-evtx/samples/2-system-Microsoft-Windows-LiveId%4Operational.evtx",
    "omerbenamram-evtx/samples/issue_201.evtx",
    "omerbenamram-evtx/samples/sample-with-irregular-bool-values.evtx",
    "EVTX-ATTACK-SAMPLES/Execution/rogue_msi_url_1040_1042.evtx",
    "EVTX-ATTACK-SAMPLES/Discovery/dicovery_4661_net_group_domain_admins_target.evtx",
  };

  @TempDir Path tmp;

  @Test
  void mutatedChunksNeverThrowNorHang() throws Exception {
    List<byte[]> chunks = realChunks();
    assertTrue(chunks.size() >= SOURCES.length, "too few chunks to mutate");
    long[] outcome = new long[3]; // events, skipped, issues
    assertTimeoutPreemptively(Duration.ofSeconds(240), () -> {
      Random random = new Random(Long.getLong("evtx.fuzz.seed", 20261121L));
      ChunkReader reader = new ChunkReader(true);
      for (int i = 0; i < ITERATIONS; i++) {
        byte[] chunk = chunks.get(random.nextInt(chunks.size())).clone();
        int length = Mutations.apply(chunk, random);
        ReadContext ctx = context();
        reader.load(chunk, 0, length, 0, 4096);
        reader.parse(ctx);
        for (int r = 0; r < reader.draftCount(); r++) {
          ctx.event(reader.draft(r));
        }
        check(ctx, i);
        outcome[0] += ctx.events();
        outcome[1] += ctx.skipped();
        outcome[2] += ctx.issues().size();
      }
    });
    System.out.printf("fuzz: %d mutations, %d events kept, %d records skipped, %d issues%n",
        ITERATIONS, outcome[0], outcome[1], outcome[2]);
    assertTrue(outcome[1] > 0, "mutations never damaged a record: the fuzzer is not biting");
  }

  @Test
  void mutatedFilesReadThroughTheReaderNeverThrow() throws Exception {
    List<byte[]> chunks = realChunks();
    Random random = new Random(7L);
    byte[] header = Files.readAllBytes(Corpus.file(SOURCES[0]));
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      for (int i = 0; i < Math.max(50, ITERATIONS / 40); i++) {
        Path file = tmp.resolve("fuzz.evtx");
        byte[] content = new byte[4096 + 3 * Chunk.SIZE];
        System.arraycopy(header, 0, content, 0, 4096);
        for (int c = 0; c < 3; c++) {
          System.arraycopy(chunks.get(random.nextInt(chunks.size())), 0, content, 4096 + c * Chunk.SIZE, Chunk.SIZE);
        }
        int length = Mutations.apply(content, random);
        Files.write(file, java.util.Arrays.copyOf(content, length));
        ReadContext ctx = context();
        try {
          new EvtxLogReader(2).read(file, ctx);
        } catch (org.sysmontriage.event.TriageException e) {
          continue; // "not an EVTX file" is a fair answer when the mutation hit every signature
        }
        check(ctx, i);
      }
    });
  }

  @Test
  void selfReferencingTemplateIsALocatedIssueNotAHang() {
    byte[] chunk = Mutations.chunkWithOneRecord(new byte[] {
        0x0f, 1, 1, 0, // fragment header (the record's BinXml starts at chunk offset 0x218)
        0x0c, 1, 0, 0, 0, 0, 0x26, 2, 0, 0, // template instance -> definition at 0x226, inline
        0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 19, 0, 0, 0, // definition header
        0x0f, 1, 1, 0, 0x0c, 1, 0, 0, 0, 0, 0x26, 2, 0, 0, 0, 0, 0, 0, 0, // instance of itself, 0 values
        0, 0, 0, 0, 0 // outer substitution count 0, end of stream
    });
    ReadContext ctx = context();
    ChunkReader reader = new ChunkReader(false);
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      reader.load(chunk, 0, chunk.length, 0, 4096);
      reader.parse(ctx);
    });
    assertEquals(0, reader.draftCount());
    assertEquals(1, ctx.skipped());
    assertTrue(ctx.issues().get(0).message().contains("nested deeper"), ctx.issues().toString());
    assertTrue(ctx.issues().get(0).where().startsWith("chunk 0 offset 0x1200 record 1"), ctx.issues().get(0).where());
  }

  private static void check(ReadContext ctx, int iteration) {
    for (ImportIssue issue : ctx.issues()) {
      if (issue.message().startsWith("internal error")) {
        fail("mutation " + iteration + ": " + issue);
      }
      if (!issue.where().startsWith("chunk ") && !issue.where().startsWith("offset ")) {
        fail("mutation " + iteration + ": issue without location: " + issue);
      }
    }
  }

  private static ReadContext context() {
    return new ReadContext("fuzz", d -> { }, new CancellationToken(), b -> { });
  }

  private static List<byte[]> realChunks() throws IOException {
    List<byte[]> out = new ArrayList<>();
    for (String source : SOURCES) {
      byte[] file = Files.readAllBytes(Corpus.file(source));
      for (int at = 4096; at + Chunk.SIZE <= file.length && out.size() < 64; at += Chunk.SIZE) {
        if (Chunk.hasMagic(file, at, file.length)) {
          out.add(java.util.Arrays.copyOfRange(file, at, at + Chunk.SIZE));
        }
      }
    }
    return out;
  }
}
