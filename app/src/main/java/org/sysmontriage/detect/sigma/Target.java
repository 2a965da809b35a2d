package org.sysmontriage.detect.sigma;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which events a rule applies to, and how its field names map onto them.
 *
 * @param eventIds the EventIDs, or null for every EventID of the channel
 * @param channels accepted channels (lower case); empty with {@code providers} empty = any channel
 * @param providers accepted providers (lower case)
 * @param fieldMap rule field name -> event field name (absent = same name)
 */
public record Target(int[] eventIds, Set<String> channels, Set<String> providers, Map<String, String> fieldMap) {
  static final Set<String> SYSMON_CHANNEL = Set.of("microsoft-windows-sysmon/operational");
  static final Set<String> SYSMON_PROVIDER = Set.of("microsoft-windows-sysmon");

  public String eventField(String ruleField) {
    return fieldMap.getOrDefault(ruleField, ruleField);
  }

  /**
   * True when an event of this channel and provider belongs to the target. Events with neither
   * (some exports drop them) are accepted for Sysmon targets, whose EventIDs already select them.
   */
  public boolean accepts(String channel, String provider) {
    if (channels.isEmpty() && providers.isEmpty()) {
      return true;
    }
    String c = channel.toLowerCase(Locale.ROOT);
    String p = provider.toLowerCase(Locale.ROOT);
    if (channels.contains(c) || providers.contains(p)) {
      return true;
    }
    return c.isEmpty() && p.isEmpty() && channels.equals(SYSMON_CHANNEL);
  }
}
