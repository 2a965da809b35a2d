package org.sysmontriage.ingest;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sysmontriage.event.EventDraft;

/**
 * A stand-in reader for tests of the import machinery: every non-blank line is one event whose
 * EventID is the line number; a line "boom" throws, a line "bad" is skipped with an issue.
 */
final class LineReader implements LogReader {
  private final String format;

  LineReader(String format) {
    this.format = format;
  }

  static LogReaders all() {
    return new LogReaders(new LineReader("evtx"), new LineReader("xml"), new LineReader("json"));
  }

  @Override
  public String format() {
    return format;
  }

  @Override
  public void read(Path file, ReadContext ctx) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    ctx.dialect("lines");
    EventDraft d = new EventDraft();
    int start = 0;
    int line = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        line++;
        String text = new String(bytes, start, i - start, StandardCharsets.UTF_8).strip();
        if (text.equals("boom")) {
          throw new IllegalStateException("boom at line " + line);
        } else if (text.equals("bad")) {
          ctx.skip("line " + line, "bad record");
        } else if (!text.isEmpty()) {
          d.clear();
          d.eventId = line;
          d.rawOffset = start;
          d.computer = "HOST";
          d.field("Text", text);
          ctx.event(d);
        }
        start = i + 1;
        ctx.bytesRead(start);
        ctx.checkCancelled();
      }
    }
  }

  @Override
  public String readRaw(Path file, long offset) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      f.seek(offset);
      return new String(f.readLine().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
  }
}
