package org.sysmontriage.ingest;

import org.sysmontriage.ingest.evtx.EvtxLogReader;
import org.sysmontriage.ingest.json.JsonLogReader;
import org.sysmontriage.ingest.xml.XmlLogReader;

/** The reader of each log format. Readers are stateless, so one instance serves every thread. */
final class LogReaders {
  private final LogReader evtx;
  private final LogReader xml;
  private final LogReader json;

  LogReaders() {
    this(new EvtxLogReader(), new XmlLogReader(), new JsonLogReader());
  }

  /** Other readers, for tests of the import machinery. */
  LogReaders(LogReader evtx, LogReader xml, LogReader json) {
    this.evtx = evtx;
    this.xml = xml;
    this.json = json;
  }

  /** The reader for {@code evtx}, {@code xml} or {@code json}; null for anything else. */
  LogReader forFormat(String format) {
    return switch (format) {
      case "evtx" -> evtx;
      case "xml" -> xml;
      case "json" -> json;
      default -> null;
    };
  }
}
