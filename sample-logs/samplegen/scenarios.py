"""The attacks and their near misses, each inside benign activity. Tags say what must fire."""
from .benign import activity, benign_lsass_access
from .model import SYSTEM

CAR_TASKMGR = "CAR-2019-08-001"
CAR_MINIDUMP = "CAR-2020-05-001"
CAR_PROCDUMP = "CAR-2019-07-002"
CAR_PROCDUMP_ACCESS = "CAR-2019-07-002/process-access"
SPLUNK_PROCDUMP = "e102e297-dbe6-4a19-b319-5c08f4c19a06"
SPLUNK_LSASS_ACCESS = "fb4c31b0-13e8-4155-8aa5-24de4b8d6717"
PACK = "lsass-pack:"


def tp(analytic, note=""):
    return (analytic, "tp", note)


def nm(analytic, note=""):
    return (analytic, "near-miss", note)


def fp(analytic, note=""):
    return (analytic, "known-fp", note)


def frames(h, *mods):
    """A CallTrace: module+offset frames, outermost last, as Sysmon prints them."""
    out = []
    for m in mods:
        out.append(m if m.startswith("UNKNOWN") else "%s+%x" % (m, h.rng.randint(0x1000, 0xAFFFF)))
    return "|".join(out)


NT = "C:\\Windows\\SYSTEM32\\ntdll.dll"
KB = "C:\\Windows\\System32\\KERNELBASE.dll"
K32 = "C:\\Windows\\System32\\KERNEL32.DLL"
DBGCORE = "C:\\Windows\\SYSTEM32\\dbgcore.DLL"
DBGHELP = "C:\\Windows\\SYSTEM32\\dbghelp.dll"


def minidump_trace(h, tool, helper=DBGCORE):
    return frames(h, NT, KB, helper, helper, tool, tool, K32, NT)


def plain_trace(h, tool):
    return frames(h, NT, KB, tool, K32, NT)


ACCESS_TP = [tp(CAR_MINIDUMP), tp(SPLUNK_LSASS_ACCESS)]
ACCESS_NM = [nm(CAR_MINIDUMP), nm(SPLUNK_LSASS_ACCESS)]


