package org.sysmontriage.ingest.evtx;

import java.io.IOException;
import java.nio.file.Path;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.ingest.LogReader;
import org.sysmontriage.ingest.ReadContext;

/** EVTX logs. */
public final class EvtxLogReader implements LogReader {
  @Override
  public String format() {
    return "evtx";
  }

  @Override
  public void read(Path file, ReadContext ctx) throws IOException {
    throw new TriageException("EVTX logs are not supported yet: " + ctx.source());
  }

  @Override
  public String readRaw(Path file, long offset) throws IOException {
    throw new TriageException("EVTX logs are not supported yet");
  }
}
