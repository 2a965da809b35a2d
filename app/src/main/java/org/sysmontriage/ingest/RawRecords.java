package org.sysmontriage.ingest;

import java.io.IOException;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.event.TriageException;

/**
 * The original record of a stored event (XML or JSON text as the log holds it), re-read on
 * demand from its log (archive members: from the import's private copy) by the format's reader.
 */
public final class RawRecords {
  private static final LogReaders READERS = new LogReaders();

  private RawRecords() {}

  /** The raw record of event {@code event}; a {@link TriageException} says why when it cannot be read. */
  public static String raw(EventStore store, int event) {
    return raw(store, event, READERS);
  }

  static String raw(EventStore store, int event, LogReaders readers) {
    SourceInfo source = store.source(event);
    LogReader reader = readers.forFormat(source.format());
    long offset = store.rawOffset(event);
    if (reader == null || source.localFile() == null || offset < 0) {
      throw new TriageException("the raw record of this event is not available (" + source.source() + ")");
    }
    try {
      return reader.readRaw(source.localFile(), offset);
    } catch (IOException e) {
      throw new TriageException("cannot re-read the raw record from " + source.source() + ": " + e.getMessage(), e);
    }
  }
}
