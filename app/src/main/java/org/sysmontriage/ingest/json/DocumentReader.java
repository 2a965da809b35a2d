package org.sysmontriage.ingest.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sysmontriage.ingest.ReadContext;

/**
 * One JSON document, an array of documents, or several (pretty-printed) documents one after the
 * other, streamed through one parser. A broken document cannot be skipped reliably, so it is
 * reported with its byte offset and reading stops there, keeping every event before it.
 */
final class DocumentReader {
  private final JsonDialects table;

  DocumentReader(JsonDialects table) {
    this.table = table;
  }

  long[] read(Path file, int bom, ReadContext ctx) throws IOException {
    RecordParser parser = new RecordParser(table, ctx);
    RecordParser elements = new RecordParser(table, ctx);
    long[] handled = new long[1];
    parser.recordPaths(table.recordPaths, (p, prefix) -> {
      long at = p.currentTokenLocation().getByteOffset() + bom;
      handled[0]++;
      String problem = elements.parse(p, prefix, at);
      if (problem != null) {
        ctx.skip("byte offset " + at, problem);
      }
    });
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        JsonParser p = JsonLimits.factory().createParser(skip(in, bom))) {
      try {
        readValues(p, parser, handled, bom, ctx);
      } catch (JsonProcessingException e) {
        ctx.skip(where(e, p, bom), "broken JSON, the rest of the file is not read: " + e.getOriginalMessage());
      }
    }
    long[] counts = parser.dialectCounts();
    for (int i = 0; i < counts.length; i++) {
      counts[i] += elements.dialectCounts()[i];
    }
    return counts;
  }

  /**
   * Where the damage is: the exception's own location, else (a limit such as the nesting depth,
   * which carries none) where the parser stopped.
   */
  static String where(JsonProcessingException e, JsonParser p, int bom) {
    JsonLocation loc = e.getLocation();
    if (loc == null || loc.getByteOffset() < 0) {
      loc = p.currentLocation();
    }
    if (loc.getByteOffset() >= 0) {
      return "byte offset " + (loc.getByteOffset() + bom);
    }
    return loc.getLineNr() > 0 ? "line " + loc.getLineNr() : "byte offset " + bom;
  }

  private static InputStream skip(InputStream in, int bom) throws IOException {
    if (in.skip(bom) != bom) {
      throw new IOException("cannot skip the byte order mark");
    }
    return in;
  }

  /**
   * Root values: objects are records, an array's object elements are records. A root object that
   * only wraps record arrays ({@code handled} grew while reading it) is not itself an issue.
   */
  private static void readValues(JsonParser p, RecordParser parser, long[] handled, int bom, ReadContext ctx) throws IOException {
    JsonToken t;
    boolean inArray = false;
    long count = 0;
    while ((t = p.nextToken()) != null) {
      long at = p.currentTokenLocation().getByteOffset() + bom;
      if (t == JsonToken.START_ARRAY && !inArray) {
        inArray = true;
      } else if (t == JsonToken.END_ARRAY && inArray) {
        inArray = false;
      } else if (t == JsonToken.START_OBJECT) {
        long before = handled[0];
        String problem = parser.parse(p, at);
        if (problem != null && handled[0] == before) {
          ctx.skip("byte offset " + at, problem);
        }
      } else {
        p.skipChildren();
        ctx.skip("byte offset " + at, "not a JSON object: " + t.asString());
      }
      if ((++count & 1023) == 0) {
        ctx.checkCancelled();
        ctx.bytesRead(at);
      }
    }
  }
}
