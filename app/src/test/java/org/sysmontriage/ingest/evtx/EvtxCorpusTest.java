package org.sysmontriage.ingest.evtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.testing.Corpus;

/** Record counts of every EVTX log in LABELS.csv, and what the odd samples report. */
class EvtxCorpusTest {
  private static final String ODD = "omerbenamram-evtx/samples/";

  /**
   * Logs where we read more than LABELS.csv (libevtx's count). LiveId: evtxexport prints all 399
   * records, but 247 of them as markup with undeclared prefixes, which the label count left out.
   * MSExchange/issue_201: records without templates, which libevtx refuses (token 0x05 in an
   * attribute) and we decode. Zero-data-size and bad-chunk-magic: libevtx stops a chunk at the first
   * damaged record; we skip that record and read the rest of the chunk (114 and 31 records).
   */
  private static final Map<String, Long> MORE_THAN_LIBEVTX = Map.of(
      ODD + "2-system-Microsoft-Windows-LiveId%4Operational.evtx", 399L,
      ODD + "MSExchange_Management_wec.evtx", 1L,
      ODD + "issue_201.evtx", 1L,
      ODD + "sample-with-zero-data-size-event.evtx", 449L,
      ODD + "sample_with_a_bad_chunk_magic.evtx", 298L);

  @Test
  void everyEvtxLogReadsTheRecordCountItsLabelListsOrMore() throws Exception {
    List<String> wrong = new ArrayList<>();
    int files = 0;
    for (Corpus.Label label : Corpus.labels()) {
      if (!label.isEvtx()) {
        continue;
      }
      ReadResult r = ReadResult.of(Corpus.file(label.path()));
      long expected = MORE_THAN_LIBEVTX.getOrDefault(label.path(), label.events());
      if (r.events().size() != expected || r.events().size() < label.events()) {
        wrong.add(label.path() + ": " + r.events().size() + " events, expected " + expected + " (LABELS " + label.events() + ")");
      }
      files++;
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    assertTrue(files >= 80, "only " + files + " EVTX rows in LABELS.csv");
  }

  @Test
  void sysmonSampleWithALyingHeaderReadsAllNineChunks() throws Exception {
    ReadResult r = read("sysmon.evtx");
    assertEquals(358, r.events().size());
    assertEquals(0, r.skipped());
    assertTrue(mentions(r, "file header says 1 chunk, the file holds 9"), r.issues().toString());
    EventDraft first = r.events().get(0);
    assertEquals("Microsoft-Windows-Sysmon/Operational", first.channel);
    assertTrue(first.recordId > 0 && first.eventId > 0);
  }

  @Test
  void zeroSizeRecordIsSkippedWithItsLocationAndTheRestOfItsChunkKept() throws Exception {
    ReadResult r = read("sample-with-zero-data-size-event.evtx");
    assertEquals(449, r.events().size());
    assertEquals(1, r.skipped());
    assertTrue(mentions(r, "chunk 0 offset 0x1820"), r.issues().toString());
    assertTrue(mentions(r, "chunk records CRC32 mismatch"), r.issues().toString());
  }

  @Test
  void lostChunkHeaderIsReportedAndTheOtherChunksKept() throws Exception {
    ReadResult r = read("sample_with_a_bad_chunk_magic.evtx");
    assertEquals(298, r.events().size());
    assertEquals(3, r.skipped());
    assertTrue(mentions(r, "no ElfChnk signature"), r.issues().toString());
  }

  @Test
  void irregularBoolValuesDoNotCostARecord() throws Exception {
    ReadResult r = read("sample-with-irregular-bool-values.evtx");
    assertEquals(3028, r.events().size());
    assertEquals(0, r.skipped());
  }

  @Test
  void version32FileWithoutCrcIsReadWithoutCrcComplaints() throws Exception {
    ReadResult r = read("Application_no_crc32.evtx");
    assertEquals(17, r.events().size());
    assertTrue(r.issues().isEmpty(), r.issues().toString());
  }

  @Test
  void recordsWithoutTemplatesAreDecoded() throws Exception {
    ReadResult r = read("issue_201.evtx");
    assertEquals(1, r.events().size());
    assertEquals(3229, r.events().get(0).recordId);
    assertEquals("MSExchange CmdletLogs", r.events().get(0).provider);
    assertEquals("Set-Mailbox", r.events().get(0).get("Data"));
  }

  @Test
  void eventsArriveInFileOrderWhateverTheThreads() throws Exception {
    Path file = Corpus.file(ODD + "sample-with-irregular-bool-values.evtx");
    List<EventDraft> one = ReadResult.of(file, new EvtxLogReader(1)).events();
    List<EventDraft> four = ReadResult.of(file, new EvtxLogReader(4)).events();
    assertEquals(one.size(), four.size());
    for (int i = 0; i < one.size(); i++) {
      assertEquals(one.get(i).rawOffset, four.get(i).rawOffset);
      assertEquals(one.get(i).recordId, four.get(i).recordId);
    }
  }

  private static ReadResult read(String name) throws Exception {
    return ReadResult.of(Corpus.file(ODD + name));
  }

  private static boolean mentions(ReadResult r, String text) {
    for (ImportIssue i : r.issues()) {
      if ((i.where() + ": " + i.message()).contains(text)) {
        return true;
      }
    }
    return false;
  }
}
