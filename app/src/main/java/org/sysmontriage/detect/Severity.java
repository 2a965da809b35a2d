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

  /**
   * Without a rule's own impact and confidence, its Sigma level gives them (none: medium-like
   * 50 x 80); the risk is their product / 100: informational 5, low 21, medium 40, high 63, critical 90.
   */
  public static int defaultImpact(Severity level) {
    if (level == null) {
      return 50;
    }
    return switch (level) {
      case INFORMATIONAL -> 10;
      case LOW -> 30;
      case MEDIUM -> 50;
      case HIGH -> 70;
      case CRITICAL -> 90;
    };
  }

  /** See {@link #defaultImpact}. */
  public static int defaultConfidence(Severity level) {
    if (level == null) {
      return 80;
    }
    return switch (level) {
      case INFORMATIONAL -> 50;
      case LOW -> 70;
      case MEDIUM -> 80;
      case HIGH -> 90;
      case CRITICAL -> 100;
    };
  }

  /** The risk a level gives a rule without its own impact and confidence (high: 63). */
  public int defaultRisk() {
    return defaultImpact(this) * defaultConfidence(this) / 100;
  }

  /** A Sigma level as written ({@code high}, any case), or null when blank or unknown. */
  public static Severity parse(String level) {
    String l = level == null ? "" : level.trim().toUpperCase(java.util.Locale.ROOT);
    for (Severity s : values()) {
      if (s.name().equals(l)) {
        return s;
      }
    }
    return null;
  }
}
