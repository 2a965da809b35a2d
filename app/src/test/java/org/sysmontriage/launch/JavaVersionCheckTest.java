package org.sysmontriage.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JavaVersionCheckTest {
  @Test
  void java17AndNewerPass() {
    assertNull(JavaVersionCheck.problem("17", "/jdk17"));
    assertNull(JavaVersionCheck.problem("21", "/jdk21"));
    assertNull(JavaVersionCheck.problem("25", "/jdk25"));
  }

  @Test
  void java8And11GetOneLineNamingTheVersionAndTheJava() {
    String eight = JavaVersionCheck.problem("1.8", "/usr/lib/jvm/java-8");
    assertTrue(eight.startsWith("Sysmon Triage needs Java 17 or newer, but was started with Java 1.8 (/usr/lib/jvm/java-8)"), eight);
    assertEquals(-1, eight.indexOf('\n'));
    assertTrue(JavaVersionCheck.problem("11", "/jdk11").contains("Java 11 (/jdk11)"));
  }

  @Test
  void anUnreadableVersionIsRefusedWithoutAnError() {
    assertTrue(JavaVersionCheck.problem(null, "/x").contains("Java of unknown version"));
    assertTrue(JavaVersionCheck.problem("abc", "/x").contains("Java abc"));
  }
}
