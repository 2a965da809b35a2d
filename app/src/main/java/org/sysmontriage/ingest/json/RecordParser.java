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
  private final FlatRecord rec = new FlatRecord();
  private final RecordFlattener flattener;
  private final RecordMapper mapper;
  private final EventBatch batch;
  private final long[] dialectCounts;

  /** A parser that hands each event over at once. */
  RecordParser(JsonDialects table, ReadContext ctx) {
    this(table, new EventBatch(ctx, null, 1));
  }

  /** A parser that hands events over in batches (call {@link #flush()} at the end). */
  RecordParser(JsonDialects table, EventBatch batch) {
    this.table = table;
    this.batch = batch;
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
      return "over the parser's limits: " + e.getOriginalMessage().replaceAll(", from `[^`]*`", "");
    } catch (JsonProcessingException e) {
      return "broken JSON: " + e.getOriginalMessage();
    } catch (IOException | RuntimeException e) {
      return "unreadable record: " + e.getMessage();
    }
    return emit(fileOffset);
  }

  /** Reads the object the parser is on (a document or array element); returns null or why not. */
  String parse(JsonParser p, long fileOffset) throws IOException {
    return parse(p, "", fileOffset);
  }

  /** As {@link #parse(JsonParser, long)}, with every key under {@code prefix}. */
  String parse(JsonParser p, String prefix, long fileOffset) throws IOException {
    rec.clear();
    flattener.flatten(p, prefix, rec);
    return emit(fileOffset);
  }

  /** Hands objects at these paths to {@code handler} as records of their own. */
  void recordPaths(java.util.Map<String, String> paths, RecordFlattener.ElementHandler handler) {
    flattener.recordPaths(paths, handler);
  }

  /** The problem of a well-formed object that is no event record. */
  static final String NOT_AN_EVENT = "not a Windows event record (no EventID, winlog.event_id, event_id or Event.System)";

  private String emit(long fileOffset) {
    Dialect d = table.detect(rec);
    if (d == null) {
      return NOT_AN_EVENT;
    }
    EventDraft draft = batch.next();
    if (!mapper.map(rec, d, draft)) {
      return "no usable EventID (" + d.name + " record)";
    }
    draft.rawOffset = fileOffset;
    if (rec.duplicates() > 0) {
      batch.context().note(fileOffset >= 0 ? "byte offset " + fileOffset : "record", duplicateNote());
    }
    dialectCounts[d.index]++;
    batch.commit();
    return null;
  }

  private String duplicateNote() {
    String ignored = rec.ignoredValue();
    String shown = ignored == null ? "" : " (" + (ignored.length() > 40 ? ignored.substring(0, 40) + "…" : ignored) + ")";
    return "the key \"" + rec.duplicateKey() + "\" is given more than once in this record"
        + (rec.duplicates() > 1 ? " (and " + (rec.duplicates() - 1) + " more repeated keys)" : "")
        + "; the first value of each was used, the later one" + shown + " ignored";
  }

  /** Delivers the events still batched. */
  void flush() {
    batch.flush();
  }

  long[] dialectCounts() {
    return dialectCounts;
  }
}
