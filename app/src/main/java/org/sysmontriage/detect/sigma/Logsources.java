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
      Map.entry("file_executable_detected", new int[] {29}),
      Map.entry("sysmon_error", new int[] {255}));

  /** Sigma's Windows services -> event log channels (lower case), as SigmaHQ's windows pipeline maps them. */
  private static final Map<String, List<String>> SERVICE_CHANNELS = Map.ofEntries(
      Map.entry("sysmon", List.of("microsoft-windows-sysmon/operational")),
      Map.entry("security", List.of("security")),
      Map.entry("system", List.of("system")),
      Map.entry("application", List.of("application")),
      Map.entry("powershell", List.of("microsoft-windows-powershell/operational")),
      Map.entry("powershell-classic", List.of("windows powershell")),
      Map.entry("taskscheduler", List.of("microsoft-windows-taskscheduler/operational")),
      Map.entry("wmi", List.of("microsoft-windows-wmi-activity/operational")),
      Map.entry("windefend", List.of("microsoft-windows-windows defender/operational")),
      Map.entry("bits-client", List.of("microsoft-windows-bits-client/operational")),
      Map.entry("dns-server", List.of("dns server")),
      Map.entry("dns-server-analytic", List.of("microsoft-windows-dns-server/analytical")),
      Map.entry("dns-server-audit", List.of("microsoft-windows-dns-server/audit")),
      Map.entry("dns-client", List.of("microsoft-windows-dns client events/operational")),
      Map.entry("firewall-as", List.of("microsoft-windows-windows firewall with advanced security/firewall")),
      Map.entry("codeintegrity-operational", List.of("microsoft-windows-codeintegrity/operational")),
      Map.entry("appxdeployment-server", List.of("microsoft-windows-appxdeploymentserver/operational")),
      Map.entry("appxpackaging-om", List.of("microsoft-windows-appxpackaging/operational")),
      Map.entry("appmodel-runtime", List.of("microsoft-windows-appmodel-runtime/admin")),
      Map.entry("applocker", List.of("microsoft-windows-applocker/msi and script", "microsoft-windows-applocker/exe and dll",
          "microsoft-windows-applocker/packaged app-deployment", "microsoft-windows-applocker/packaged app-execution")),
      Map.entry("msexchange-management", List.of("msexchange management")),
      Map.entry("iis-configuration", List.of("microsoft-iis-configuration/operational")),
      Map.entry("ntlm", List.of("microsoft-windows-ntlm/operational")),
      Map.entry("security-mitigations", List.of("microsoft-windows-security-mitigations/kernel mode",
          "microsoft-windows-security-mitigations/user mode")),
      Map.entry("terminalservices-localsessionmanager", List.of("microsoft-windows-terminalservices-localsessionmanager/operational")),
      Map.entry("smbserver-connectivity", List.of("microsoft-windows-smbserver/connectivity")),
      Map.entry("smbclient-security", List.of("microsoft-windows-smbclient/security")),
      Map.entry("smbclient-connectivity", List.of("microsoft-windows-smbclient/connectivity")),
      Map.entry("shell-core", List.of("microsoft-windows-shell-core/operational")),
      Map.entry("printservice-admin", List.of("microsoft-windows-printservice/admin")),
      Map.entry("printservice-operational", List.of("microsoft-windows-printservice/operational")),
      Map.entry("openssh", List.of("openssh/operational")),
      Map.entry("microsoft-servicebus-client", List.of("microsoft-servicebus-client")),
      Map.entry("lsa-server", List.of("microsoft-windows-lsa/operational")),
      Map.entry("ldap", List.of("microsoft-windows-ldap-client/debug")),
      Map.entry("ldap_debug", List.of("microsoft-windows-ldap-client/debug")),
      Map.entry("driver-framework", List.of("microsoft-windows-driverframeworks-usermode/operational")),
      Map.entry("diagnosis-scripted", List.of("microsoft-windows-diagnosis-scripted/operational")),
      Map.entry("certificateservicesclient-lifecycle-system",
          List.of("microsoft-windows-certificateservicesclient-lifecycle-system/operational")),
      Map.entry("capi2", List.of("microsoft-windows-capi2/operational")),
      Map.entry("dhcp", List.of("microsoft-windows-dhcp-server/operational")),
      Map.entry("bitlocker", List.of("microsoft-windows-bitlocker/bitlocker management")),
      Map.entry("vhdmp", List.of("microsoft-windows-vhdmp/operational")),
      Map.entry("hyper-v-worker", List.of("microsoft-windows-hyper-v-worker")),
      Map.entry("kernel-shimengine", List.of("microsoft-windows-kernel-shimengine/operational")));

  /** Windows PowerShell (classic) categories: channel "Windows PowerShell", EventIDs 400, 600, 800. */
  private static final Map<String, int[]> POWERSHELL_CLASSIC = Map.of(
      "ps_classic_start", new int[] {400}, "ps_classic_provider_start", new int[] {600}, "ps_classic_script", new int[] {800});

  /** Categories read from the Microsoft-Windows-Kernel-File ETW provider (no Sysmon event has them). */
  private static final List<String> KERNEL_FILE = List.of("file_access", "file_rename");

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
      List<String> channels = SERVICE_CHANNELS.get(service);
      if (channels == null) {
        throw new RuleException("logsource service '" + service + "' is not a Windows service Sigma defines", logsource);
      }
      out.add(new Target(null, Set.copyOf(channels), service.equals("sysmon") ? Target.SYSMON_PROVIDER : Set.of(), Map.of()));
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
      out.add(new Target(ps, Set.copyOf(SERVICE_CHANNELS.get("powershell")), Set.of("microsoft-windows-powershell"), Map.of()));
      return;
    }
    int[] classic = POWERSHELL_CLASSIC.get(category);
    if (classic != null) {
      out.add(new Target(classic, Set.of("windows powershell"), Set.of("powershell"), Map.of()));
      return;
    }
    if (KERNEL_FILE.contains(category)) {
      out.add(new Target(null, Set.of("microsoft-windows-kernel-file/analytic"), Set.of("microsoft-windows-kernel-file"), Map.of()));
      return;
    }
    throw new RuleException("logsource category '" + category + "' is not supported", at);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT).trim();
  }
}
