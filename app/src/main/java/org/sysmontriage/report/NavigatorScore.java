package org.sysmontriage.report;

/** What an ATT&CK Navigator layer scores each technique by. */
public enum NavigatorScore {
  /** The highest risk of the technique's hits (0-100). */
  RISK,
  /** The number of hits. */
  COUNT
}
