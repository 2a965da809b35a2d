package org.sysmontriage.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatSnifferTest {
  @TempDir
  Path dir;

  private SniffedFormat sniff(byte[] content) throws IOException {
    Path f = Files.write(dir.resolve("input.log"), content);
    return FormatSniffer.sniff(f);
  }

  private SniffedFormat sniff(String content) throws IOException {
    return sniff(content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void tellsEvtxByItsMagicWhateverTheName() throws IOException {
    assertEquals(SniffedFormat.EVTX, sniff("ElfFile\0rest of header"));
  }

  @Test
  void tellsXmlAfterBomAndWhitespace() throws IOException {
    assertEquals(SniffedFormat.XML, sniff("<?xml version=\"1.0\"?><Events/>"));
    assertEquals(SniffedFormat.XML, sniff("\uFEFF\r\n  <Events/>"));
  }

  @Test
  void tellsUtf16XmlByItsBom() throws IOException {
    assertEquals(SniffedFormat.XML, sniff("\uFEFF<Events/>".getBytes(StandardCharsets.UTF_16LE)));
    assertEquals(SniffedFormat.XML, sniff("\uFEFF <Events/>".getBytes(StandardCharsets.UTF_16BE)));
  }

  @Test
  void tellsJsonObjectsArraysAndLines() throws IOException {
    assertEquals(SniffedFormat.JSON, sniff("{\"EventID\":1}\r\n{\"EventID\":2}"));
    assertEquals(SniffedFormat.JSON, sniff("\uFEFF[ {\"a\":1} ]"));
    assertEquals(SniffedFormat.JSON, sniff("\n\n  {\"a\":1}"));
  }

  @Test
  void tellsArchives() throws IOException {
    assertEquals(SniffedFormat.ZIP, sniff(Archives.zip("a.json", "{}")));
    byte[] tar = new Archives.Tar().file("a.json", "{}").bytes();
    assertEquals(SniffedFormat.TAR, sniff(tar));
    assertEquals(SniffedFormat.TAR_GZ, sniff(Archives.gzip(tar)));
    assertEquals(SniffedFormat.GZIP, sniff(Archives.gzip("{\"a\":1}".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void unknownContentGetsAClearMessage() throws IOException {
    assertEquals(SniffedFormat.UNKNOWN, sniff("# README\nnot a log"));
    assertEquals(SniffedFormat.UNKNOWN, sniff(new byte[] {0x4d, 0x5a, (byte) 0x90, 0, 3, 0, 0, 0}));
    assertEquals(SniffedFormat.UNKNOWN, sniff(new byte[0]));
    Path f = Files.write(dir.resolve("tool.exe"), new byte[] {0x4d, 0x5a, (byte) 0x90, 0, 3});
    String message = FormatSniffer.notALogMessage(f);
    assertTrue(message.startsWith("not a log format Sysmon Triage reads: it starts with the bytes 4d 5a 90 00 03"), message);
    assertTrue(message.contains("expected EVTX, XML or JSON"), message);
  }
}
