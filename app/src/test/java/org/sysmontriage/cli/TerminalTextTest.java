package org.sysmontriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalTextTest {
  @TempDir Path dir;

  @Test
  void theScanTableShowsARightToLeftOverrideInAComputerNameAsAnEscape() throws Exception {
    Path log = Files.writeString(dir.resolve("a.ndjson"),
        ReportCommandTest.ACCESS.replace("WORKSTATION6.lab.local", "WKS\\u202e\\u001b[8m-01"));
    CliRun r = CliRun.of("scan", log.toString());
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.out().contains("\u202E") || r.out().contains("\u001b"), r.out());
    assertTrue(r.out().contains("WKS\\u202e\\x1b[8m-01"), r.out());
  }

  @Test
  void bidiOverridesZeroWidthAndLoneSurrogatesAreShownAsEscapes() {
    assertEquals("invoice\\u202egpj.exe", TerminalText.safe("invoice\u202Egpj.exe"));
    assertEquals("a\\u2066b\\u2069c\\u200bd\\u2028e", TerminalText.safe("a\u2066b\u2069c\u200Bd\u2028e"));
    assertEquals("x\\ud800y", TerminalText.safe("x\uD800y"));
    assertEquals("tag\\U000e0041", TerminalText.safe("tag\uDB40\uDC41"));
    assertEquals("\\x1b[31mred\\n", TerminalText.safe("\u001b[31mred\n"));
  }

  @Test
  void ordinaryTextOfAnyScriptStaysAsItIs() {
    for (String s : new String[] {"C:\\Windows\\lsass.exe", "Müller", "Сервер-01", "日本語", "😀 emoji", "שרת"}) {
      assertEquals(s, TerminalText.safe(s));
    }
  }
}
