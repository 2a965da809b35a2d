"""Normal Windows activity around the attacks: programs, services, network, DNS, files, registry."""
from .model import SYSTEM

SITES = [
    ("outlook.office365.com", "52.97.146.162", "type:  5 outlook.ms-acdc.office.com;type:  5 FRA-efz.ms-acdc.office.com;::ffff:52.97.146.162;"),
    ("teams.microsoft.com", "52.113.194.132", "type:  5 teams.office.com;type:  5 tmc-g2.tm-4.office.com;::ffff:52.113.194.132;"),
    ("www.google.com", "142.250.185.68", "::ffff:142.250.185.68;"),
    ("login.microsoftonline.com", "20.190.159.2", "type:  5 login.mso.msidentity.com;type:  5 ak.privatelink.msidentity.com;::ffff:20.190.159.2;"),
    ("acme.sharepoint.com", "13.107.136.10", "type:  5 1230-ipv4e.clump.dprodmgd104.aa-rt.sharepoint.com;::ffff:13.107.136.10;"),
    ("github.com", "140.82.121.4", "::ffff:140.82.121.4;"),
    ("pypi.org", "151.101.64.223", "::ffff:151.101.64.223;::ffff:151.101.128.223;"),
    ("api.nuget.org", "152.199.21.175", "type:  5 nugetapiprod.trafficmanager.net;::ffff:152.199.21.175;"),
    ("settings-win.data.microsoft.com", "20.42.65.92", "type:  5 atm-settingsfe-prod-geo.trafficmanager.net;::ffff:20.42.65.92;"),
    ("ctldl.windowsupdate.com", "93.184.221.240", "type:  5 wu-bg-shim.trafficmanager.net;::ffff:93.184.221.240;"),
]
DC = ("dc01.acme.local", "10.42.1.10", "::ffff:10.42.1.10;")


def activity(h, n):
    """Appends at least n benign events to h.events; returns nothing."""
    stop = len(h.events) + n
    acts = SERVER_ACTS if h.server else WORKSTATION_ACTS
    weights = [w for w, _ in acts]
    while len(h.events) < stop:
        h.tick(300, 9000)
        h.rng.choices(acts, weights)[0][1](h)


def _pick(h, items):
    return items[h.rng.randrange(len(items))]


def user_app(h):
    apps = [
        ("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\" "),
        ("C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe", "\"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe\" --profile-directory=Default"),
        ("C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE", "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE\" "),
        ("C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE", "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE\" \"%s\\Documents\\Q1-forecast.xlsx\""),
        ("C:\\Windows\\System32\\notepad.exe", "\"C:\\Windows\\system32\\NOTEPAD.EXE\" %s\\Documents\\todo.txt"),
    ]
    if "DEV" in h.name:
        apps += [
            ("C:\\Users\\j.ortega\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe", "\"C:\\Users\\j.ortega\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe\" "),
            ("C:\\Program Files\\Git\\cmd\\git.exe", "git fetch --all --prune"),
            ("C:\\Program Files\\dotnet\\dotnet.exe", "\"C:\\Program Files\\dotnet\\dotnet.exe\" build src\\Billing.Api\\Billing.Api.csproj -c Debug"),
        ]
    image, cmd = _pick(h, apps)
    if "%s" in cmd:
        cmd = cmd % h.user_home
    p = h.spawn(image, cmd, h.explorer, cwd=h.user_home + "\\")
    for dll in ("C:\\Windows\\System32\\winhttp.dll", "C:\\Windows\\System32\\urlmon.dll")[: h.rng.randint(0, 2)]:
        h.load(p, dll)
    if image.endswith(("chrome.exe", "msedge.exe", "OUTLOOK.EXE", "Code.exe", "git.exe", "dotnet.exe")):
        site = _pick(h, SITES)
        h.dns(p, site[0], site[2])
        h.net(p, site[1], "-", 443)
    if h.rng.random() < 0.6:
        h.terminate(p)


def browse(h):
    browsers = [p for p in h.running if p.name.lower() in ("chrome.exe", "msedge.exe", "outlook.exe", "code.exe")]
    p = _pick(h, browsers) if browsers else h.explorer
    for _ in range(h.rng.randint(1, 3)):
        site = _pick(h, SITES)
        h.dns(p, site[0], site[2])
        h.net(p, site[1], "-", 443)


