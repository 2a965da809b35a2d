package org.sysmontriage.casefile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** An analyst's verdict on one hit, low to high commitment. */
public enum HitStatus {
  NEW,
  TRUE_POSITIVE,
  FALSE_POSITIVE,
  BENIGN;

  /** The case file's spelling: {@code new}, {@code true_positive}, {@code false_positive}, {@code benign}. */
  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Words for people: {@code true positive}. */
  public String label() {
    return jsonName().replace('_', ' ');
  }

  @JsonCreator
  public static HitStatus parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    for (HitStatus s : values()) {
      if (s.name().equals(t)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown hit status '" + text + "' (new, true_positive, false_positive, benign)");
  }
}
