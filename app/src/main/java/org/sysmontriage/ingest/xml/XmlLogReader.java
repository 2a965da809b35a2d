package org.sysmontriage.ingest.xml;

import java.io.IOException;
import java.nio.file.Path;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.ingest.LogReader;
import org.sysmontriage.ingest.ReadContext;

/** XML logs. */
public final class XmlLogReader implements LogReader {
  @Override
  public String format() {
    return "xml";
  }

  @Override
  public void read(Path file, ReadContext ctx) throws IOException {
    throw new TriageException("XML logs are not supported yet: " + ctx.source());
  }

  @Override
  public String readRaw(Path file, long offset) throws IOException {
    throw new TriageException("XML logs are not supported yet");
  }
}