def service_task(h):
    tasks = [
        ("C:\\Windows\\System32\\taskhostw.exe", "taskhostw.exe -RegisterDevice -ProtectionStateChanged -FreeNetworkOnly", h.svchosts[2], SYSTEM),
        ("C:\\Windows\\System32\\backgroundTaskHost.exe", "\"C:\\Windows\\system32\\backgroundTaskHost.exe\" -ServerName:BackgroundTaskHost.WebAccountBackgroundManagerTask", h.svchosts[0], None),
        ("C:\\Windows\\System32\\RuntimeBroker.exe", "C:\\Windows\\System32\\RuntimeBroker.exe -Embedding", h.svchosts[0], None),
        ("C:\\Windows\\System32\\SearchProtocolHost.exe", "\"C:\\Windows\\system32\\SearchProtocolHost.exe\" Global\\UsGthrFltPipeMssGthrPipe_S-1-5-21-3 Global\\UsGthrCtrlFltPipeMssGthrPipe_S-1-5-21-3 1 -2147483646 \"Software\\Microsoft\\Windows Search\" \"Mozilla/4.0 (compatible; MSIE 6.0; Windows NT; MS Search 4.0 Robot)\" \"C:\\ProgramData\\Microsoft\\Search\\Data\\Temp\\usgthrsvc\" \"DownLevelDaemon\" ", h.svchosts[2], SYSTEM),
        ("C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24010.12-0\\MpCmdRun.exe", "\"C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24010.12-0\\MpCmdRun.exe\" SignatureUpdate -ScheduleJob -RestrictPrivileges", h.svchosts[2], SYSTEM),
        ("C:\\Windows\\System32\\gpupdate.exe", "gpupdate.exe /target:computer", h.svchosts[2], SYSTEM),
    ]
    image, cmd, parent, user = _pick(h, tasks)
    user = user or h.user
    p = h.spawn(image, cmd, parent, user=user, cwd="C:\\Windows\\system32\\")
    if h.rng.random() < 0.5:
        h.spawn("C:\\Windows\\System32\\conhost.exe", "\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1", p, user=user)
    if image.endswith("MpCmdRun.exe"):
        h.dns(p, "definitionupdates.microsoft.com", "type:  5 definitionupdates.microsoft.com.edgesuite.net;::ffff:23.45.232.40;")
        h.net(p, "23.45.232.40", "-", 443)
    h.terminate(p)


def dns_noise(h):
    dnscache = h.svchosts[3]
    site = _pick(h, SITES + [DC, DC])
    h.dns(dnscache, site[0], site[2])


def domain_traffic(h):
    p = _pick(h, [h.lsass, h.svchosts[2], h.svchosts[5]])
    port = {h.lsass: 88}.get(p, _pick(h, [389, 135, 445]))
    if p is h.lsass:
        p = h.lsass
    h.net(p, "10.42.1.10", "dc01.acme.local", port)


def file_noise(h):
    choice = h.rng.randrange(5)
    if choice == 0:
        name = _pick(h, ["CHROME.EXE", "MSEDGE.EXE", "OUTLOOK.EXE", "SVCHOST.EXE", "TASKHOSTW.EXE", "CONHOST.EXE"])
        h.file(h.svchosts[6], "C:\\Windows\\Prefetch\\%s-%08X.pf" % (name, h.rng.getrandbits(32)))
    elif choice == 1:
        h.file(h.explorer, "%s\\AppData\\Roaming\\Microsoft\\Windows\\Recent\\%s.lnk" % (h.user_home, _pick(h, ["todo.txt", "Q1-forecast.xlsx", "Downloads", "invoice-0312.pdf"])))
    elif choice == 2:
        h.file(h.defender, "C:\\Windows\\Temp\\MpCmdRun.log" if h.rng.random() < 0.5 else "C:\\ProgramData\\Microsoft\\Windows Defender\\Scans\\History\\Service\\DetectionHistory\\%02d" % h.rng.randint(1, 30))
    elif choice == 3:
        h.file(h.svchosts[2], "C:\\Windows\\System32\\Tasks\\Microsoft\\Windows\\UpdateOrchestrator\\Schedule Scan")
    else:
        h.file(h.explorer, "%s\\AppData\\Local\\Temp\\%s.tmp" % (h.user_home, "".join(h.rng.choice("0123456789ABCDEF") for _ in range(8))))


