package org.sysmontriage.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sysmontriage.ingest.ImporterTestSupport.source;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.testing.Corpus;

/** KAPE and Velociraptor collection zips, laid out as those tools write them, around a real Sysmon EVTX. */
class CollectionZipsCorpusTest {
  private static final String EVTX = "EVTX-ATTACK-SAMPLES/Credential Access/CA_sysmon_hashdump_cmd_meterpreter.evtx";
  private static final String LOGS = "Windows/System32/winevt/Logs/";

  @TempDir Path dir;

  @Test
  void findsTheSysmonLogInAKapeCollectionZipUnderItsWindowsName() throws Exception {
    Path zip = dir.resolve("2024-03-15T141550_WKS-FIN-07.zip");
    try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(zip.toFile())) {
      text(z, "2024-03-15T141550_ConsoleLog.txt", "KAPE version 1.3.0.2 Author: Eric Zimmerman\nTotal execution time: 12.3 seconds\n");
      file(z, "C/" + LOGS + "Microsoft-Windows-Sysmon%4Operational.evtx", Corpus.file(EVTX));
      text(z, "2024-03-15T141550_CopyLog.csv", "CopiedTimestamp,SourceFile,DestinationFile\n");
    }
    ImportResult r = run(zip.toString());
    SourceInfo log = source(r, zip + "::C/" + LOGS + "Microsoft-Windows-Sysmon%4Operational.evtx");
    assertEquals("evtx", log.format());
    assertEquals(expectedEvents(), log.events(), r.sources().toString());
    assertEquals(expectedEvents(), r.store().size());
  }

  @Test
  void findsTheSysmonLogInAVelociraptorCollectionZipAndShowsItsPathDecoded() throws Exception {
    Path zip = dir.resolve("Collection-WKS-FIN-07-2024-03-15T14_15_50Z.zip");
    String stored = "uploads/auto/C%3A/Windows/System32/winevt/Logs/Microsoft-Windows-Sysmon%254Operational.evtx";
    try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(zip.toFile())) {
      file(z, stored, Corpus.file(EVTX));
      text(z, "uploads.json", "{\"Timestamp\":\"2024-03-15T14:15:50Z\",\"vfs_path\":\"C:\\\\Windows\\\\System32\\\\winevt\\\\Logs\","
          + "\"_Components\":[\"C:\",\"Windows\"],\"file_size\":69632,\"uploaded_size\":69632}\n");
      text(z, "log.json", "{\"_ts\":1710512150,\"level\":\"DEFAULT\",\"message\":\"Starting collection of Windows.KapeFiles.Targets\"}\n");
      text(z, "collection_context.json", "{\"client_id\":\"C.1f2e3d4c5b6a7988\",\"session_id\":\"F.CN5T1Q2B3R4S6\",\"total_uploaded_bytes\":69632}");
    }
    ImportResult r = run(zip.toString());
    SourceInfo log = source(r, zip + "::uploads/auto/C:/" + LOGS + "Microsoft-Windows-Sysmon%4Operational.evtx");
    assertEquals("evtx", log.format());
    assertEquals(expectedEvents(), log.events());
    assertEquals(expectedEvents(), r.store().size());
    assertTrue(r.sources().stream().noneMatch(s -> s.source().contains("%3A")), "no member is shown URL-encoded");
  }

  /** The real readers (EVTX above all), not the test's line counters. */
  private static ImportResult run(String path) {
    return new Importer().run(java.util.List.of(path), ImportProgress.NONE, new CancellationToken());
  }

  private static long expectedEvents() {
    return Corpus.labels().stream().filter(l -> l.path().equals(EVTX)).findFirst().orElseThrow().events();
  }

  private static void text(ZipArchiveOutputStream z, String name, String text) throws IOException {
    z.putArchiveEntry(new ZipArchiveEntry(name));
    z.write(text.getBytes(StandardCharsets.UTF_8));
    z.closeArchiveEntry();
  }

  private static void file(ZipArchiveOutputStream z, String name, Path file) throws IOException {
    z.putArchiveEntry(new ZipArchiveEntry(name));
    try (OutputStream unclosed = new java.io.FilterOutputStream(z) {
      @Override
      public void close() { }
    }) {
      Files.copy(file, unclosed);
    }
    z.closeArchiveEntry();
  }
}
