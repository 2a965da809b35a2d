package org.sysmontriage.launch;

/** The one line an investigator sees when the Java that runs the jar is older than 17. Java 8 API only. */
public final class JavaVersionCheck {
  public static final int NEEDED = 17;
  public static final int EXIT_CODE = 2;

  private JavaVersionCheck() {}

  /** Null when {@code specVersion} (java.specification.version: "1.8", "11", "17") is new enough, else the message. */
  public static String problem(String specVersion, String javaHome) {
    int major = major(specVersion);
    if (major >= NEEDED) {
      return null;
    }
    return "Sysmon Triage needs Java " + NEEDED + " or newer, but was started with Java "
        + (specVersion == null ? "of unknown version" : specVersion) + " (" + javaHome
        + "): install Java " + NEEDED + "+ (e.g. Eclipse Temurin 17 or 21) and run it with that java.";
  }

  /** 8 for "1.8", 17 for "17"; -1 when unreadable. */
  static int major(String specVersion) {
    if (specVersion == null) {
      return -1;
    }
    String v = specVersion.startsWith("1.") ? specVersion.substring(2) : specVersion;
    int end = 0;
    while (end < v.length() && Character.isDigit(v.charAt(end))) {
      end++;
    }
    return end == 0 ? -1 : Integer.parseInt(v.substring(0, end));
  }
}