# ------------------------------------------------------------------ the five seed analytics
def seed_pack(h, benign):
    activity(h, benign * 2 // 5)
    home = h.user_home
    # CAR-2019-08-001 true positive: Task Manager "Create dump file" on lsass.exe.
    tm = h.spawn("C:\\Windows\\System32\\Taskmgr.exe", "\"C:\\Windows\\system32\\taskmgr.exe\" /4", h.explorer, elevated=True)
    h.tick(4000, 15000)
    h.access(tm, h.lsass, 0x1FFFFF, minidump_trace(h, "C:\\Windows\\system32\\taskmgr.exe"),
             ACCESS_TP + [nm(CAR_PROCDUMP_ACCESS, "0x1FFFFF on lsass but no procdump in the event")])
    h.file(tm, home + "\\AppData\\Local\\Temp\\lsass.DMP",
           [tp(CAR_TASKMGR, "taskmgr.exe writes lsass.DMP"), tp(PACK + "lsass-dump-file")])
    # Near miss: the same Task Manager dumps explorer.exe.
    h.tick(3000, 9000)
    h.access(tm, h.explorer, 0x1FFFFF, minidump_trace(h, "C:\\Windows\\system32\\taskmgr.exe"),
             [nm(CAR_MINIDUMP, "dbgcore CallTrace but target explorer.exe"), nm(SPLUNK_LSASS_ACCESS, "target explorer.exe")])
    h.file(tm, home + "\\AppData\\Local\\Temp\\explorer.DMP", [nm(CAR_TASKMGR, "taskmgr.exe writes a .DMP of another process")])
    h.terminate(tm)
    activity(h, benign // 10)

    # CAR-2019-07-002 / e102e297 true positive: procdump64 -ma lsass.exe, then its accesses and dump file.
    cmd = h.spawn("C:\\Windows\\System32\\cmd.exe", "\"C:\\Windows\\system32\\cmd.exe\" ", h.explorer, elevated=True)
    pd_path = "C:\\Tools\\Sysinternals\\procdump64.exe"
    pd = h.spawn(pd_path, "procdump64.exe  -accepteula -ma lsass.exe C:\\Users\\Public\\lsass_dump.dmp", cmd, cwd="C:\\Tools\\Sysinternals\\",
                 expect=[tp(CAR_PROCDUMP), tp(SPLUNK_PROCDUMP), tp(PACK + "procdump-lsass")])
    h.access(pd, h.lsass, 0x1410, plain_trace(h, pd_path),
             [nm(CAR_PROCDUMP_ACCESS, "procdump opens lsass with 0x1410 first, not 0x1FFFFF")] + ACCESS_NM)
    h.access(pd, h.lsass, 0x1FFFFF, minidump_trace(h, pd_path, DBGHELP),
             [tp(CAR_PROCDUMP_ACCESS)] + ACCESS_TP)
    h.file(pd, "C:\\Users\\Public\\lsass_dump.dmp",
           [nm(CAR_TASKMGR, "lsass*.dmp written by procdump64.exe, not taskmgr.exe"), tp(PACK + "lsass-dump-file")])
    h.terminate(pd)
    activity(h, benign // 10)

    # Near misses: -mp (not -ma/-mm), procdump on another process, lsass in a tasklist filter.
    pd2 = h.spawn(pd_path, "procdump64.exe -accepteula -mp lsass.exe C:\\Users\\Public\\lsass_mp.dmp", cmd, cwd="C:\\Tools\\Sysinternals\\",
                  expect=[tp(CAR_PROCDUMP, "procdump*.exe with lsass: the CAR analytic ignores the switch"),
                          nm(SPLUNK_PROCDUMP, "-mp is neither -ma nor -mm")])
    h.terminate(pd2)
    outlook = h.spawn("C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE", "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE\" ", h.explorer)
    pd3 = h.spawn(pd_path, "procdump64.exe -accepteula -ma %d C:\\Users\\Public\\outlook_hang.dmp" % outlook.pid, cmd, cwd="C:\\Tools\\Sysinternals\\",
                  expect=[nm(CAR_PROCDUMP, "procdump on OUTLOOK.EXE"), nm(SPLUNK_PROCDUMP, "procdump -ma on OUTLOOK.EXE")])
    h.access(pd3, outlook, 0x1FFFFF, minidump_trace(h, pd_path, DBGHELP),
             [nm(CAR_PROCDUMP_ACCESS, "procdump 0x1FFFFF but target OUTLOOK.EXE"), nm(CAR_MINIDUMP, "target OUTLOOK.EXE"),
              nm(SPLUNK_LSASS_ACCESS, "target OUTLOOK.EXE")])
    h.file(pd3, "C:\\Users\\Public\\outlook_hang.dmp", [nm(CAR_TASKMGR, "not lsass, not taskmgr")])
    h.terminate(pd3)
    tl = h.spawn("C:\\Windows\\System32\\tasklist.exe", "tasklist  /fi \"imagename eq lsass.exe\" /v", cmd,
                 expect=[nm(CAR_PROCDUMP, "lsass in the command line, but tasklist.exe"), nm(SPLUNK_PROCDUMP, "tasklist.exe")])
    h.access(tl, h.lsass, 0x1410, frames(h, NT, KB, "C:\\Windows\\System32\\framedynos.dll", "C:\\Windows\\system32\\tasklist.exe", K32, NT),
             [nm(CAR_MINIDUMP, "tasklist.exe reads lsass without dbghelp/dbgcore"), nm(SPLUNK_LSASS_ACCESS, "tasklist.exe, no dbghelp/dbgcore")])
    h.terminate(tl)
    h.terminate(cmd)
    activity(h, benign // 10)

    # Known false positive named on the CAR-2020-05-001 page: WerFault.exe reporting on lsass.
    wer = h.spawn("C:\\Windows\\System32\\WerFault.exe", "C:\\Windows\\system32\\WerFault.exe -u -p %d -s 1540" % h.lsass.pid, h.svchosts[2], user=SYSTEM)
    h.access(wer, h.lsass, 0x1FFFFF, frames(h, NT, KB, DBGCORE, DBGCORE, "C:\\Windows\\System32\\faultrep.dll", "C:\\Windows\\system32\\WerFault.exe", K32, NT),
             [fp(CAR_MINIDUMP, "WerFault.exe: false positive named on the CAR page"), fp(SPLUNK_LSASS_ACCESS, "WerFault.exe crash report")])
    h.terminate(wer)

    # comsvcs MiniDump of notepad.exe: dbgcore in the CallTrace but the target is not lsass.
    note = h.spawn("C:\\Windows\\System32\\notepad.exe", "\"C:\\Windows\\system32\\NOTEPAD.EXE\" %s\\Documents\\todo.txt" % home, h.explorer)
    ps = h.spawn("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" ", h.explorer, elevated=True)
    rd = h.spawn("C:\\Windows\\System32\\rundll32.exe", "\"C:\\Windows\\System32\\rundll32.exe\" C:\\Windows\\System32\\comsvcs.dll MiniDump %d %s\\Documents\\notepad.bin full" % (note.pid, home), ps,
                 expect=[nm(PACK + "comsvcs-minidump", "comsvcs MiniDump of notepad.exe, not lsass")])
    h.load(rd, "C:\\Windows\\System32\\comsvcs.dll")
    h.load(rd, "C:\\Windows\\System32\\dbgcore.dll")
    h.access(rd, note, 0x1FFFFF, frames(h, NT, KB, DBGCORE, "C:\\Windows\\System32\\comsvcs.dll", "C:\\Windows\\System32\\comsvcs.dll", "C:\\Windows\\System32\\rundll32.exe", K32, NT),
             [nm(CAR_MINIDUMP, "dbgcore CallTrace, target notepad.exe"), nm(SPLUNK_LSASS_ACCESS, "target notepad.exe"),
              nm(CAR_PROCDUMP_ACCESS, "target notepad.exe")])
    h.file(rd, home + "\\Documents\\notepad.bin")
    h.terminate(rd)
    h.terminate(ps)
    # Routine lsass readers: Defender and the session manager service.
    benign_lsass_access(h, 0, [nm(CAR_MINIDUMP), nm(SPLUNK_LSASS_ACCESS), nm(CAR_PROCDUMP_ACCESS), nm(PACK + "suspicious-access-mask", "MsMpEng.exe 0x1000")])
    benign_lsass_access(h, 1, [nm(PACK + "suspicious-access-mask", "svchost.exe 0x1000")])
    activity(h, benign - benign * 2 // 5 - 3 * (benign // 10))
    return h.events


# ------------------------------------------------------------------ wider LSASS pack
def lolbin_pack(h, benign):
    """comsvcs MiniDump (name and #24), renamed procdump, createdump and DumpMinitool."""
    activity(h, benign // 3)
    lsass = h.lsass.pid
    ps = h.spawn("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" -nop -ep bypass", h.explorer, elevated=True)
    rd = h.spawn("C:\\Windows\\System32\\rundll32.exe", "\"C:\\Windows\\System32\\rundll32.exe\" C:\\Windows\\System32\\comsvcs.dll, MiniDump %d C:\\Windows\\Temp\\lsass.dmp full" % lsass, ps,
                 cwd="C:\\Windows\\Temp\\", expect=[tp(PACK + "comsvcs-minidump")])
    h.load(rd, "C:\\Windows\\System32\\comsvcs.dll")
    h.access(rd, h.lsass, 0x1FFFFF, frames(h, NT, KB, DBGCORE, "C:\\Windows\\System32\\comsvcs.dll", "C:\\Windows\\System32\\comsvcs.dll", "C:\\Windows\\System32\\rundll32.exe", K32, NT),
             ACCESS_TP + [nm(CAR_PROCDUMP_ACCESS, "rundll32/comsvcs, no procdump"), tp(PACK + "comsvcs-minidump")])
    h.file(rd, "C:\\Windows\\Temp\\lsass.dmp", [nm(CAR_TASKMGR, "lsass.dmp written by rundll32.exe"), tp(PACK + "lsass-dump-file")])
    h.terminate(rd)
    activity(h, benign // 8)
    cmd = h.spawn("C:\\Windows\\System32\\cmd.exe", "cmd.exe /Q /c rundll32.exe C:\\Windows\\System32\\comsvcs.dll #24 %d C:\\ProgramData\\Intel\\gfx.bin full" % lsass, ps)
    rd2 = h.spawn("C:\\Windows\\System32\\rundll32.exe", "rundll32.exe  C:\\Windows\\System32\\comsvcs.dll #24 %d C:\\ProgramData\\Intel\\gfx.bin full" % lsass, cmd,
                  expect=[tp(PACK + "comsvcs-minidump", "export by ordinal #24")])
    h.load(rd2, "C:\\Windows\\System32\\comsvcs.dll")
    h.access(rd2, h.lsass, 0x1FFFFF, frames(h, NT, KB, DBGCORE, "C:\\Windows\\System32\\comsvcs.dll", "C:\\Windows\\System32\\rundll32.exe", K32, NT),
             ACCESS_TP + [nm(CAR_PROCDUMP_ACCESS, "no procdump")])
    h.file(rd2, "C:\\ProgramData\\Intel\\gfx.bin")
    h.terminate(rd2)
    h.terminate(cmd)
    activity(h, benign // 8)
    # Renamed procdump: OriginalFileName still says procdump.
    renamed = "%s\\Downloads\\dbgview64.exe" % h.user_home
    rp = h.spawn(renamed, "dbgview64.exe -accepteula -r -ma lsass.exe %s\\Downloads\\dv.dmp" % h.user_home, ps, cwd=h.user_home + "\\Downloads\\",
                 pe=("10.11", "Sysinternals process dump utility", "ProcDump", "Sysinternals - www.sysinternals.com", "procdump"),
                 expect=[tp(PACK + "renamed-procdump"), nm(CAR_PROCDUMP, "image is not procdump*.exe"), nm(SPLUNK_PROCDUMP, "process name is not procdump.exe")])
    h.access(rp, h.lsass, 0x1FFFFF, minidump_trace(h, renamed, DBGHELP),
             ACCESS_TP + [nm(CAR_PROCDUMP_ACCESS, "renamed: no 'procdump' text in the access event")])
    h.file(rp, "%s\\Downloads\\dv.dmp" % h.user_home)
    h.terminate(rp)
    activity(h, benign // 8)
    # createdump from the .NET runtime pointed at lsass; then a normal crash dump of a dotnet app.
    cd_path = "C:\\Program Files\\dotnet\\shared\\Microsoft.NETCore.App\\8.0.2\\createdump.exe"
    cdp = h.spawn(cd_path, "\"%s\" --full -f C:\\Users\\Public\\Music\\ms.dmp %d" % (cd_path, lsass), ps, expect=[tp(PACK + "dump-lolbin", "createdump.exe on lsass")])
    h.access(cdp, h.lsass, 0x1FFFFF, plain_trace(h, cd_path), ACCESS_NM + [tp(PACK + "suspicious-access-mask", "createdump.exe full access to lsass")])
    h.file(cdp, "C:\\Users\\Public\\Music\\ms.dmp")
    h.terminate(cdp)
    dn = h.spawn("C:\\Program Files\\dotnet\\dotnet.exe", "\"C:\\Program Files\\dotnet\\dotnet.exe\" run --project src\\Billing.Api", h.explorer, cwd="C:\\src\\billing\\")
    cdn = h.spawn(cd_path, "\"%s\" -f %s\\AppData\\Local\\Temp\\dotnet-coredump-%d.dmp %d" % (cd_path, h.user_home, dn.pid, dn.pid), dn,
                  expect=[nm(PACK + "dump-lolbin", "createdump of the crashing dotnet app itself")])
    h.terminate(cdn)
    activity(h, benign // 8)
    # DumpMinitool from Visual Studio's test platform.
    dm = "C:\\Program Files\\Microsoft Visual Studio\\2022\\Community\\Common7\\IDE\\Extensions\\TestPlatform\\Extensions\\DumpMinitool.x64.exe"
    h.spawn(dm, "\"%s\" --file C:\\Users\\Public\\Documents\\notes.txt --processId %d --dumpType Full" % (dm, lsass), ps,
            pe=("17.9.0", "DumpMinitool", "Microsoft\u00ae Visual Studio\u00ae", "Microsoft Corporation", "DumpMinitool.exe"),
            expect=[tp(PACK + "dump-lolbin", "DumpMinitool.x64.exe on lsass")])
    th = h.spawn("C:\\Program Files\\dotnet\\dotnet.exe", "\"C:\\Program Files\\dotnet\\dotnet.exe\" test tests\\Billing.Tests --blame-crash", h.explorer, cwd="C:\\src\\billing\\")
    h.spawn(dm, "\"%s\" --file %s\\AppData\\Local\\Temp\\TestResults\\testhost_crash.dmp --processId %d --dumpType Mini" % (dm, h.user_home, th.pid), th,
            pe=("17.9.0", "DumpMinitool", "Microsoft\u00ae Visual Studio\u00ae", "Microsoft Corporation", "DumpMinitool.exe"),
            expect=[nm(PACK + "dump-lolbin", "DumpMinitool on the test host (dotnet test --blame-crash)")])
    h.terminate(ps)
    activity(h, benign - benign // 3 - 4 * (benign // 8))
    return h.events


def access_pack(h, benign):
    """Access masks on lsass: routine system callers vs unexpected ones; UNKNOWN frames; lsass from lsass; rdrleakdiag."""
    activity(h, benign // 3)
    for i, note in enumerate(["MsMpEng.exe 0x1000", "svchost.exe 0x1000", "wininit.exe 0x1000", "csrss.exe 0x1000", "vmtoolsd.exe 0x1410"]):
        benign_lsass_access(h, i, [nm(PACK + "suspicious-access-mask", note), nm(CAR_MINIDUMP), nm(SPLUNK_LSASS_ACCESS)])
        activity(h, 6)
    ps = h.spawn("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "powershell.exe -NoProfile -WindowStyle Hidden", h.explorer, elevated=True)
    fake = h.spawn("C:\\Users\\adm.weiss\\AppData\\Local\\Temp\\svchost.exe", "C:\\Users\\adm.weiss\\AppData\\Local\\Temp\\svchost.exe -k netsvcs", ps)
    h.access(fake, h.lsass, 0x1010, plain_trace(h, fake.image), [tp(PACK + "suspicious-access-mask", "0x1010 (VM_READ|QUERY_LIMITED) from a svchost.exe in Temp")] + ACCESS_NM)
    h.access(fake, h.lsass, 0x1438, plain_trace(h, fake.image), [tp(PACK + "suspicious-access-mask", "0x1438 from an unexpected process")])
    upd = h.spawn("C:\\ProgramData\\Updater\\upd.exe", "C:\\ProgramData\\Updater\\upd.exe /silent", ps)
    h.access(upd, h.lsass, 0x143A, plain_trace(h, upd.image), [tp(PACK + "suspicious-access-mask", "0x143A from an unexpected process")])
    h.access(upd, h.lsass, 0x1FFFFF, plain_trace(h, upd.image),
             [tp(PACK + "suspicious-access-mask", "0x1FFFFF from an unexpected process"), nm(CAR_PROCDUMP_ACCESS, "0x1FFFFF but no procdump")] + ACCESS_NM)
    activity(h, benign // 8)
    # Injected code (no module behind the frame) reading lsass.
    inj = h.spawn("C:\\Windows\\System32\\rundll32.exe", "rundll32.exe", h.svchosts[2], user=SYSTEM)
    h.access(inj, h.lsass, 0x1F3FFF, frames(h, NT, KB, "UNKNOWN(000001D3A2B1C0F4)", "UNKNOWN(000001D3A2AF9E10)"),
             [tp(PACK + "unknown-calltrace"), tp(PACK + "suspicious-access-mask", "0x1F3FFF from rundll32.exe without arguments")] + ACCESS_NM)
    h.access(h.defender, h.lsass, 0x1000, frames(h, NT, KB, "UNKNOWN(00007FF8C1A3D2E1)", "C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24010.12-0\\MpSvc.dll"),
             [nm(PACK + "unknown-calltrace", "MsMpEng.exe 0x1000: a JIT frame in Defender, routine mask")])
    activity(h, benign // 8)
    # An lsass.exe started by lsass.exe (dump via a cloned lsass / PssCaptureSnapshot tricks).
    h.spawn("C:\\Windows\\System32\\lsass.exe", "C:\\Windows\\system32\\lsass.exe", h.lsass, user=SYSTEM,
            expect=[tp(PACK + "lsass-spawned-by-lsass")])
    activity(h, benign // 8)
    # rdrleakdiag: full memory dump of lsass; then of the print spooler (near miss).
    rl = "C:\\Windows\\System32\\rdrleakdiag.exe"
    rlp = h.spawn(rl, "rdrleakdiag.exe /p %d /o C:\\Windows\\Temp\\rl /fullmemdmp /wait 1" % h.lsass.pid, ps, expect=[tp(PACK + "dump-lolbin", "rdrleakdiag /fullmemdmp on lsass")])
    h.access(rlp, h.lsass, 0x1FFFFF, minidump_trace(h, rl, DBGHELP), ACCESS_TP + [nm(CAR_PROCDUMP_ACCESS, "rdrleakdiag, no procdump")])
    h.file(rlp, "C:\\Windows\\Temp\\rl\\minidump_%d.dmp" % h.lsass.pid)
    h.terminate(rlp)
    spool = h.svchosts[6]
    h.spawn(rl, "rdrleakdiag.exe /p %d /o C:\\Windows\\Temp\\rl /fullmemdmp /wait 1" % spool.pid, ps,
            expect=[nm(PACK + "dump-lolbin", "rdrleakdiag on svchost.exe, not lsass")])
    h.terminate(ps)
    activity(h, benign - benign // 3 - 30 - 3 * (benign // 8))
    return h.events


def tool_pack(h, benign):
    """Credential tools by command line: mimikatz, pypykatz, nanodump; and a harmless mention."""
    activity(h, benign // 3)
    dl = h.user_home + "\\Downloads"
    cmd = h.spawn("C:\\Windows\\System32\\cmd.exe", "\"C:\\Windows\\system32\\cmd.exe\" ", h.explorer, elevated=True, cwd=dl + "\\")
    mk = h.spawn(dl + "\\mimikatz_trunk\\x64\\mimikatz.exe", "mimikatz.exe  \"privilege::debug\" \"sekurlsa::logonpasswords\" exit", cmd,
                 pe=("2.2.0.0", "mimikatz for Windows", "mimikatz", "gentilkiwi (Benjamin DELPY)", "mimikatz.exe"),
                 expect=[tp(PACK + "credential-tool-cmdline", "mimikatz sekurlsa::logonpasswords")])
    h.load(mk, "C:\\Windows\\System32\\vaultcli.dll")
    h.load(mk, "C:\\Windows\\System32\\samlib.dll")
    h.access(mk, h.lsass, 0x1010, plain_trace(h, mk.image), [tp(PACK + "suspicious-access-mask", "mimikatz 0x1010")] + ACCESS_NM)
    h.terminate(mk)
    activity(h, benign // 6)
    pk = h.spawn("C:\\Users\\m.keller\\AppData\\Local\\Programs\\Python\\Python311\\Scripts\\pypykatz.exe", "pypykatz  live lsa", cmd,
                 expect=[tp(PACK + "credential-tool-cmdline", "pypykatz live lsa")])
    h.access(pk, h.lsass, 0x1410, frames(h, NT, KB, "C:\\Users\\m.keller\\AppData\\Local\\Programs\\Python\\Python311\\python311.dll", "C:\\Users\\m.keller\\AppData\\Local\\Programs\\Python\\Python311\\DLLs\\_ctypes.pyd"),
             [tp(PACK + "suspicious-access-mask", "pypykatz (python) reads lsass")] + ACCESS_NM)
    h.terminate(pk)
    activity(h, benign // 6)
    nd = h.spawn("C:\\Users\\Public\\nanodump.x64.exe", "C:\\Users\\Public\\nanodump.x64.exe --write C:\\Windows\\Temp\\report.docx --valid", cmd,
                 expect=[tp(PACK + "credential-tool-cmdline", "nanodump --write")])
    h.access(nd, h.lsass, 0x1010, frames(h, NT, "UNKNOWN(00007FF6A3C21B7E)"),
             [tp(PACK + "suspicious-access-mask", "nanodump 0x1010"), tp(PACK + "unknown-calltrace", "direct syscalls")] + ACCESS_NM)
    h.file(nd, "C:\\Windows\\Temp\\report.docx")
    h.terminate(nd)
    h.spawn("C:\\Windows\\System32\\notepad.exe", "\"C:\\Windows\\system32\\NOTEPAD.EXE\" %s\\Documents\\training\\mimikatz-detection-notes.txt" % h.user_home, h.explorer,
            expect=[nm(PACK + "credential-tool-cmdline", "notepad opens a text file whose name mentions mimikatz")])
    h.terminate(cmd)
    activity(h, benign - benign // 3 - 2 * (benign // 6))
    return h.events


def procdump_pack(h, benign):
    """winlogbeat 8 ECS: procdump.exe -mm lsass (TP), procdump on a service (near miss), taskmgr 'lsass (2).DMP'."""
    activity(h, benign // 3)
    cmd = h.spawn("C:\\Windows\\System32\\cmd.exe", "\"C:\\Windows\\system32\\cmd.exe\" ", h.explorer, elevated=True, cwd="C:\\Tools\\")
    pd = h.spawn("C:\\Tools\\procdump.exe", "procdump.exe -accepteula -mm lsass.exe C:\\Users\\Public\\mini.dmp", cmd, cwd="C:\\Tools\\",
                 expect=[tp(CAR_PROCDUMP), tp(SPLUNK_PROCDUMP, "-mm mini dump"), tp(PACK + "procdump-lsass")])
    h.access(pd, h.lsass, 0x1FFFFF, minidump_trace(h, "C:\\Tools\\procdump.exe", DBGHELP), [tp(CAR_PROCDUMP_ACCESS)] + ACCESS_TP)
    h.file(pd, "C:\\Users\\Public\\mini.dmp")
    h.terminate(pd)
    activity(h, benign // 6)
    svc = h.spawn("C:\\Program Files\\dotnet\\dotnet.exe", "\"C:\\Program Files\\dotnet\\dotnet.exe\" Billing.Worker.dll", h.services, user="NT AUTHORITY\\NETWORK SERVICE", cwd="C:\\srv\\billing\\")
    pd2 = h.spawn("C:\\Tools\\procdump64.exe", "procdump64.exe -accepteula -e 1 -ma %d C:\\dumps\\billing-worker.dmp" % svc.pid, cmd, cwd="C:\\Tools\\",
                  expect=[nm(CAR_PROCDUMP, "procdump on a dotnet worker"), nm(SPLUNK_PROCDUMP, "procdump -ma on a dotnet worker")])
    h.access(pd2, svc, 0x1FFFFF, minidump_trace(h, "C:\\Tools\\procdump64.exe", DBGHELP),
             [nm(CAR_PROCDUMP_ACCESS, "target dotnet.exe")] + ACCESS_NM)
    h.file(pd2, "C:\\dumps\\billing-worker.dmp")
    h.terminate(pd2)
    activity(h, benign // 6)
    tm = h.spawn("C:\\Windows\\System32\\Taskmgr.exe", "\"C:\\Windows\\system32\\taskmgr.exe\" /7", h.explorer, elevated=True)
    h.tick(3000, 8000)
    h.access(tm, h.lsass, 0x1FFFFF, minidump_trace(h, "C:\\Windows\\system32\\taskmgr.exe"), ACCESS_TP + [nm(CAR_PROCDUMP_ACCESS, "taskmgr, no procdump")])
    h.file(tm, h.user_home + "\\AppData\\Local\\Temp\\lsass (2).DMP", [tp(CAR_TASKMGR, "second dump: 'lsass (2).DMP'"), tp(PACK + "lsass-dump-file")])
    h.terminate(tm)
    h.terminate(cmd)
    activity(h, benign - benign // 3 - 2 * (benign // 6))
    return h.events


def taskmgr_pack(h, benign):
    """HELK search hits: the CAR-2019-08-001 shape (taskmgr.exe, file_name with full path)."""
    activity(h, benign // 2)
    tm = h.spawn("C:\\Windows\\System32\\Taskmgr.exe", "\"C:\\Windows\\system32\\taskmgr.exe\" /4", h.explorer, elevated=True)
    h.tick(5000, 20000)
    h.access(tm, h.lsass, 0x1FFFFF, minidump_trace(h, "C:\\Windows\\system32\\taskmgr.exe"), ACCESS_TP + [nm(CAR_PROCDUMP_ACCESS, "taskmgr, no procdump")])
    h.file(tm, h.user_home + "\\AppData\\Local\\Temp\\lsass.DMP", [tp(CAR_TASKMGR), tp(PACK + "lsass-dump-file")])
    h.tick(8000, 20000)
    teams = h.spawn("C:\\Program Files\\WindowsApps\\MSTeams_24033.811.2738.2546_x64__8wekyb3d8bbwe\\ms-teams.exe", "\"C:\\Program Files\\WindowsApps\\MSTeams_24033.811.2738.2546_x64__8wekyb3d8bbwe\\ms-teams.exe\" ", h.explorer)
    h.access(tm, teams, 0x1FFFFF, minidump_trace(h, "C:\\Windows\\system32\\taskmgr.exe"), ACCESS_NM)
    h.file(tm, h.user_home + "\\AppData\\Local\\Temp\\ms-teams.DMP", [nm(CAR_TASKMGR, "taskmgr dump of ms-teams.exe")])
    h.terminate(tm)
    activity(h, benign - benign // 2)
    return h.events


def remote_procdump_pack(h, benign):
    """NXLog: procdump pushed over PsExec and run as SYSTEM against lsass."""
    activity(h, benign // 2)
    psexesvc = h.spawn("C:\\Windows\\PSEXESVC.exe", "C:\\Windows\\PSEXESVC.exe", h.services, user=SYSTEM,
                       pe=("2.43", "PsExec Service", "Sysinternals PsExec", "Sysinternals - www.sysinternals.com", "psexesvc.exe"))
    pd = h.spawn("C:\\Windows\\procdump.exe", "procdump.exe  -accepteula -ma lsass.exe C:\\Windows\\Temp\\lsass.dmp", psexesvc, user=SYSTEM, cwd="C:\\Windows\\system32\\",
                 expect=[tp(CAR_PROCDUMP), tp(SPLUNK_PROCDUMP), tp(PACK + "procdump-lsass")])
    h.access(pd, h.lsass, 0x1FFFFF, minidump_trace(h, "C:\\Windows\\procdump.exe", DBGHELP), [tp(CAR_PROCDUMP_ACCESS)] + ACCESS_TP)
    h.file(pd, "C:\\Windows\\Temp\\lsass.dmp", [nm(CAR_TASKMGR, "procdump.exe, not taskmgr.exe"), tp(PACK + "lsass-dump-file")])
    h.terminate(pd)
    h.terminate(psexesvc)
    activity(h, benign - benign // 2)
    return h.events


def custom_dumper_pack(h, benign):
    """XML-as-JSON: a SharpDump-like .NET dumper (dbghelp), with '&&' in a command line, and WerFault."""
    activity(h, benign // 2)
    dl = h.user_home + "\\Downloads"
    cmd = h.spawn("C:\\Windows\\System32\\cmd.exe", "cmd.exe /c \"cd /d %s && SharpDump.exe && dir\"" % dl, h.explorer, elevated=True, cwd=dl + "\\")
    sd = h.spawn(dl + "\\SharpDump.exe", "SharpDump.exe", cmd, cwd=dl + "\\",
                 pe=("1.0.0.0", "SharpDump", "SharpDump", "-", "SharpDump.exe"))
    h.load(sd, "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\clr.dll")
    h.load(sd, "C:\\Windows\\System32\\dbghelp.dll")
    h.access(sd, h.lsass, 0x1FFFFF, frames(h, NT, KB, DBGHELP, "UNKNOWN(00007FF8A1C40B2A)"),
             ACCESS_TP + [nm(CAR_PROCDUMP_ACCESS, "no procdump"), tp(PACK + "unknown-calltrace", "JIT-compiled .NET frame")])
    h.file(sd, "C:\\Windows\\Temp\\debug%d.out" % h.lsass.pid)
    h.file(sd, "C:\\Windows\\Temp\\debug%d.bin" % h.lsass.pid)
    h.terminate(sd)
    h.terminate(cmd)
    wer = h.spawn("C:\\Windows\\System32\\WerFault.exe", "C:\\Windows\\system32\\WerFault.exe -u -p %d -s 2260" % h.lsass.pid, h.svchosts[2], user=SYSTEM)
    h.access(wer, h.lsass, 0x1FFFFF, frames(h, NT, KB, DBGCORE, DBGCORE, "C:\\Windows\\System32\\faultrep.dll", "C:\\Windows\\system32\\WerFault.exe", K32, NT),
             [fp(CAR_MINIDUMP, "WerFault.exe: false positive named on the CAR page"), fp(SPLUNK_LSASS_ACCESS, "WerFault.exe crash report")])
    h.terminate(wer)
    activity(h, benign - benign // 2)
    return h.events


def second_day_pack(h, benign):
    """Zip member (OTRF flat): procdump64 from the desktop, and procdump -h (hang) on a frozen Excel."""
    activity(h, benign // 2)
    desk = h.user_home + "\\Desktop\\Procdump"
    ps = h.spawn("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" ", h.explorer, elevated=True)
    pd = h.spawn(desk + "\\procdump64.exe", "\"%s\\procdump64.exe\" -ma lsass.exe -accepteula C:\\Windows\\Temp\\lsass_0315.dmp" % desk, ps, cwd=desk + "\\",
                 expect=[tp(CAR_PROCDUMP), tp(SPLUNK_PROCDUMP), tp(PACK + "procdump-lsass")])
    h.access(pd, h.lsass, 0x1FFFFF, minidump_trace(h, desk + "\\procdump64.exe", DBGHELP), [tp(CAR_PROCDUMP_ACCESS)] + ACCESS_TP)
    h.file(pd, "C:\\Windows\\Temp\\lsass_0315.dmp", [nm(CAR_TASKMGR, "procdump64.exe, not taskmgr.exe"), tp(PACK + "lsass-dump-file")])
    h.terminate(pd)
    xl = h.spawn("C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE", "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE\" ", h.explorer)
    h.spawn(desk + "\\procdump64.exe", "\"%s\\procdump64.exe\" -accepteula -h -ma EXCEL.EXE %s\\Documents\\excel_hang.dmp" % (desk, h.user_home), ps, cwd=desk + "\\",
            expect=[nm(CAR_PROCDUMP, "procdump on EXCEL.EXE"), nm(SPLUNK_PROCDUMP, "procdump -ma on EXCEL.EXE")])
    h.terminate(xl)
    h.terminate(ps)
    activity(h, benign - benign // 2)
    return h.events


def silent_exit_pack(h, benign):
    """Tar member (winlogbeat 6): SilentProcessExit / IFEO abuse makes WerFault dump lsass."""
    activity(h, benign // 2)
    ps = h.spawn("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "powershell.exe -ep bypass", h.explorer, elevated=True)
    reg = "C:\\Windows\\System32\\reg.exe"
    ifeo = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\lsass.exe"
    spe = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\SilentProcessExit\\lsass.exe"
    for key, details, value in [(ifeo, "DWORD (0x00000200)", "GlobalFlag"), (spe, "DWORD (0x00000002)", "ReportingMode"),
                                (spe, "C:\\Windows\\Temp\\sp", "LocalDumpFolder"), (spe, "DWORD (0x00000002)", "DumpType")]:
        r = h.spawn(reg, "reg.exe  add \"%s\" /v %s /t %s /d %s /f" % (key, value, "REG_SZ" if details.startswith("C:") else "REG_DWORD",
                                                                       details if details.startswith("C:") else str(int(details[7:17], 16))), ps)
        h.reg_set(r, key + "\\" + value, details, [tp(PACK + "silent-process-exit", "%s set on lsass.exe" % value)])
        h.terminate(r)
    wer = h.spawn("C:\\Windows\\System32\\WerFault.exe", "C:\\Windows\\system32\\WerFault.exe -s -t 5812 -i %d -e %d -c 0" % (h.lsass.pid, h.lsass.pid), h.svchosts[2], user=SYSTEM,
                  expect=[tp(PACK + "silent-process-exit", "WerFault -s (silent process exit) on lsass")])
    h.access(wer, h.lsass, 0x1FFFFF, frames(h, NT, KB, DBGCORE, DBGCORE, "C:\\Windows\\System32\\faultrep.dll", "C:\\Windows\\system32\\WerFault.exe", K32, NT),
             ACCESS_TP + [nm(CAR_PROCDUMP_ACCESS, "WerFault, no procdump")])
    h.file(wer, "C:\\Windows\\Temp\\sp\\lsass.exe-(PID-%d)-1502375\\lsass.exe_240315_183502.dmp" % h.lsass.pid,
           [tp(PACK + "lsass-dump-file"), nm(CAR_TASKMGR, "written by WerFault.exe")])
    h.terminate(wer)
    h.terminate(ps)
    # Near miss: ordinary WER LocalDumps configuration for the backup agent.
    msi = h.spawn("C:\\Windows\\System32\\msiexec.exe", "C:\\Windows\\system32\\msiexec.exe /V", h.services, user=SYSTEM,
                  pe=("5.0.19041.3636 (WinBuild.160101.0800)", "Windows\u00ae installer", WIN_PRODUCT, "Microsoft Corporation", "msiexec.exe"))
    h.reg_set(msi, "HKLM\\SOFTWARE\\Microsoft\\Windows\\Windows Error Reporting\\LocalDumps\\VeeamAgent.exe\\DumpType", "DWORD (0x00000001)",
              [nm(PACK + "silent-process-exit", "WER LocalDumps for VeeamAgent.exe")])
    activity(h, benign - benign // 2)
    return h.events


WIN_PRODUCT = "Microsoft\u00ae Windows\u00ae Operating System"


def sqldumper_pack(h, benign):
    """Tar member (Event Viewer XML): SqlDumper.exe aimed at lsass vs SQL Server dumping itself."""
    activity(h, benign // 2)
    sql = h.spawn("C:\\Program Files\\Microsoft SQL Server\\MSSQL15.SQLEXPRESS\\MSSQL\\Binn\\sqlservr.exe", "\"C:\\Program Files\\Microsoft SQL Server\\MSSQL15.SQLEXPRESS\\MSSQL\\Binn\\sqlservr.exe\" -sSQLEXPRESS", h.services,
                  user="NT SERVICE\\MSSQL$SQLEXPRESS", integrity="High")
    dumper = "C:\\Program Files\\Microsoft SQL Server\\150\\Shared\\SqlDumper.exe"
    h.spawn(dumper, "\"%s\" %d 0 0x0120 0 \"C:\\Program Files\\Microsoft SQL Server\\MSSQL15.SQLEXPRESS\\MSSQL\\LOG\\\"" % (dumper, sql.pid), sql,
            expect=[nm(PACK + "dump-lolbin", "SQL Server dumping itself")])
    activity(h, benign // 6)
    cmd = h.spawn("C:\\Windows\\System32\\cmd.exe", "\"C:\\Windows\\system32\\cmd.exe\" ", h.explorer, elevated=True)
    sd = h.spawn(dumper, "SqlDumper.exe %d 0 0x01100:40" % h.lsass.pid, cmd, expect=[tp(PACK + "dump-lolbin", "SqlDumper.exe on lsass")])
    h.access(sd, h.lsass, 0x1FFFFF, minidump_trace(h, dumper, DBGHELP), ACCESS_TP + [nm(CAR_PROCDUMP_ACCESS, "SqlDumper, no procdump")])
    h.file(sd, "C:\\Windows\\system32\\SQLDmpr0001.mdmp")
    h.terminate(sd)
    h.terminate(cmd)
    activity(h, benign - benign // 2 - benign // 6)
    return h.events
