package org.sysmontriage.ingest.json;

import java.io.IOException;
import java.nio.file.Path;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.ingest.LogReader;
import org.sysmontriage.ingest.ReadContext;

/** JSON logs. */
public final class JsonLogReader implements LogReader {
  @Override
  public String format() {
    return "json";
  }

  @Override
  public void read(Path file, ReadContext ctx) throws IOException {
    throw new TriageException("JSON logs are not supported yet: " + ctx.source());
  }

  @Override
  public String readRaw(Path file, long offset) throws IOException {
    throw new TriageException("JSON logs are not supported yet");
  }
}
