package org.sysmontriage.ingest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.ingest.ReadContext;

/**
 * Turns one JSON record into one event for {@link ReadContext}. One per thread: it reuses its
 * flat record and draft for every record it parses.
 */
final class RecordParser {
  private final JsonDialects table;
  private final ReadContext ctx;
  private final FlatRecord rec = new FlatRecord();
  private final RecordFlattener flattener;
  private final RecordMapper mapper;
  private final EventDraft draft = new EventDraft();
  private final long[] dialectCounts;

  RecordParser(JsonDialects table, ReadContext ctx) {
    this.table = table;
    this.ctx = ctx;
    this.mapper = new RecordMapper(table);
    this.flattener = new RecordFlattener(table.deferredKeys);
    this.dialectCounts = new long[table.dialects.size()];
  }

  /** Parses the object in {@code b[off, off+len)}; returns null when it became an event, else why not. */
  String parse(byte[] b, int off, int len, long fileOffset) {
    rec.clear();
    rec.source(b, off, len);
    try (JsonParser p = JsonLimits.factory().createParser(b, off, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return "not a JSON object";
      }
      flattener.flatten(p, rec);
    } catch (StreamConstraintsException e) {
      return "over the parser's limits: " + e.getOriginalMessage();
    } catch (JsonProcessingException e) {
      return "broken JSON: " + e.getOriginalMessage();
    } catch (IOException | RuntimeException e) {
      return "unreadable record: " + e.getMessage();
    }
    return emit(fileOffset);
  }

  /** Reads the object the parser is on (a document or array element); returns null or why not. */
  String parse(JsonParser p, long fileOffset) throws IOException {
    rec.clear();
    flattener.flatten(p, rec);
    return emit(fileOffset);
  }

  private String emit(long fileOffset) {
    Dialect d = table.detect(rec);
    if (d == null) {
      return "not a Windows event record (no EventID, winlog.event_id, event_id or Event.System)";
    }
    draft.clear();
    if (!mapper.map(rec, d, draft)) {
      return "no usable EventID (" + d.name + " record)";
    }
    draft.rawOffset = fileOffset;
    dialectCounts[d.index]++;
    ctx.event(draft);
    return null;
  }

  long[] dialectCounts() {
    return dialectCounts;
  }
}
