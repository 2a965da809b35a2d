"""Issue 11: every log that sees an LSASS dump, not Sysmon alone.

One Event Viewer XML export of SRV-FILE-01 that mixes Sysmon with the Security, PowerShell, Defender,
System and Application channels: the by-PID, renamed and odd-ordinal dump variants, their benign
look-alikes (a genuine LSASS crash report, the LSA AuditLevel hardening value), and one event per
non-Sysmon LSASS analytic. Events are Host events with a channel attached; this module writes them.
"""
from .benign import activity
from .model import SYSTEM, sysmon_time
from .writers import NS, SYSMON, SYSMON_GUID, CHANNEL, system_time_iso, xml_attr, xml_text

PACK = "lsass-pack:"
SECURITY = ("Security", "Microsoft-Windows-Security-Auditing", "{54849625-5478-4994-a5ba-3e3b0328c30d}")
POWERSHELL = ("Microsoft-Windows-PowerShell/Operational", "Microsoft-Windows-PowerShell", "{a0c1853b-5c40-4b15-8766-3cf1c58f985a}")
DEFENDER = ("Microsoft-Windows-Windows Defender/Operational", "Microsoft-Windows-Windows Defender", "{11cd958a-c507-4ef3-b3f2-5fd9dfbd2c78}")
SYSTEM_LOG = ("System", "Service Control Manager", "{555908d1-a6d7-4695-8e1e-26931d2012f4}")
APPLICATION = ("Application", "Application Error", "")


def tp(analytic, note=""):
    return (analytic, "tp", note)


def nm(analytic, note=""):
    return (analytic, "near-miss", note)


def emit(h, log, eid, fields, expect=()):
    """An event of another channel, on the host's clock."""
    h.tick(5, 900)
    e = h.emit(eid, fields, expect)
    e.channel, e.provider, e.provider_guid = log
    # No UtcTime outside Sysmon: the event's time is TimeCreated (7 fraction digits).
    e.utc_text = lambda: e.sys_time.strftime("%Y-%m-%d %H:%M:%S.") + "%06d%d" % (e.sys_time.microsecond, e.sys_ticks)
    return e


def sysmon(h, eid, fields, expect=()):
    h.tick(1, 400)
    return h.emit(eid, [("RuleName", "-"), ("UtcTime", sysmon_time(h.now))] + fields, expect)


def subject(h, user=None):
    user = user or h.user
    return [("SubjectUserSid", h.user_sid), ("SubjectUserName", user.split("\\")[-1]), ("SubjectDomainName", "ACME"),
            ("SubjectLogonId", "0x3e7a21")]


