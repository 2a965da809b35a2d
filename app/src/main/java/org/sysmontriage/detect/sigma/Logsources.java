package org.sysmontriage.detect.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Sigma logsource (product windows) -> Sysmon or Windows EventIDs, channels and field mappings. */
public final class Logsources {
  /** Security 4688 field names for Sigma's process_creation names (Sigma's windows-audit mapping). */
  public static final Map<String, String> PROCESS_CREATION_4688 = Map.of(
      "Image", "NewProcessName",
      "ParentImage", "ParentProcessName",
      "ProcessId", "NewProcessId",
      "ParentProcessId", "ProcessId",
      "IntegrityLevel", "MandatoryLabel",
      "User", "SubjectUserName",
      "LogonId", "SubjectLogonId");

  private static final Map<String, int[]> SYSMON = Map.ofEntries(
      Map.entry("process_creation", new int[] {1}),
      Map.entry("file_change", new int[] {2}),
      Map.entry("network_connection", new int[] {3}),
      Map.entry("sysmon_status", new int[] {4, 16}),
      Map.entry("process_termination", new int[] {5}),
      Map.entry("driver_load", new int[] {6}),
      Map.entry("image_load", new int[] {7}),
      Map.entry("create_remote_thread", new int[] {8}),
      Map.entry("raw_access_thread", new int[] {9}),
      Map.entry("raw_access_read", new int[] {9}),
      Map.entry("process_access", new int[] {10}),
      Map.entry("file_event", new int[] {11}),
      Map.entry("file_creation", new int[] {11}),
      Map.entry("registry_add", new int[] {12}),
      Map.entry("registry_delete", new int[] {12}),
      Map.entry("registry_set", new int[] {13}),
      Map.entry("registry_rename", new int[] {14}),
      Map.entry("registry_event", new int[] {12, 13, 14}),
      Map.entry("create_stream_hash", new int[] {15}),
      Map.entry("pipe_created", new int[] {17, 18}),
      Map.entry("wmi_event", new int[] {19, 20, 21}),
      Map.entry("dns_query", new int[] {22}),
      Map.entry("file_delete", new int[] {23, 26}),
      Map.entry("file_delete_detected", new int[] {26}),
      Map.entry("clipboard_capture", new int[] {24}),
      Map.entry("process_tampering", new int[] {25}),
      Map.entry("file_block_executable", new int[] {27}),
      Map.entry("file_block_shredding", new int[] {28}),
      Map.entry("file_executable_detected", new int[] {29}));

  private static final Map<String, String> SERVICE_CHANNELS = Map.ofEntries(
      Map.entry("sysmon", "microsoft-windows-sysmon/operational"),
      Map.entry("security", "security"),
      Map.entry("system", "system"),
      Map.entry("application", "application"),
      Map.entry("powershell", "microsoft-windows-powershell/operational"),
      Map.entry("powershell-classic", "windows powershell"),
      Map.entry("taskscheduler", "microsoft-windows-taskscheduler/operational"),
      Map.entry("wmi", "microsoft-windows-wmi-activity/operational"),
      Map.entry("windefend", "microsoft-windows-windows defender/operational"),
      Map.entry("bits-client", "microsoft-windows-bits-client/operational"),
      Map.entry("dns-server", "dns server"),
      Map.entry("firewall-as", "microsoft-windows-windows firewall with advanced security/firewall"),
      Map.entry("codeintegrity-operational", "microsoft-windows-codeintegrity/operational"));

  private static final Map<String, int[]> POWERSHELL = Map.of(
      "ps_script", new int[] {4104}, "ps_module", new int[] {4103});

  private Logsources() {}

  /** The targets of a logsource block; throws when it names nothing we can read. */
  public static List<Target> targets(YamlNode logsource) throws RuleException {
    if (logsource == null || !logsource.isMap()) {
      throw new RuleException("the rule has no logsource", logsource);
    }
    String product = lower(logsource.text("product", ""));
    String category = lower(logsource.text("category", ""));
    String service = lower(logsource.text("service", ""));
    if (!product.isEmpty() && !product.equals("windows")) {
      throw new RuleException("logsource product '" + product + "' is not Windows", logsource);
    }
    List<Target> out = new ArrayList<>();
    if (!category.isEmpty()) {
      addCategory(category, logsource, out);
    } else if (!service.isEmpty()) {
      String channel = SERVICE_CHANNELS.get(service);
      if (channel == null) {
        throw new RuleException("logsource service '" + service + "' is not supported", logsource);
      }
      out.add(new Target(null, Set.of(channel), service.equals("sysmon") ? Target.SYSMON_PROVIDER : Set.of(), Map.of()));
    } else {
      out.add(new Target(null, Set.of(), Set.of(), Map.of()));
    }
    return out;
  }

  private static void addCategory(String category, YamlNode at, List<Target> out) throws RuleException {
    int[] sysmon = SYSMON.get(category);
    if (sysmon != null) {
      out.add(new Target(sysmon, Target.SYSMON_CHANNEL, Target.SYSMON_PROVIDER, Map.of()));
      if (category.equals("process_creation")) {
        out.add(new Target(new int[] {4688}, Set.of("security"), Set.of("microsoft-windows-security-auditing"), PROCESS_CREATION_4688));
      }
      return;
    }
    int[] ps = POWERSHELL.get(category);
    if (ps != null) {
      out.add(new Target(ps, Set.of(SERVICE_CHANNELS.get("powershell")), Set.of("microsoft-windows-powershell"), Map.of()));
      return;
    }
    throw new RuleException("logsource category '" + category + "' is not supported", at);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT).trim();
  }
}
