package org.sysmontriage.ingest;

import java.io.Serializable;

/**
 * One piece of a split import ({@link SplitReading}), small enough to send to another machine:
 * a range of EVTX chunks, a range of JSON lines, a whole file (XML, a JSON document, an archive),
 * or an input that is only listed.
 *
 * @param file the input's place among all inputs (the order of sources in the result)
 * @param part the piece's place within its input, 0 first
 * @param parts how many pieces the input was cut into
 * @param source the input's name as the user sees it (the path as given, joined inside a folder)
 * @param path the absolute path every machine reads
 * @param from first chunk (EVTX) or byte (JSON lines) of the piece
 * @param to end, exclusive
 * @param problem why the input cannot be read at all ({@link Kind#UNREADABLE})
 */
public record LogPart(int file, int part, int parts, String source, String path, Kind kind, boolean explicit,
    long size, long from, long to, String problem) implements Serializable {

  /** How a piece is read. */
  public enum Kind { EVTX_CHUNKS, JSON_LINES, WHOLE, NOT_A_LOG, UNREADABLE }

  /** Bytes this piece reads: the unit for balancing work. */
  public long bytes() {
    return switch (kind) {
      case EVTX_CHUNKS -> (to - from) * 65_536L;
      case JSON_LINES -> to - from;
      case WHOLE -> size;
      default -> 0;
    };
  }
}
