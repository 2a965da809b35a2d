package org.sysmontriage.detect.sigma;

import java.util.Locale;
import java.util.Map;

/** Event fields kept outside EventData: rules may name them like any other field. */
public enum SystemField {
  EVENT_ID,
  COMPUTER,
  CHANNEL,
  PROVIDER,
  RECORD_ID;

  private static final Map<String, SystemField> NAMES = Map.of(
      "eventid", EVENT_ID, "computer", COMPUTER, "computername", COMPUTER, "hostname", COMPUTER,
      "channel", CHANNEL, "provider_name", PROVIDER, "provider", PROVIDER, "eventrecordid", RECORD_ID);

  /** The name a rule uses for it. */
  public String sigmaName() {
    return switch (this) {
      case EVENT_ID -> "EventID";
      case COMPUTER -> "Computer";
      case CHANNEL -> "Channel";
      case PROVIDER -> "Provider_Name";
      case RECORD_ID -> "EventRecordID";
    };
  }

  /** The system field a Sigma field name means, or null for an EventData field. */
  public static SystemField of(String sigmaField) {
    return NAMES.get(sigmaField.toLowerCase(Locale.ROOT));
  }
}