def registry_noise(h):
    choice = h.rng.randrange(3)
    if choice == 0:
        h.reg_set(h.explorer, "HKU\\%s\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\UserAssist\\{CEBFF5CD-ACE2-4F4F-9178-9926F41749EA}\\Count\\%s" % (
            h.user_sid, _pick(h, ["HRZR_PGYFRFFVBA", "{1NP14R77-02R7-4R5Q-O744-2RO1NR5198O7}\\abgrcnq.rkr", "Zvpebfbsg.Jvaqbjf.Rkcybere"])), "Binary Data")
    elif choice == 1:
        h.reg_set(h.svchosts[2], "HKLM\\System\\CurrentControlSet\\Services\\bam\\State\\UserSettings\\%s\\\\Device\\HarddiskVolume3\\Windows\\System32\\%s" % (
            h.user_sid, _pick(h, ["notepad.exe", "cmd.exe", "Taskmgr.exe", "mmc.exe"])), "Binary Data")
    else:
        h.reg_set(h.svchosts[2], "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Schedule\\TaskCache\\Tree\\Microsoft\\Windows\\UpdateOrchestrator\\Schedule Scan\\Index", "DWORD (0x00000003)")


BENIGN_LSASS = [
    # Known system callers and the masks they use on lsass: near misses for every access rule.
    ("defender", 0x1000, "C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|C:\\Windows\\System32\\KERNELBASE.dll+2bcde|C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24010.12-0\\MpSvc.dll+5b1c2|C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24010.12-0\\MpSvc.dll+4e7d1|C:\\Windows\\System32\\KERNEL32.DLL+17344|C:\\Windows\\SYSTEM32\\ntdll.dll+526b1"),
    ("svchost", 0x1000, "C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|C:\\Windows\\System32\\KERNELBASE.dll+2bcde|c:\\windows\\system32\\lsm.dll+e959|C:\\Windows\\System32\\RPCRT4.dll+76953|C:\\Windows\\System32\\RPCRT4.dll+da036|C:\\Windows\\System32\\RPCRT4.dll+5a35c"),
    ("wininit", 0x1000, "C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|C:\\Windows\\System32\\KERNELBASE.dll+2bcde|C:\\Windows\\system32\\wininit.exe+3a41|C:\\Windows\\System32\\KERNEL32.DLL+17344|C:\\Windows\\SYSTEM32\\ntdll.dll+526b1"),
    ("csrss", 0x1000, "C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|C:\\Windows\\system32\\CSRSRV.dll+4d4b|C:\\Windows\\system32\\basesrv.DLL+2d31|C:\\Windows\\system32\\CSRSRV.dll+a0f3|C:\\Windows\\SYSTEM32\\ntdll.dll+6f2e2"),
    ("vmtools", 0x1410, "C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|C:\\Windows\\System32\\KERNELBASE.dll+2bcde|C:\\Program Files\\VMware\\VMware Tools\\vmtoolsd.exe+1c2f3|C:\\Program Files\\VMware\\VMware Tools\\plugins\\vmsvc\\libappInfo.dll+2d8b|C:\\Windows\\System32\\KERNEL32.DLL+17344"),
]


def benign_lsass_access(h, which=None, expect=()):
    who, mask, trace = BENIGN_LSASS[which] if which is not None else _pick(h, BENIGN_LSASS)
    src = {"defender": h.defender, "svchost": h.svchosts[1], "wininit": h.wininit, "csrss": h.csrss, "vmtools": h.vmtools}[who]
    return h.access(src, h.lsass, mask, trace, expect)


def server_share(h):
    client = _pick(h, [("10.42.8.57", "WKS-FIN-07.acme.local"), ("10.42.9.112", "WKS-DEV-12.acme.local"), ("10.42.8.61", "WKS-FIN-11.acme.local")])
    h.net(h.system, None, None, 445, inbound_from=client)
    share = _pick(h, ["Finance\\2024\\Q1\\forecast-v%d.xlsx" % h.rng.randint(2, 9), "Projects\\billing\\release-notes.docx", "Scans\\scan_%04d.pdf" % h.rng.randint(1, 9999)])
    h.file(h.system, "D:\\Shares\\" + share)


def backup_job(h):
    p = h.spawn("C:\\Program Files\\Veeam\\Endpoint Backup\\VeeamAgent.exe", "\"C:\\Program Files\\Veeam\\Endpoint Backup\\VeeamAgent.exe\" -l \"C:\\ProgramData\\Veeam\\Endpoint\\Job.Backup.log\"", h.services, user=SYSTEM)
    h.net(p, "10.42.1.30", "bkp01.acme.local", 10005)
    h.terminate(p)


WORKSTATION_ACTS = [(5, user_app), (6, browse), (4, service_task), (4, dns_noise), (2, domain_traffic), (4, file_noise),
                    (3, registry_noise), (2, benign_lsass_access)]
SERVER_ACTS = [(1, user_app), (2, browse), (4, service_task), (3, dns_noise), (4, domain_traffic), (3, file_noise),
               (2, registry_noise), (3, benign_lsass_access), (6, server_share), (1, backup_job)]