def issue11_pack(h, benign):
    """SRV-FILE-01, evening of 15 March: the intruder tries every way to LSASS; Windows logs it everywhere."""
    activity(h, benign // 3)
    lsass = h.lsass
    ps = h.spawn("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "powershell.exe -ep bypass", h.explorer, elevated=True)
    # PowerShell: the PID lookup, then Out-Minidump (script block and module logging).
    emit(h, POWERSHELL, 4104, [("MessageNumber", "1"), ("MessageTotal", "1"), ("ScriptBlockText", "(Get-Process lsass).Id"),
                               ("ScriptBlockId", "6b1f0a2e-3c44-4f0e-9d1c-5a7e2b9c8d11"), ("Path", "")],
         [tp("ST-LSASS-POWERSHELL-LOOKUP", "Get-Process lsass")])
    emit(h, POWERSHELL, 4104, [("MessageNumber", "1"), ("MessageTotal", "1"), ("ScriptBlockText",
                               "Get-Process lsass | Out-Minidump -DumpFilePath C:\\Windows\\Temp"),
                               ("ScriptBlockId", "0d9e4c2b-7a61-4b3e-8f20-c4e5d6a7b8c9"), ("Path", "")],
         [tp("ST-LSASS-POWERSHELL", "Out-Minidump on lsass"), tp("ST-LSASS-POWERSHELL-LOOKUP")])
    emit(h, POWERSHELL, 4103, [("ContextInfo", "Severity = Informational\r\nHost Application = powershell.exe -ep bypass"),
                               ("UserData", ""), ("Payload", "CommandInvocation(Out-Minidump): \"Out-Minidump\"\r\n"
                                                              "ParameterBinding(Out-Minidump): name=\"DumpFilePath\"; value=\"C:\\Windows\\Temp\"")],
         [tp("ST-LSASS-POWERSHELL/module", "module logging of Out-Minidump")])
    tl = h.spawn("C:\\Windows\\System32\\tasklist.exe", "tasklist /fi \"imagename eq lsass.exe\"", ps,
                 expect=[tp("ST-LSASS-PID-LOOKUP", "tasklist for lsass")])
    h.terminate(tl)
    # Debug privilege, then procdump renamed, LSASS by PID; the dump file proves success.
    pd = h.spawn("C:\\Users\\Public\\note.exe", "\"C:\\Users\\Public\\note.exe\" -accepteula -ma %d C:\\Users\\Public\\n.dmp" % lsass.pid, ps,
                 pe=("10.11", "Sysinternals process dump utility", "ProcDump", "Sysinternals - www.sysinternals.com", "procdump"),
                 expect=[tp(PACK + "dump-command", "procdump renamed note.exe, lsass by PID")])
    emit(h, SECURITY, 4703, subject(h) + [("TargetUserSid", h.user_sid), ("TargetUserName", "adm.weiss"), ("TargetDomainName", "ACME"),
                                          ("TargetLogonId", "0x3e7a21"), ("ProcessName", pd.image), ("ProcessId", "0x%x" % pd.pid),
                                          ("EnabledPrivilegeList", "SeDebugPrivilege"), ("DisabledPrivilegeList", "-")],
         [tp("ST-LSASS-DEBUG-PRIVILEGE", "SeDebugPrivilege for note.exe")])
    emit(h, SECURITY, 4656, subject(h) + [("ObjectServer", "Security"), ("ObjectType", "Process"),
                                          ("ObjectName", "\\Device\\HarddiskVolume2\\Windows\\System32\\lsass.exe"),
                                          ("HandleId", "0x4a8"), ("AccessMask", "0x1fffff"), ("ProcessId", "0x%x" % pd.pid),
                                          ("ProcessName", pd.image)],
         [tp(PACK + "lsass-access", "4656 full access by the renamed procdump")])
    h.file(pd, "C:\\Users\\Public\\n.dmp")
    h.terminate(pd)
    # The same by PID on the Security log only (process creation auditing, hex PIDs).
    emit(h, SECURITY, 4688, subject(h) + [("NewProcessId", "0x1f4c"), ("NewProcessName", "C:\\Tools\\pd64.exe"),
                                          ("TokenElevationType", "%%1937"), ("ProcessId", "0x%x" % ps.pid),
                                          ("CommandLine", "pd64.exe -r 3 -ma %d C:\\Tools\\x.dmp" % lsass.pid),
                                          ("ParentProcessName", ps.image)],
         [tp(PACK + "dump-command", "procdump by PID seen in Security 4688 only")])
    # A look-alike Procmon64.exe in Temp opens lsass with full access.
    fake = h.spawn("C:\\Users\\adm.weiss\\AppData\\Local\\Temp\\Procmon64.exe", "Procmon64.exe /originalpath x", ps)
    h.access(fake, lsass, 0x1FFFFF, "C:\\Windows\\SYSTEM32\\ntdll.dll+9d1e4|%s+7b4d0" % fake.image,
             [tp(PACK + "lsass-access", "Procmon64.exe look-alike in Temp, 0x1FFFFF")])
    h.terminate(fake)
    # comsvcs by a negative ordinal, blocked: an attempt.
    r = h.spawn("C:\\Windows\\System32\\rundll32.exe", "rundll32.exe C:\\Windows\\System32\\comsvcs.dll, #-65512 %d C:\\Windows\\Temp\\c.dmp full"
                % lsass.pid, ps, expect=[tp(PACK + "dump-command", "comsvcs #-65512 by PID, no dump: an attempt")])
    emit(h, DEFENDER, 1121, [("Product Name", "Microsoft Defender Antivirus"), ("ID", "9E6C4E1F-7D60-472F-BA1A-A39EF669E4B2"),
                             ("Detection Time", sysmon_time(h.now)), ("User", "ACME\\adm.weiss"), ("Path", "C:\\Windows\\System32\\lsass.exe"),
                             ("Process Name", "C:\\Users\\Public\\m.exe"), ("Target Commandline", "")],
         [tp("ST-LSASS-DEFENDER-ASR", "ASR blocked m.exe opening lsass")])
    emit(h, DEFENDER, 1121, [("Product Name", "Microsoft Defender Antivirus"), ("ID", "9E6C4E1F-7D60-472F-BA1A-A39EF669E4B2"),
                             ("Detection Time", sysmon_time(h.now)), ("User", "ACME\\adm.weiss"), ("Path", "C:\\Windows\\System32\\lsass.exe"),
                             ("Process Name", "C:\\Windows\\System32\\Taskmgr.exe"), ("Target Commandline", "")],
         [tp("ST-LSASS-DEFENDER-ASR/known-location", "ASR audit of Task Manager, low")])
    emit(h, DEFENDER, 1116, [("Product Name", "Microsoft Defender Antivirus"), ("Threat Name", "HackTool:Win64/Mimikatz!pz"),
                             ("Severity Name", "High"), ("Category Name", "Tool"), ("Path", "file:_C:\\Users\\Public\\m.exe"),
                             ("Process Name", "C:\\Windows\\explorer.exe")],
         [tp("ST-LSASS-DEFENDER", "Defender names Mimikatz")])
    h.terminate(r)
    # Shtinkering: WER reports on LSASS's behalf of another process.
    wer = h.spawn("C:\\Windows\\System32\\WerFault.exe", "C:\\Windows\\system32\\WerFault.exe -u -p %d -ip 7240 -s 244" % lsass.pid,
                  h.svchosts[2], user=SYSTEM, expect=[tp(PACK + "dump-command", "Shtinkering: -p lsass, -ip another PID")])
    h.terminate(wer)
    emit(h, APPLICATION, 1001, [("Bucket", "0"), ("EventType", "APPCRASH"), ("P1", "lsass.exe"), ("P2", "10.0.17763.5122"),
                                ("AttachedFiles", "C:\\Windows\\System32\\config\\systemprofile\\AppData\\Local\\CrashDumps\\lsass.exe.%d.dmp" % lsass.pid)],
         [tp("ST-LSASS-WER-REPORT", "WER report for lsass.exe")])
    # Benign look-alikes: a genuine LSASS crash report; the LSA audit hardening.
    crash = h.spawn("C:\\Windows\\System32\\WerFault.exe", "C:\\Windows\\system32\\WerFault.exe -u -p %d -s 1020" % lsass.pid, lsass,
                    user=SYSTEM, expect=[nm(PACK + "dump-command", "genuine LSASS crash report (no -ip): below risk 50")])
    h.terminate(crash)
    emit(h, APPLICATION, 1000, [("AppName", "lsass.exe"), ("AppVersion", "10.0.17763.5122"), ("ModuleName", "msv1_0.dll"),
                                ("ExceptionCode", "c0000005"), ("FaultingOffset", "0x1b2c0")],
         [tp("ST-LSASS-WER-REPORT", "Application Error for lsass.exe")])
    reg = "C:\\Windows\\System32\\reg.exe"
    ifeo = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\LSASS.exe"
    ra = h.spawn(reg, "reg add \"%s\" /v AuditLevel /t REG_DWORD /d 8 /f" % ifeo, h.explorer, elevated=True,
                 expect=[tp("ST-LSASS-LSA-AUDIT-SETTING", "Microsoft's LSA audit hardening, low"),
                         nm(PACK + "silent-process-exit", "AuditLevel is hardening")])
    h.reg_set(ra, ifeo + "\\AuditLevel", "DWORD (0x00000008)", [nm(PACK + "silent-process-exit", "AuditLevel=8: hardening, below risk 50")])
    h.terminate(ra)
    # LSA protection off, an SSP, mimidrv, dump libraries, tampering, pipes, share copy, Security-only reads.
    rp = h.spawn(reg, "reg add HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa /v RunAsPPL /t REG_DWORD /d 0 /f", ps,
                 expect=[tp("ST-LSASS-PROTECTION-OFF/process-creation")])
    h.reg_set(rp, "HKLM\\System\\CurrentControlSet\\Control\\Lsa\\RunAsPPL", "DWORD (0x00000000)", [tp("ST-LSASS-PROTECTION-OFF")])
    h.reg_set(rp, "HKLM\\System\\CurrentControlSet\\Control\\Lsa\\Security Packages", "kerberos msv1_0 schannel wdigest tspkg pku2u mimilib",
              [tp("ST-LSASS-SSP", "mimilib added as a security package")])
    h.terminate(rp)
    emit(h, SYSTEM_LOG, 7045, [("ServiceName", "mimidrv"), ("ImagePath", "C:\\Users\\Public\\mimidrv.sys"), ("ServiceType", "kernel mode driver"),
                               ("StartType", "demand start"), ("AccountName", "")], [tp("ST-LSASS-KERNEL-DRIVER", "mimidrv service")])
    sysmon(h, 6, [("ImageLoaded", "C:\\Users\\Public\\mimidrv.sys"), ("Hashes", "SHA256=5E8E1E5C38B4D1E4E6B0F7C0B2C1A3D4E5F60718293A4B5C6D7E8F9012345678"),
                  ("Signed", "false"), ("Signature", "-"), ("SignatureStatus", "Unavailable")],
           [tp("ST-LSASS-KERNEL-DRIVER/driver-load", "mimidrv.sys loaded")])
    dumper = h.spawn("C:\\Users\\Public\\dumper.exe", "C:\\Users\\Public\\dumper.exe", ps)
    h.load(dumper, "C:\\Windows\\System32\\dbghelp.dll", [tp("ST-LSASS-DUMP-LIBRARY-LOAD", "dbghelp.dll in a program under C:\\Users\\Public")])
    h.terminate(dumper)
    wfs = h.spawn("C:\\Windows\\System32\\WerFaultSecure.exe", "C:\\Windows\\System32\\WerFaultSecure.exe /h /pid %d /tid 812 /encfile 304 /cancel 364 /type 268310"
                  % lsass.pid, ps, expect=[tp(PACK + "dump-command", "WerFaultSecure /pid lsass (WSASS)")])
    h.load(wfs, "C:\\Windows\\System32\\dbgcore.dll", [tp("ST-LSASS-DUMP-LIBRARY-LOAD/werfaultsecure")])
    h.terminate(wfs)
    sysmon(h, 7, [("ProcessGuid", lsass.guid), ("ProcessId", str(lsass.pid)), ("Image", lsass.image),
                  ("ImageLoaded", "C:\\Windows\\System32\\mimilib.dll"), ("OriginalFileName", "mimilib.dll"),
                  ("Signed", "false"), ("Signature", "-"), ("SignatureStatus", "Unavailable"), ("User", SYSTEM)],
           [tp("ST-LSASS-UNSIGNED-LOAD", "lsass loads the unsigned mimilib.dll")])
    sysmon(h, 25, [("ProcessGuid", lsass.guid), ("ProcessId", str(lsass.pid)), ("Image", lsass.image), ("Type", "Image is replaced"),
                   ("User", SYSTEM)], [tp("ST-LSASS-TAMPERING", "process tampering of lsass")])
    sysmon(h, 17, [("EventType", "CreatePipe"), ("ProcessGuid", ps.guid), ("ProcessId", str(ps.pid)), ("PipeName", "\\lsassw"),
                   ("Image", ps.image), ("User", ps.user)], [tp("ST-LSASS-TAMPERING/pipe", "pipe \\lsassw")])
    inj = h.spawn("C:\\Users\\Public\\inject.exe", "C:\\Users\\Public\\inject.exe", ps)
    sysmon(h, 8, [("SourceProcessGuid", inj.guid), ("SourceProcessId", str(inj.pid)), ("SourceImage", inj.image),
                  ("TargetProcessGuid", lsass.guid), ("TargetProcessId", str(lsass.pid)), ("TargetImage", lsass.image),
                  ("NewThreadId", "5120"), ("StartAddress", "0x00007FF6A1B2C3D0"), ("StartModule", "-"), ("StartFunction", "-"),
                  ("SourceUser", inj.user), ("TargetUser", SYSTEM)], [tp("ST-LSASS-REMOTE-THREAD", "remote thread into lsass")])
    h.terminate(inj)
    emit(h, SECURITY, 4663, subject(h) + [("ObjectServer", "Security"), ("ObjectType", "Process"),
                                          ("ObjectName", "\\Device\\HarddiskVolume2\\Windows\\System32\\lsass.exe"),
                                          ("HandleId", "0x51c"), ("AccessList", "%%4484"), ("AccessMask", "0x10"),
                                          ("ProcessId", "0x1a2c"), ("ProcessName", "C:\\Windows\\System32\\cscript.exe")],
         [tp(PACK + "lsass-access", "4663 memory read by cscript (hashdump)")])
    emit(h, SECURITY, 5145, subject(h) + [("ObjectType", "File"), ("IpAddress", "10.42.8.57"), ("IpPort", "50412"),
                                          ("ShareName", "\\\\*\\C$"), ("ShareLocalPath", "\\??\\C:\\"),
                                          ("RelativeTargetName", "Windows\\Temp\\lsass.dmp"), ("AccessMask", "0x120089")],
         [tp("ST-LSASS-DUMP-FILE/share", "lsass.dmp read over C$")])
    mp = h.spawn("C:\\Users\\adm.weiss\\Downloads\\MemProcFS\\MemProcFS.exe", "MemProcFS.exe -device C:\\Temp\\srv.raw", ps,
                 pe=("5.16.9", "MemProcFS", "MemProcFS", "-", "MemProcFS.exe"), expect=[tp("ST-LSASS-TOOL-IMAGE/memory-forensics")])
    h.terminate(mp)
    h.terminate(ps)
    activity(h, benign - benign // 3)
    return h.events


def xml_event(e):
    channel, provider, guid = getattr(e, "channel", CHANNEL), getattr(e, "provider", SYSMON), getattr(e, "provider_guid", SYSMON_GUID)
    prov = "<Provider Name='%s' Guid='%s'/>" % (xml_attr(provider), guid) if guid else "<Provider Name='%s'/>" % xml_attr(provider)
    parts = ["<Event xmlns='%s'><System>%s<EventID>%d</EventID><Version>%d</Version><Level>4</Level><Task>0</Task><Opcode>0</Opcode>"
             % (NS, prov, e.eid, 2 if channel == CHANNEL else 0),
             "<Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='%s'/><EventRecordID>%d</EventRecordID><Correlation/>"
             % (system_time_iso(e), e.record),
             "<Execution ProcessID='%d' ThreadID='%d'/><Channel>%s</Channel><Computer>%s</Computer><Security UserID='S-1-5-18'/>"
             "</System><EventData>" % (e.sysmon_pid, e.sysmon_tid, xml_text(channel), e.host.fqdn)]
    for k, v in e.fields:
        parts.append("<Data Name='%s'>%s</Data>" % (xml_attr(k), xml_text(str(v))))
    parts.append("</EventData></Event>")
    return "".join(parts)


def event_viewer_channels(events):
    """Event Viewer XML of several logs merged (Get-WinEvent | export): Sysmon and the built-in channels."""
    body = "\r\n".join(xml_event(e) for e in events)
    return ('<?xml version="1.0" encoding="utf-8" standalone="yes"?>\r\n<Events>\r\n' + body + "\r\n</Events>\r\n").encode("utf-8")
