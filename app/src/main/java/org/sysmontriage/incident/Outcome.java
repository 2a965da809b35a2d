package org.sysmontriage.incident;

import java.util.Locale;

/** How far a credential theft got, low to high. */
public enum Outcome {
  /** Tried: a tool started or LSASS was opened, but no read right, no dump file. */
  ATTEMPT,
  /** LSASS memory was opened with the right to read it (PROCESS_VM_READ), no dump file seen. */
  READ,
  /** A dump file of LSASS was written (file event, or the dumping command line names it). */
  DUMP;

  /** {@code dump}, {@code read}, {@code attempt}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
