package org.sysmontriage.detect;

/** Sigma's rule levels, low to high. */
public enum Severity {
  INFORMATIONAL,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** Sigma's spelling: {@code informational}, {@code low}, ... */
  public String sigmaName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Severity implied by a risk score 0-100. */
  public static Severity ofRisk(int risk) {
    if (risk >= 90) {
      return CRITICAL;
    }
    if (risk >= 70) {
      return HIGH;
    }
    if (risk >= 40) {
      return MEDIUM;
    }
    return risk >= 20 ? LOW : INFORMATIONAL;
  }
}
