package org.sysmontriage.ingest.evtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.ingest.ReadContext;
import org.sysmontriage.testing.Corpus;

/**
 * The fuzz campaign's other half: mutated EVTX files over 8 MB (many chunks, read on several
 * threads) must give exactly what one thread gives, with located issues, and a record nested
 * 5,000 elements deep is read and rendered (or a located skip), never a stack overflow. Fixed seeds; the timeouts
 * are hang guards, not speed assertions. {@code -Devtx.fuzz.large=N} runs more big files.
 */
class EvtxLargeAndDeepFuzzTest {
  private static final int LARGE_FILES = Integer.getInteger("evtx.fuzz.large", 3);
  private static final int CHUNKS = 8 * 1024 * 1024 / Chunk.SIZE + 4; // just over 8 MB

  @TempDir Path tmp;

  @Test
  void mutatedFilesOverEightMegabytesReadTheSameOnOneAndOnSeveralThreads() throws Exception {
    byte[] header = Files.readAllBytes(Corpus.file("omerbenamram-evtx/samples/sysmon.evtx"));
    List<byte[]> chunks = realChunks();
    Random random = new Random(20261204L);
    long[] skipped = {0};
    assertTimeoutPreemptively(Duration.ofSeconds(300), () -> {
      for (int f = 0; f < LARGE_FILES; f++) {
        byte[] content = new byte[4096 + CHUNKS * Chunk.SIZE];
        System.arraycopy(header, 0, content, 0, 4096);
        for (int c = 0; c < CHUNKS; c++) {
          byte[] chunk = chunks.get(random.nextInt(chunks.size())).clone();
          if (random.nextInt(4) == 0) {
            Mutations.apply(chunk, random); // about a quarter of the chunks damaged, the rest intact
          }
          System.arraycopy(chunk, 0, content, 4096 + c * Chunk.SIZE, Chunk.SIZE);
        }
        Path file = Files.write(tmp.resolve("big" + f + ".evtx"), content);
        assertTrue(Files.size(file) > 8L * 1024 * 1024);
        ReadContext one = read(file, 1);
        ReadContext several = read(file, 4);
        assertEquals(one.events(), several.events(), "file " + f);
        assertEquals(one.skipped(), several.skipped(), "file " + f);
        assertEquals(sorted(one.issues()), sorted(several.issues()), "file " + f);
        assertTrue(one.events() > 0, "intact chunks keep their events");
        skipped[0] += one.skipped();
      }
    });
    assertTrue(skipped[0] > 0, "the mutations never damaged a record: the fuzzer is not biting");
  }

  @Test
  void aRecordNestedThousandsOfElementsDeepIsReadOrALocatedSkipNeverAStackOverflow() {
    byte[] binxml = deeplyNested(5000);
    byte[] chunk = Mutations.chunkWithOneRecord(binxml);
    ReadContext ctx = new ReadContext("deep", d -> { }, new CancellationToken(), b -> { });
    ChunkReader reader = new ChunkReader(false);
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      reader.load(chunk, 0, chunk.length, 0, 4096);
      reader.parse(ctx);
    });
    for (ImportIssue issue : ctx.issues()) {
      assertTrue(issue.where().startsWith("chunk 0 offset 0x1200 record 1"), issue.toString());
      if (issue.message().startsWith("internal error") || issue.message().contains("StackOverflow")) {
        fail(issue.toString());
      }
    }
    assertEquals(1, reader.draftCount() + ctx.skipped(), "the record is an event or one located skip: " + ctx.issues());

  }

  @Test
  void deeplyNestedRecordsInAFileOverEightMegabytesReadAndRenderTheSameOnEveryPath() throws Exception {
    byte[] header = Files.readAllBytes(Corpus.file("omerbenamram-evtx/samples/sysmon.evtx"));
    List<byte[]> chunks = realChunks();
    byte[] deep = Mutations.chunkWithOneRecord(deeplyNested(5000));
    byte[] content = new byte[4096 + CHUNKS * Chunk.SIZE];
    System.arraycopy(header, 0, content, 0, 4096);
    for (int c = 0; c < CHUNKS; c++) {
      System.arraycopy(c % 16 == 5 ? deep : chunks.get(c % chunks.size()), 0, content, 4096 + c * Chunk.SIZE, Chunk.SIZE);
    }
    Path file = Files.write(tmp.resolve("deep.evtx"), content);
    ReadContext one = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> read(file, 1));
    ReadContext several = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> read(file, 4));
    assertEquals(one.events(), several.events());
    assertEquals(sorted(one.issues()), sorted(several.issues()));
    assertTrue(one.events() > 0);
    String raw = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> new EvtxLogReader(1).readRaw(file, 4096L + 5 * Chunk.SIZE + 512)); // the details pane's view of it
    assertEquals(5000, raw.split("<E", -1).length - 1, "every nested element rendered");
    assertTrue(raw.strip().endsWith("</E>"), raw.substring(Math.max(0, raw.length() - 80)));
  }

  /** A fragment of {@code depth} nested elements {@code <E>} (name inline once, then referenced), closed again. */
  static byte[] deeplyNested(int depth) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(new byte[] {0x0f, 1, 1, 0}); // fragment header: not a template instance, walked as plain elements
    int recordBinXmlAt = 0x218; // where chunkWithOneRecord puts the BinXml
    int nameAt = recordBinXmlAt + 4 + 1 + 4 + 4;
    b.write(0x01);
    le32(b, 0);
    le32(b, nameAt);
    b.writeBytes(new byte[] {0, 0, 0, 0, 0, 0, 1, 0}); // next offset, hash, one character
    b.writeBytes("E".getBytes(StandardCharsets.UTF_16LE));
    b.writeBytes(new byte[] {0, 0});
    b.write(0x02);
    for (int i = 1; i < depth; i++) {
      b.write(0x01);
      le32(b, 0);
      le32(b, nameAt);
      b.write(0x02);
    }
    for (int i = 0; i < depth; i++) {
      b.write(0x04);
    }
    b.write(0x00);
    return b.toByteArray();
  }

  private static void le32(ByteArrayOutputStream b, int v) {
    b.write(v);
    b.write(v >> 8);
    b.write(v >> 16);
    b.write(v >> 24);
  }

  private static ReadContext read(Path file, int threads) throws Exception {
    ReadContext ctx = new ReadContext("big", d -> { }, new CancellationToken(), b -> { });
    new EvtxLogReader(threads).read(file, ctx);
    for (ImportIssue issue : ctx.issues()) {
      if (issue.message().startsWith("internal error")) {
        fail(issue.toString());
      }
      if (!issue.where().startsWith("chunk ") && !issue.where().startsWith("offset ") && !issue.where().equals("-")) {
        fail("issue without location: " + issue);
      }
    }
    return ctx;
  }

  private static List<String> sorted(List<ImportIssue> issues) {
    return issues.stream().map(ImportIssue::toString).sorted().toList();
  }

  private static List<byte[]> realChunks() throws Exception {
    List<byte[]> out = new ArrayList<>();
    for (String source : new String[] {"omerbenamram-evtx/samples/sysmon.evtx",
        "EVTX-ATTACK-SAMPLES/Execution/rogue_msi_url_1040_1042.evtx"}) {
      byte[] file = Files.readAllBytes(Corpus.file(source));
      for (int at = 4096; at + Chunk.SIZE <= file.length && out.size() < 48; at += Chunk.SIZE) {
        if (Chunk.hasMagic(file, at, file.length)) {
          out.add(Arrays.copyOfRange(file, at, at + Chunk.SIZE));
        }
      }
    }
    return out;
  }
}
