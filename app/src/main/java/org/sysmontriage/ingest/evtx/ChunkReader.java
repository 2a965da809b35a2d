package org.sysmontriage.ingest.evtx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import org.sysmontriage.event.CancelledException;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.Times;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.ingest.ReadContext;

/**
 * Reads the records of one chunk at a time into drafts (one instance per worker thread, reused):
 * checks the chunk's signature and CRCs, walks records from offset 512 to the free space offset,
 * and turns each into an {@link EventDraft}. A record that cannot be decoded is skipped with its
 * location; the records around it are kept.
 */
final class ChunkReader {
  static final int RECORD_HEADER = 24;
  private static final int RECORD_MAGIC = 0x00002a2a;

  final Chunk chunk = new Chunk();
  private final BinXmlWalker walker = new BinXmlWalker();
  private final DraftSink sink = new DraftSink();
  private final boolean checkCrc;
  private EventDraft[] drafts = new EventDraft[64];
  private int draftCount;

  /** {@code checkCrc}: false for version 3.2 files whose header says chunks carry no CRC32. */
  ChunkReader(boolean checkCrc) {
    this.checkCrc = checkCrc;
  }

  /** Reads chunk {@code index} at {@code offset}; false when the file has no byte there. */
  boolean load(FileChannel ch, int index, long offset) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(chunk.data);
    while (buf.hasRemaining()) {
      int n = ch.read(buf, offset + buf.position());
      if (n < 0) {
        break;
      }
    }
    Arrays.fill(chunk.data, buf.position(), Chunk.SIZE, (byte) 0);
    chunk.reset(index, offset, buf.position());
    return buf.position() > 0;
  }

  /** Loads a chunk from memory (tests, fuzzing). */
  void load(byte[] bytes, int from, int length, int index, long offset) {
    int n = Math.min(length, Chunk.SIZE);
    System.arraycopy(bytes, from, chunk.data, 0, n);
    Arrays.fill(chunk.data, n, Chunk.SIZE, (byte) 0);
    chunk.reset(index, offset, n);
  }

  /** Decodes the loaded chunk's records into {@link #drafts()}; issues go to {@code ctx}. */
  void parse(ReadContext ctx) {
    draftCount = 0;
    if (!chunk.hasMagic()) {
      int lost = recordSignatures();
      if (lost > 0) { // unused pre-allocated space (zeros or junk) is not worth a word
        ctx.issue(where(), "no ElfChnk signature (chunk header lost); " + lost
            + " record signatures in it cannot be decoded without it and are not read");
      }
      return;
    }
    if (chunk.size < Chunk.SIZE) {
      ctx.issue(where(), "chunk truncated by the end of the file (" + chunk.size + " of 65536 bytes); reading what is there");
    }
    if (chunk.size < Chunk.HEADER_SIZE) {
      return;
    }
    int end = recordsEnd(ctx);
    if (checkCrc) {
      checkCrc(ctx);
    }
    readRecords(ctx, end);
  }

  private int recordsEnd(ReadContext ctx) {
    long free = chunk.freeSpaceOffset();
    if (free < Chunk.HEADER_SIZE || free > Chunk.SIZE) {
      ctx.issue(where(), "free space offset 0x" + Long.toHexString(free) + " is invalid; reading records up to the chunk end");
      return chunk.size;
    }
    return (int) Math.min(free, chunk.size);
  }

  private void checkCrc(ReadContext ctx) {
    if (!chunk.headerCrcOk()) {
      ctx.issue(where(), "chunk header CRC32 mismatch; records read anyway");
    }
    long free = chunk.freeSpaceOffset();
    if (free >= Chunk.HEADER_SIZE && free <= chunk.size && !chunk.dataCrcOk()) {
      ctx.issue(where(), "chunk records CRC32 mismatch; records read anyway");
    }
  }

  private void readRecords(ReadContext ctx, int end) {
    byte[] b = chunk.data;
    int pos = Chunk.HEADER_SIZE;
    while (pos <= end - RECORD_HEADER - 4) {
      if (Le.i32(b, pos) != RECORD_MAGIC) {
        int next = nextRecord(pos + 8, end);
        if (next < 0) {
          return; // the rest is unused space
        }
        ctx.issue(where(pos), "no record signature; skipped " + (next - pos) + " bytes to the next record");
        pos = next;
        continue;
      }
      long size = Le.u32(b, pos + 4);
      if (size < RECORD_HEADER + 4 || size > chunk.size - pos || Le.u32(b, pos + (int) size - 4) != size) {
        ctx.skip(where(pos), "record size " + size + " is invalid (or its trailing copy differs)");
        int next = nextRecord(pos + 8, end);
        if (next < 0) {
          return;
        }
        pos = next;
        continue;
      }
      readRecord(ctx, pos, (int) size);
      pos += (int) size;
    }
  }

  private int recordSignatures() {
    int n = 0;
    for (int p = Chunk.HEADER_SIZE; p <= chunk.size - 8; p += 8) {
      if (Le.i32(chunk.data, p) == RECORD_MAGIC) {
        n++;
      }
    }
    return n;
  }

  /** The next offset in [from, end) that starts a record with a consistent size, or -1. */
  private int nextRecord(int from, int end) {
    byte[] b = chunk.data;
    for (int p = (from + 7) & ~7; p <= end - RECORD_HEADER - 4; p += 8) {
      if (Le.i32(b, p) == RECORD_MAGIC) {
        long size = Le.u32(b, p + 4);
        if (size >= RECORD_HEADER + 4 && size <= chunk.size - p && Le.u32(b, p + (int) size - 4) == size) {
          return p;
        }
      }
    }
    return -1;
  }

  private void readRecord(ReadContext ctx, int pos, int size) {
    byte[] b = chunk.data;
    long id = Le.i64(b, pos + 8);
    EventDraft d = nextDraft();
    try {
      sink.start(d);
      walker.walkRecord(chunk, pos + RECORD_HEADER, pos + size - 4, sink);
      sink.finish(Times.fromFiletime(Le.i64(b, pos + 16)));
      if (d.recordId < 0) {
        d.recordId = id;
      }
      d.rawOffset = chunk.fileOffset + pos;
      draftCount++;
    } catch (EvtxFormatException e) {
      ctx.skip(where(pos) + " record " + id, e.getMessage());
    } catch (CancelledException | TriageException e) {
      throw e;
    } catch (RuntimeException e) { // a decoding bug must cost one record, never the file
      ctx.skip(where(pos) + " record " + id, "internal error while decoding: " + e);
    }
  }

  private EventDraft nextDraft() {
    if (draftCount == drafts.length) {
      drafts = Arrays.copyOf(drafts, draftCount * 2);
    }
    EventDraft d = drafts[draftCount];
    if (d == null) {
      d = new EventDraft();
      drafts[draftCount] = d;
    } else {
      d.clear();
    }
    return d;
  }

  int draftCount() {
    return draftCount;
  }

  EventDraft draft(int i) {
    return drafts[i];
  }

  /** Renders the record at chunk offset {@code pos} as XML (the chunk must be loaded). */
  String renderXml(int pos) {
    byte[] b = chunk.data;
    Le.need(pos, RECORD_HEADER + 4, chunk.size);
    if (Le.i32(b, pos) != RECORD_MAGIC) {
      throw new EvtxFormatException("no record at this offset");
    }
    long size = Le.u32(b, pos + 4);
    if (size < RECORD_HEADER + 4 || size > chunk.size - pos) {
      throw new EvtxFormatException("record size " + size + " is invalid");
    }
    StringBuilder out = new StringBuilder(4096);
    walker.walkRecord(chunk, pos + RECORD_HEADER, pos + (int) size - 4, XmlSink.pretty(out));
    return out.append('\n').toString();
  }

  private String where() {
    return "chunk " + chunk.index + " offset 0x" + Long.toHexString(chunk.fileOffset);
  }

  private String where(int pos) {
    return "chunk " + chunk.index + " offset 0x" + Long.toHexString(chunk.fileOffset + pos);
  }
}
