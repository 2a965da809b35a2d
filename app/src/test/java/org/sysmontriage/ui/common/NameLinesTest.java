package org.sysmontriage.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class NameLinesTest {
  /** 10 px per character: room 100 holds 10 characters. */
  private static final ToDoubleFunction<String> TEN = s -> 10.0 * s.length();

  @Test
  void wordsAreCamelCaseStepsAcronymsAndSeparatorsNeverPartsOfAWord() {
    assertEquals(List.of("Target", "Outbound", "Domain", "Name"), NameLines.words("TargetOutboundDomainName"));
    assertEquals(List.of("Event", "Record", "ID"), NameLines.words("EventRecordID"));
    assertEquals(List.of("Source", "Process", "GUID"), NameLines.words("SourceProcessGUID"));
    assertEquals(List.of("GUID", "Value"), NameLines.words("GUIDValue"));
    assertEquals(List.of("Host", "OSservicepackmajorversion"), NameLines.words("HostOSservicepackmajorversion"));
    assertEquals(List.of("ignore", "Bandwidth", "Limits", "On", "Lan"), NameLines.words("ignoreBandwidthLimitsOnLan"));
    assertEquals(List.of("Sha256", "Hash"), NameLines.words("Sha256Hash"));
    assertEquals(List.of("Time ", "(UTC)"), NameLines.words("Time (UTC)"));
    assertEquals(List.of("winlog.", "event_", "data"), NameLines.words("winlog.event_data"));
    assertEquals(List.of("Data1"), NameLines.words("Data1"));
    assertEquals(List.of("Computer"), NameLines.words("Computer"));
  }

  @Test
  void aNameThatFitsStaysOnOneLineALongOneBreaksBetweenWords() {
    assertEquals(new NameLines.Shown("Computer", false), NameLines.lines("Computer", 80, TEN));
    assertEquals(new NameLines.Shown("TargetOutbound\nDomainName", false), NameLines.lines("TargetOutboundDomainName", 140, TEN));
    assertEquals(new NameLines.Shown("Target\nOutbound\nDomain\nName", false), NameLines.lines("TargetOutboundDomainName", 90, TEN));
    assertEquals(new NameLines.Shown("Time\n(UTC)", false), NameLines.lines("Time (UTC)", 60, TEN), "the space ends the line");
    assertEquals(new NameLines.Shown("PolicyDownloadTime\nElapsedIn\nMilliseconds", false),
        NameLines.lines("PolicyDownloadTimeElapsedInMilliseconds", 180, TEN));
    assertEquals(new NameLines.Shown("Computer", false), NameLines.lines("Computer", 0, TEN), "width not known yet: one line");
  }

  @Test
  void aWordWiderThanTheRoomIsCutWithAnEllipsisNeverBroken() {
    NameLines.Shown s = NameLines.lines("HostOSservicepackmajorversion", 100, TEN);
    assertEquals("Host\nOSservice\u2026", s.text());
    assertTrue(s.cut());
    for (String line : s.text().split("\n")) {
      assertTrue(TEN.applyAsDouble(line) <= 100, line);
    }
    assertFalse(NameLines.lines("TargetOutboundDomainName", 100, TEN).cut());
  }

  @Test
  void aHostileNameIsLaidOutOnlyUpToItsFirstCharacters() {
    String huge = "Ab".repeat(100_000);
    int[] measured = new int[1];
    NameLines.Shown s = NameLines.lines(huge, 100, t -> {
      measured[0] += t.length();
      return 10.0 * t.length();
    });
    assertTrue(s.cut());
    assertTrue(s.text().endsWith("\u2026"));
    assertTrue(measured[0] < 10 * NameLines.LONGEST, "characters measured: " + measured[0]);
  }

  @Test
  void aLongWordOfATextGoesOnLinesBetweenItsPartsAndTheRestIsLeftToWrapAtSpaces() {
    assertEquals("INC-001  DUMP  WKS-01.finance.corp.\ninsecurebank.local\n2024-03-01",
        NameLines.breakLongWords("INC-001  DUMP  WKS-01.finance.corp.insecurebank.local\n2024-03-01", 200, TEN));
    assertEquals("2019-06-21T\n07:35:37.\n1010000Z", NameLines.breakLongWords("2019-06-21T07:35:37.1010000Z", 110, TEN),
        "the T of a timestamp ends the date");
    assertEquals("Microsoft-Windows-\nSysmon/Operational", NameLines.breakLongWords("Microsoft-Windows-Sysmon/Operational", 200, TEN));
    assertEquals("SHA1=\n0123456789abcdef0123,\nMD5=ab", NameLines.breakLongWords("SHA1=0123456789abcdef0123,MD5=ab", 210, TEN),
        "a part wider than the room stays whole on its line (the text breaks it where it must)");
    assertEquals("short words stay", NameLines.breakLongWords("short words stay", 60, TEN));
    assertEquals("WKS-01.finance.corp", NameLines.breakLongWords("WKS-01.finance.corp", 0, TEN), "width not known yet");
  }

  @Test
  void aHashIsOnePartOfAValueNeverSplitBetweenADigitAndACapital() {
    assertEquals(List.of("SHA1=", "1FEC5C7AD651E830,", "MD5=", "48E8AB89AB7E248A"), NameLines.parts("SHA1=1FEC5C7AD651E830,MD5=48E8AB89AB7E248A"));
    assertEquals(List.of("C:", "\\", "Windows\\", "Power", "Shell\\", "v1.", "0"), NameLines.parts("C:\\Windows\\PowerShell\\v1.0"));
    assertEquals("SHA1=1FEC5C7AD651E830,\nMD5=48E8AB89AB7E248A",
        NameLines.breakLongWords("SHA1=1FEC5C7AD651E830,MD5=48E8AB89AB7E248A", 220, TEN));
    assertEquals("SHA1=\n1FEC5C7AD651E830,\nMD5=\n48E8AB89AB7E248A",
        NameLines.breakLongWords("SHA1=1FEC5C7AD651E830,MD5=48E8AB89AB7E248A", 160, TEN), "a hash wider than the room stays whole");
  }

  @Test
  void onlyWordsThatMayNotFitAreMeasuredAndALongTextIsLookedAtOnlyUpToItsStart() {
    java.util.List<String> measured = new java.util.ArrayList<>();
    NameLines.breakLongWords("tiny words and a verylongwordhere", 200, s -> {
      measured.add(s);
      return 10.0 * s.length();
    }, 10);
    assertEquals(List.of(), measured, "17 characters of 10 px text surely fit in 200 px: nothing measured");
    String huge = "a.b".repeat(200_000);
    int[] chars = new int[1];
    String shown = NameLines.breakLongWords(huge, 100, s -> {
      chars[0] += s.length();
      return 10.0 * s.length();
    });
    assertEquals(huge, shown.replace("\n", ""));
    assertTrue(chars[0] <= 2 * NameLines.LONGEST_TEXT, "characters measured: " + chars[0]);
  }

  @Test
  void theWidestWordOfAnEntryIsWhatTheListMustHoldToShowItUnbroken() {
    assertEquals(380.0, NameLines.widestWord("INC-001  WKS-01.finance.corp.insecurebank.local  2 hits", TEN));
    assertEquals(0.0, NameLines.widestWord("a few short words", TEN), "words under six characters are never broken");
  }
}
