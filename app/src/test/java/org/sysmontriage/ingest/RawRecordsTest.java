package org.sysmontriage.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.EventStoreBuilder;
import org.sysmontriage.event.TriageException;

class RawRecordsTest {
  private static final String FIRST = "{\"EventID\":1,\"Hostname\":\"WS01\",\"EventRecordID\":7,\"UtcTime\":\"2020-10-18 19:50:10.000\",\"Image\":\"C:\\\\a.exe\"}";
  private static final String SECOND = "{\"EventID\":10,\"Hostname\":\"WS01\",\"EventRecordID\":8,\"UtcTime\":\"2020-10-18 19:50:11.000\",\"TargetImage\":\"C:\\\\Windows\\\\system32\\\\lsass.exe\"}";

  @TempDir
  Path dir;

  @Test
  void reReadsTheOriginalRecordOfAnArchiveMember() throws Exception {
    String zip = Files.write(dir.resolve("case.zip"), Archives.zip("events.json", FIRST + "\r\n" + SECOND + "\r\n")).toString();

    EventStore store = new Importer().run(List.of(zip), ImportProgress.NONE, new CancellationToken()).store();

    assertEquals(2, store.size());
    assertTrue(RawRecords.raw(store, 1).contains("\"EventRecordID\":8"), RawRecords.raw(store, 1));
    assertTrue(RawRecords.raw(store, 0).contains("\"EventRecordID\":7"), RawRecords.raw(store, 0));
  }

  @Test
  void saysWhyWhenTheRawRecordIsNotAvailable() {
    EventStoreBuilder b = new EventStoreBuilder();
    int src = b.addSource("gone.json");
    b.accept(new EventDraft(), src);
    EventStore store = b.freeze();

    TriageException e = assertThrows(TriageException.class, () -> RawRecords.raw(store, 0));
    assertTrue(e.getMessage().contains("gone.json"), e.getMessage());
  }
}
