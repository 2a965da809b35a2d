package org.sysmontriage.ingest.evtx;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.ingest.LogReader;
import org.sysmontriage.ingest.ReadContext;

/**
 * Windows XML Event Log (EVTX) files: a 4 KiB file header, then independent 64 KiB chunks of
 * BinXml records. Chunks are found by their {@code ElfChnk} signature up to the end of the file
 * (never by the header's count) and decoded in parallel; events reach the context in file order.
 * Damaged chunks and records are skipped with their location; everything else is kept.
 */
public final class EvtxLogReader implements LogReader {
  private final int threads;

  public EvtxLogReader() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** A reader that decodes each file on at most {@code threads} threads. */
  public EvtxLogReader(int threads) {
    this.threads = Math.max(1, threads);
  }

  @Override
  public String format() {
    return "evtx";
  }

  @Override
  public void read(Path file, ReadContext ctx) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      FileHeader header = FileHeader.read(ch);
      ctx.dialect(dialect(header));
      ChunkScheduler chunks = new ChunkScheduler(ch, size, header.hasCrc(), ctx);
      chunks.run(threads);
      reportHeader(header, chunks.chunksWithMagic(), size, ctx);
    }
  }

  /** The 64 KiB chunk slots of an EVTX file of {@code fileSize} bytes: the units a file is split into. */
  public static int chunkSlots(long fileSize) {
    return ChunkScheduler.chunkSlots(fileSize);
  }

  /**
   * Reads only chunks {@code first} to {@code end} (exclusive) on the calling thread: one part of a
   * file split by chunk ranges (chunks are independent). Issues are located by the chunk's place in
   * the whole file. Returns the chunks that carried the ElfChnk signature; once every part is read,
   * {@link #reportHeader} checks the file header against their sum.
   */
  public int readChunks(Path file, int first, int end, ReadContext ctx) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      FileHeader header = FileHeader.read(ch);
      ctx.dialect(dialect(header));
      ChunkScheduler chunks = new ChunkScheduler(ch, ch.size(), header.hasCrc(), ctx, first, end);
      chunks.run(1);
      return chunks.chunksWithMagic();
    }
  }

  /** The file header's own issues, given the chunks with a signature found by every part of the file. */
  public void reportHeader(Path file, int chunksWithMagic, ReadContext ctx) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      FileHeader header = FileHeader.read(ch);
      ctx.dialect(dialect(header));
      reportHeader(header, chunksWithMagic, ch.size(), ctx);
    }
  }

  private static String dialect(FileHeader header) {
    return header.hasMagic() ? "EVTX " + header.version() : "EVTX (no file header)";
  }

  private static void reportHeader(FileHeader header, int found, long size, ReadContext ctx) {
    if (!header.hasMagic()) {
      if (found == 0) {
        throw new TriageException(ctx.source() + " is not an EVTX file: no ElfFile header and no ElfChnk chunk");
      }
      ctx.issue("offset 0x0", "no ElfFile signature in the file header; chunks read by their own signature");
      return;
    }
    if (!header.crcOk() && header.hasCrc()) {
      ctx.issue("offset 0x0", "file header CRC32 mismatch; chunks read by their own signature");
    }
    if (header.chunkCount() < found) {
      ctx.note("offset 0x0", "file header says " + chunks(header.chunkCount()) + ", the file holds " + found
          + " (header not updated: a copy of a live log); all " + found + " read");
    } else if (header.chunkCount() > found) {
      ctx.issue("offset 0x0", "file header says " + chunks(header.chunkCount()) + ", only " + found
          + " found: the file is truncated or chunks were lost");
    }
    if (size < FileHeader.SIZE) {
      ctx.issue("offset 0x0", "file ends inside its header (" + size + " bytes)");
    }
  }

  @Override
  public String readRaw(Path file, long offset) throws IOException {
    if (offset < FileHeader.SIZE) {
      throw new TriageException("no EVTX record at offset " + offset + " of " + file);
    }
    long chunkIndex = (offset - FileHeader.SIZE) / Chunk.SIZE;
    long chunkOffset = FileHeader.SIZE + chunkIndex * Chunk.SIZE;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ChunkReader reader = new ChunkReader(false);
      if (!reader.load(ch, (int) chunkIndex, chunkOffset)) {
        throw new TriageException("offset " + offset + " is past the end of " + file);
      }
      return reader.renderXml((int) (offset - chunkOffset));
    } catch (EvtxFormatException e) {
      throw new TriageException("cannot render the EVTX record at offset 0x" + Long.toHexString(offset) + " of " + file + ": " + e.getMessage(), e);
    }
  }

  private static String chunks(long n) {
    return n + (n == 1 ? " chunk" : " chunks");
  }
}
