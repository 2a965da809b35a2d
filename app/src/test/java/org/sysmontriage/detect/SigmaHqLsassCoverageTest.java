package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Coverage of SigmaHQ's LSASS set ({@code grep -ril lsass} over its rules): every such rule is named in
 * the {@code sigmahq} list of a built-in analytic that matches or improves on it, or below with the
 * reason it is not an LSASS-dumping rule.
 */
class SigmaHqLsassCoverageTest {
  /** SigmaHQ rules that mention lsass without detecting LSASS dumping, with why. */
  static final Map<String, String> NOT_LSASS_DUMPING = Map.ofEntries(
      Map.entry("file_event_win_creation_system_file", "system binary names created outside System32; lsass.exe is one name in the list"),
      Map.entry("file_event_win_shell_write_susp_files_extensions", "system processes writing scripts; lsass.exe is one writer in the list"),
      Map.entry("image_load_win_signed_dll_no_metadata", "signed DLLs without metadata; lsass named in a filter"),
      Map.entry("net_connection_win_susp_outbound_kerberos_connection", "Kerberos traffic from processes other than lsass"),
      Map.entry("win_security_susp_outbound_kerberos_connection", "Kerberos traffic from processes other than lsass"),
      Map.entry("proc_creation_win_apt_mint_sandstorm_aspera_faspex_susp_child_process", "exploit child processes; lsass in a filter"),
      Map.entry("proc_creation_win_apt_mint_sandstorm_manage_engine_susp_child_process", "exploit child processes; lsass in a filter"),
      Map.entry("proc_creation_win_cmd_unusual_parent", "cmd.exe under unusual parents (lsass one of many)"),
      Map.entry("proc_creation_win_conhost_uncommon_parent", "conhost.exe under unusual parents (lsass one of many)"),
      Map.entry("proc_creation_win_curl_ntlm_hash_leak_attempt", "NTLM hash leak over curl; lsass only in the description"),
      Map.entry("proc_creation_win_hktl_impersonate", "token impersonation tool; lsass only in the description"),
      Map.entry("proc_creation_win_schtasks_system_process", "scheduled tasks named after system processes"),
      Map.entry("proc_creation_win_susp_abusing_debug_privilege", "shells started by system processes (lsass one parent of many)"),
      Map.entry("proc_creation_win_susp_proc_wrong_parent", "system process names with a wrong parent (lsass one of many)"),
      Map.entry("proc_creation_win_susp_system_exe_anomaly", "system binary names outside System32 (lsass one of many)"),
      Map.entry("registry_event_add_local_hidden_user", "hidden local accounts; lsass only as the writer in a filter"),
      Map.entry("registry_set_servicedll_hijack", "ServiceDll hijack; lsass in a filter"),
      Map.entry("win_security_lm_namedpipe", "lateral-movement pipes; lsarpc in a list"),
      Map.entry("zeek_smb_converted_win_transferring_files_with_credential_data", "Zeek network logs, not a Windows event log"));

  @Test
  void everySigmaHqLsassRuleIsCoveredOrExplained() throws IOException {
    Path sigma = SigmaHqLsassRegressionTest.sigmaDir();
    Set<String> covered = new TreeSet<>();
    for (Analytic a : AnalyticLibrary.builtIn().analytics()) {
      covered.addAll(sigmaHqNames(AnalyticLibrary.builtIn().info(a.id()).ruleText(), a.id()));
    }
    List<String> missing = new ArrayList<>();
    for (Path rule : SigmaHqLsassRegressionTest.rulesNamingLsass(sigma)) {
      String name = rule.getFileName().toString().replace(".yml", "");
      if (!covered.contains(name) && !NOT_LSASS_DUMPING.containsKey(name)) {
        missing.add(name);
      }
    }
    assertEquals(List.of(), missing, "SigmaHQ LSASS rules no built-in analytic names in x-sysmon-triage.sigmahq");
  }

  /** The {@code sigmahq} names of the document with this id in a rule file's text (flow or block list). */
  static Set<String> sigmaHqNames(String ruleText, String id) {
    Set<String> out = new TreeSet<>();
    for (String doc : ruleText.split("\n---\n")) {
      if (!doc.contains("\nid: " + id + "\n") && !doc.startsWith("id: " + id + "\n")) {
        continue;
      }
      List<String> lines = doc.lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i).trim();
        if (!l.startsWith("sigmahq:")) {
          continue;
        }
        String rest = l.substring(8).trim();
        if (rest.startsWith("[")) {
          for (String n : rest.replace("[", "").replace("]", "").split(",")) {
            out.add(n.trim());
          }
        } else {
          for (int k = i + 1; k < lines.size() && lines.get(k).trim().startsWith("- "); k++) {
            out.add(lines.get(k).trim().substring(2).trim());
          }
        }
      }
    }
    return out;
  }
}
