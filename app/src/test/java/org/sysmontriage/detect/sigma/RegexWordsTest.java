package org.sysmontriage.detect.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RegexWordsTest {
  @Test
  void simpleShapesReadAsGlobs() {
    assertEquals("file name matches lsass*.dmp", RegexWords.of("(^|\\\\)lsass[^\\\\]*\\.dmp$"));
    assertEquals("file name matches *lsass*.{dmp,mdmp,dump,zip,rar,7z,bin}",
        RegexWords.of("(^|\\\\)[^\\\\]*lsass[^\\\\]*\\.(dmp|mdmp|dump|zip|rar|7z|bin)$"));
    assertEquals("file name matches procdump*.exe", RegexWords.of("(^|\\\\)procdump[^\\\\]*\\.exe$"));
    assertEquals("matches *\\temp\\*", RegexWords.of("\\\\temp\\\\.*"));
    assertEquals("matches C:\\Windows\\*", RegexWords.of("^C:\\\\Windows\\\\"));
    assertEquals("matches *comsvcs*", RegexWords.of("comsvcs"));
  }

  @Test
  void anythingElseIsQuotedAsTheRuleWritesIt() {
    assertNull(RegexWords.of("\\d{3,}"));
    assertNull(RegexWords.of("(?i)lsass"));
    assertNull(RegexWords.of("a+b"));
    assertEquals("re|i '\\d{3,}'", ValueCompiler.regexReason("\\d{3,}", "re|i"));
    assertEquals("file name matches lsass*.dmp", ValueCompiler.regexReason("(^|\\\\)lsass[^\\\\]*\\.dmp$", "re|i"));
    assertEquals("matches *comsvcs* (case-sensitive)", ValueCompiler.regexReason("comsvcs", "re"));
  }
}
