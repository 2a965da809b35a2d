package org.sysmontriage.incident;

/** What a step of an incident is: the stages of a credential theft, in story order. */
public enum StepKind {
  TOOL_START("tool start"),
  LSASS_ACCESS("LSASS access"),
  DUMP_WRITTEN("dump written"),
  DUMP_HANDLED("dump moved, packed or sent"),
  SCRIPT("script"),
  ANTIVIRUS("antivirus"),
  OTHER("other");

  private final String words;

  StepKind(String words) {
    this.words = words;
  }

  public String words() {
    return words;
  }
}
