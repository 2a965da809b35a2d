"""Hosts, processes and Sysmon events: a small simulator that emits events in time order."""
import datetime
import hashlib
import random

from .catalog import PE, DLL, pe_info

VERSIONS = {1: 5, 3: 5, 5: 3, 7: 3, 10: 3, 11: 2, 12: 2, 13: 2, 22: 5}
TASKS = {
    1: "Process Create (rule: ProcessCreate)",
    3: "Network connection detected (rule: NetworkConnect)",
    5: "Process terminated (rule: ProcessTerminate)",
    7: "Image loaded (rule: ImageLoad)",
    10: "Process accessed (rule: ProcessAccess)",
    11: "File created (rule: FileCreate)",
    12: "Registry object added or deleted (rule: RegistryEvent)",
    13: "Registry value set (rule: RegistryEvent)",
    22: "Dns query (rule: DnsQuery)",
}
HEADERS = {
    1: "Process Create:", 3: "Network connection detected:", 5: "Process terminated:", 7: "Image loaded:",
    10: "Process accessed:", 11: "File created:", 12: "Registry object added or deleted:",
    13: "Registry value set:", 22: "Dns query:",
}
DOMAIN = "acme.local"
DC_IP = "10.42.1.10"
SYSTEM = "NT AUTHORITY\\SYSTEM"
HOSTS = {
    # name: machine GUID prefix, boot suffix of process GUIDs, IP, user, user RID, first record id
    "WKS-FIN-07": ("6f3b2c1d", "000000000800", "10.42.8.57", "ACME\\m.keller", 1107, 1184032),
    "WKS-DEV-12": ("b41e97a2", "000000001200", "10.42.9.112", "ACME\\j.ortega", 1123, 2290415),
    "SRV-FILE-01": ("2d7f0e58", "000000000300", "10.42.1.20", "ACME\\adm.weiss", 1044, 9821377),
}
DOMAIN_SID = "S-1-5-21-1397120961-3040121847-2918224373"
SERIES_START = datetime.datetime(2024, 3, 10)


class Hex(int):
    """A HexInt32 value (GrantedAccess, LogonId): each exporter prints it its own way."""

    def __str__(self):
        return "0x%x" % int(self)


class Proc:
    def __init__(self, host, image, cmd, pid, user, parent, start, integrity, cwd, logon, session, pe=None):
        self.host, self.image, self.cmd, self.pid, self.user = host, image, cmd, pid, user
        self.parent, self.start, self.integrity, self.cwd = parent, start, integrity, cwd
        self.logon_guid, self.logon_id = logon
        self.session = session
        self.pe = pe or pe_info(image)
        host.counter += 1
        secs = int(start.replace(tzinfo=datetime.timezone.utc).timestamp())
        c = host.counter
        self.guid = "{%s-%04x-%04x-%02x%02x-%s}" % (host.prefix, secs & 0xFFFF, secs >> 16, c & 0xFF, (c >> 8) & 0xFF, host.suffix)
        self.tid = pid + 4 * host.rng.randint(1, 60)

    @property
    def name(self):
        return self.image.rsplit("\\", 1)[-1]


class Event:
    def __init__(self, host, eid, utc, fields, expect):
        self.host, self.eid, self.utc, self.fields = host, eid, utc, fields
        self.expect = list(expect)
        host.record += 1
        self.record = host.record
        # The channel writes the record a little after Sysmon stamps UtcTime; 100 ns digits.
        self.sys_time = utc + datetime.timedelta(microseconds=host.rng.randint(150, 2900))
        self.sys_ticks = host.rng.randint(0, 9)
        self.sysmon_pid = host.sysmon_pid
        self.sysmon_tid = host.sysmon_tid

    def utc_text(self):
        return sysmon_time(self.utc)

    def get(self, name):
        for k, v in self.fields:
            if k == name:
                return v
        return None

    def message(self, hex_upper_logon=True):
        lines = [HEADERS[self.eid]]
        for k, v in self.fields:
            if k == "LogonId" and hex_upper_logon and isinstance(v, Hex):
                v = "0x%X" % int(v)
            lines.append("%s: %s" % (k, v))
        return "\r\n".join(lines)


def sysmon_time(t):
    return t.strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (t.microsecond // 1000)


def file_hashes(path, version=""):
    key = (path.lower() + "|" + version).encode("utf-8")
    return "SHA1=%s,MD5=%s,SHA256=%s,IMPHASH=%s" % (
        hashlib.sha1(b"s1" + key).hexdigest().upper(), hashlib.md5(b"m5" + key).hexdigest().upper(),
        hashlib.sha256(b"s2" + key).hexdigest().upper(),
        hashlib.md5(b"imp" + path.rsplit("\\", 1)[-1].lower().encode()).hexdigest().upper())


class Host:
    """One Windows machine: its boot processes, its clock and its Sysmon record counter."""

    @staticmethod
    def named(name, start):
        return Host(name, datetime.datetime.strptime(start, "%Y-%m-%d %H:%M:%S"))

    def __init__(self, name, start):
        prefix, suffix, ip, user, rid, record = HOSTS[name]
        self.name, self.fqdn, self.prefix, self.suffix, self.ip = name, name + "." + DOMAIN, prefix, suffix, ip
        self.rng = random.Random("%s|%s" % (name, start.isoformat()))
        self.user = user
        self.user_sid = "%s-%d" % (DOMAIN_SID, rid)
        self.server = name.startswith("SRV")
        # The channel's record ids keep rising from one capture of this host to the next
        # (about 40 records a minute since the series began), so logs of one host line up.
        jitter = self.rng.randint(1000, 90000)
        minutes = int((start - SERIES_START).total_seconds() // 60)
        self.record = record + minutes * 40 + jitter % 400
        self.counter = self.rng.randint(0x200, 0x900)
        self.now = start.replace(microsecond=self.rng.randint(0, 999) * 1000)
        self.events = []
        self.used_pids = set()
        self._boot()

    # ---------------------------------------------------------------- clock and ids
    def tick(self, lo_ms=40, hi_ms=4000):
        self.now += datetime.timedelta(milliseconds=self.rng.randint(lo_ms, hi_ms))
        self.now = self.now.replace(microsecond=(self.now.microsecond // 1000) * 1000)
        return self.now

    def new_pid(self):
        while True:
            pid = 4 * self.rng.randint(300, 3200)
            if pid not in self.used_pids:
                self.used_pids.add(pid)
                return pid

    def _boot(self):
        boot = self.now - datetime.timedelta(hours=self.rng.randint(20, 70), minutes=self.rng.randint(0, 59))
        bs = int(boot.replace(tzinfo=datetime.timezone.utc).timestamp())
        system_logon = ("{%s-%04x-%04x-e703-000000000000}" % (self.prefix, bs & 0xFFFF, bs >> 16), Hex(0x3e7))
        self.boot_secs = bs
        self.system_logon = system_logon
        b = boot

        def sysproc(image, cmd, pid, parent, secs, user=SYSTEM, integrity="System", session=0):
            p = Proc(self, image, cmd, pid, user, parent, b + datetime.timedelta(seconds=secs), integrity,
                     "C:\\Windows\\system32\\", system_logon, session)
            self.used_pids.add(pid)
            return p

        self.system = sysproc("System", "", 4, None, 0)
        smss = sysproc("C:\\Windows\\System32\\smss.exe", "\\SystemRoot\\System32\\smss.exe", 4 * self.rng.randint(70, 110), self.system, 1)
        self.csrss = sysproc("C:\\Windows\\System32\\csrss.exe", "%SystemRoot%\\system32\\csrss.exe ObjectDirectory=\\Windows SharedSection=1024,20480,768 Windows=On SubSystemType=Windows ServerDll=basesrv,1 ServerDll=winsrv:UserServerDllInitialization,3 ServerDll=sxssrv,4 ProfileControl=Off MaxRequestThreads=16", 4 * self.rng.randint(120, 140), smss, 3)
        self.wininit = sysproc("C:\\Windows\\System32\\wininit.exe", "wininit.exe", 4 * self.rng.randint(141, 160), smss, 3)
        self.services = sysproc("C:\\Windows\\System32\\services.exe", "C:\\Windows\\system32\\services.exe", 4 * self.rng.randint(161, 180), self.wininit, 4)
        self.lsass = sysproc("C:\\Windows\\System32\\lsass.exe", "C:\\Windows\\system32\\lsass.exe", 4 * self.rng.randint(181, 200), self.wininit, 4)
        self.winlogon = sysproc("C:\\Windows\\System32\\winlogon.exe", "winlogon.exe", 4 * self.rng.randint(201, 220), smss, 4, session=1)
        self.svchosts = [
            sysproc("C:\\Windows\\System32\\svchost.exe", "C:\\Windows\\system32\\svchost.exe -k " + k, self.new_pid(), self.services, 6 + i,
                    user=u)
            for i, (k, u) in enumerate([
                ("DcomLaunch -p", SYSTEM), ("RPCSS -p", "NT AUTHORITY\\NETWORK SERVICE"),
                ("netsvcs -p -s Schedule", SYSTEM), ("NetworkService -p -s Dnscache", "NT AUTHORITY\\NETWORK SERVICE"),
                ("LocalServiceNetworkRestricted -p -s EventLog", "NT AUTHORITY\\LOCAL SERVICE"),
                ("netsvcs -p -s Winmgmt", SYSTEM), ("LocalSystemNetworkRestricted -p -s SysMain", SYSTEM),
                ("wusvcs -p -s WaaSMedicSvc", SYSTEM)])]
        self.sysmon = sysproc("C:\\Windows\\Sysmon64.exe", "C:\\Windows\\Sysmon64.exe", self.new_pid(), self.services, 9)
        self.sysmon_pid = self.sysmon.pid
        self.sysmon_tid = self.sysmon.pid + 4 * self.rng.randint(10, 200)
        self.defender = sysproc("C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24010.12-0\\MsMpEng.exe",
                                "\"C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24010.12-0\\MsMpEng.exe\"", self.new_pid(), self.services, 10)
        self.vmtools = sysproc("C:\\Program Files\\VMware\\VMware Tools\\vmtoolsd.exe", "\"C:\\Program Files\\VMware\\VMware Tools\\vmtoolsd.exe\"", self.new_pid(), self.services, 11)
        self.wmiprvse = sysproc("C:\\Windows\\System32\\wbem\\WmiPrvSE.exe", "C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding", self.new_pid(), self.svchosts[0], 40, user="NT AUTHORITY\\NETWORK SERVICE")
        logon_secs = self.rng.randint(300, 4000)
        lid = self.rng.randint(0x30000, 0x9fffff)
        lt = b + datetime.timedelta(seconds=logon_secs)
        ls = int(lt.replace(tzinfo=datetime.timezone.utc).timestamp())
        self.user_logon = ("{%s-%04x-%04x-%02x%02x-%02x%02x00000000}" % (
            self.prefix, ls & 0xFFFF, ls >> 16, lid & 0xFF, (lid >> 8) & 0xFF, (lid >> 16) & 0xFF, (lid >> 24) & 0xFF), Hex(lid))
        session = 2 if self.server else 1
        userinit = Proc(self, "C:\\Windows\\System32\\userinit.exe", "C:\\Windows\\system32\\userinit.exe", self.new_pid(), self.user,
                        self.winlogon, lt, "Medium", "C:\\Windows\\system32\\", self.user_logon, session)
        self.explorer = Proc(self, "C:\\Windows\\explorer.exe", "C:\\Windows\\Explorer.EXE", self.new_pid(), self.user, userinit,
                             lt + datetime.timedelta(seconds=2), "Medium", "C:\\Windows\\system32\\", self.user_logon, session)
        self.user_home = "C:\\Users\\" + self.user.split("\\")[1]
        self.running = []

    # ---------------------------------------------------------------- emitters
    def emit(self, eid, fields, expect=()):
        e = Event(self, eid, self.now, fields, expect)
        self.events.append(e)
        return e

    def spawn(self, image, cmd, parent, user=None, integrity=None, cwd=None, expect=(), pe=None, elevated=False):
        self.tick(5, 400)
        user = user or parent.user
        if integrity is None:
            integrity = "System" if user == SYSTEM else ("High" if elevated else "Medium")
        logon = self.system_logon if user == SYSTEM else self.user_logon
        session = 0 if user == SYSTEM else parent.session
        if user.startswith("NT AUTHORITY\\") and user != SYSTEM:
            logon = ("{%s-%04x-%04x-e403-000000000000}" % (self.prefix, self.boot_secs & 0xFFFF, self.boot_secs >> 16), Hex(0x3e4))
        p = Proc(self, image, cmd, self.new_pid(), user, parent, self.now, integrity, cwd or parent.cwd, logon, session, pe)
        self.emit(1, [
            ("RuleName", "-"), ("UtcTime", sysmon_time(self.now)), ("ProcessGuid", p.guid), ("ProcessId", str(p.pid)),
            ("Image", image), ("FileVersion", p.pe[0]), ("Description", p.pe[1]), ("Product", p.pe[2]), ("Company", p.pe[3]),
            ("OriginalFileName", p.pe[4]), ("CommandLine", cmd), ("CurrentDirectory", p.cwd), ("User", user),
            ("LogonGuid", p.logon_guid), ("LogonId", p.logon_id), ("TerminalSessionId", str(session)),
            ("IntegrityLevel", integrity), ("Hashes", file_hashes(image, p.pe[0])),
            ("ParentProcessGuid", parent.guid), ("ParentProcessId", str(parent.pid)), ("ParentImage", parent.image),
            ("ParentCommandLine", parent.cmd), ("ParentUser", parent.user)], expect)
        self.running.append(p)
        return p

    def terminate(self, p, expect=()):
        self.tick(20, 3000)
        if p in self.running:
            self.running.remove(p)
        return self.emit(5, [("RuleName", "-"), ("UtcTime", sysmon_time(self.now)), ("ProcessGuid", p.guid),
                             ("ProcessId", str(p.pid)), ("Image", p.image), ("User", p.user)], expect)

    def access(self, src, tgt, mask, trace, expect=(), tid=None):
        self.tick(1, 60)
        return self.emit(10, [
            ("RuleName", "-"), ("UtcTime", sysmon_time(self.now)), ("SourceProcessGUID", src.guid),
            ("SourceProcessId", str(src.pid)), ("SourceThreadId", str(tid or src.tid)), ("SourceImage", src.image),
            ("TargetProcessGUID", tgt.guid), ("TargetProcessId", str(tgt.pid)), ("TargetImage", tgt.image),
            ("GrantedAccess", Hex(mask)), ("CallTrace", trace), ("SourceUser", src.user), ("TargetUser", tgt.user)], expect)

    def file(self, p, path, expect=(), rule="-"):
        self.tick(1, 900)
        return self.emit(11, [("RuleName", rule), ("UtcTime", sysmon_time(self.now)), ("ProcessGuid", p.guid),
                              ("ProcessId", str(p.pid)), ("Image", p.image), ("TargetFilename", path),
                              ("CreationUtcTime", sysmon_time(self.now)), ("User", p.user)], expect)

    def reg_key(self, p, target, expect=(), etype="CreateKey"):
        self.tick(1, 500)
        return self.emit(12, [("RuleName", "-"), ("EventType", etype), ("UtcTime", sysmon_time(self.now)),
                              ("ProcessGuid", p.guid), ("ProcessId", str(p.pid)), ("Image", p.image),
                              ("TargetObject", target), ("User", p.user)], expect)

    def reg_set(self, p, target, details, expect=()):
        self.tick(1, 500)
        return self.emit(13, [("RuleName", "-"), ("EventType", "SetValue"), ("UtcTime", sysmon_time(self.now)),
                              ("ProcessGuid", p.guid), ("ProcessId", str(p.pid)), ("Image", p.image),
                              ("TargetObject", target), ("Details", details), ("User", p.user)], expect)

    def load(self, p, dll, expect=()):
        self.tick(0, 30)
        ver, desc, product, company, orig, signature = DLL.get(dll.rsplit("\\", 1)[-1].lower(), DLL["_default"])
        if orig == "*":
            orig = dll.rsplit("\\", 1)[-1]
        return self.emit(7, [
            ("RuleName", "-"), ("UtcTime", sysmon_time(self.now)), ("ProcessGuid", p.guid), ("ProcessId", str(p.pid)),
            ("Image", p.image), ("ImageLoaded", dll), ("FileVersion", ver), ("Description", desc), ("Product", product),
            ("Company", company), ("OriginalFileName", orig), ("Hashes", file_hashes(dll, ver)),
            ("Signed", "true" if signature != "-" else "false"), ("Signature", signature),
            ("SignatureStatus", "Valid" if signature != "-" else "Unavailable"), ("User", p.user)], expect)

    def net(self, p, dst_ip, dst_host, port, proto="tcp", expect=(), inbound_from=None):
        self.tick(5, 1500)
        src_port = str(self.rng.randint(49700, 65300))
        port_names = {53: "domain", 80: "http", 443: "https", 445: "microsoft-ds", 88: "kerberos", 389: "ldap", 135: "epmap", 3389: "ms-wbt-server"}
        if inbound_from:
            fields = [("SourceIsIpv6", "false"), ("SourceIp", inbound_from[0]), ("SourceHostname", inbound_from[1]),
                      ("SourcePort", src_port), ("SourcePortName", "-"), ("DestinationIsIpv6", "false"),
                      ("DestinationIp", self.ip), ("DestinationHostname", self.fqdn), ("DestinationPort", str(port)),
                      ("DestinationPortName", port_names.get(port, "-"))]
        else:
            fields = [("SourceIsIpv6", "false"), ("SourceIp", self.ip), ("SourceHostname", self.fqdn), ("SourcePort", src_port),
                      ("SourcePortName", "-"), ("DestinationIsIpv6", "false"), ("DestinationIp", dst_ip),
                      ("DestinationHostname", dst_host or "-"), ("DestinationPort", str(port)),
                      ("DestinationPortName", port_names.get(port, "-"))]
        return self.emit(3, [("RuleName", "-"), ("UtcTime", sysmon_time(self.now)), ("ProcessGuid", p.guid),
                             ("ProcessId", str(p.pid)), ("Image", p.image), ("User", p.user), ("Protocol", proto),
                             ("Initiated", "false" if inbound_from else "true")] + fields, expect)

    def dns(self, p, name, results, expect=()):
        self.tick(1, 800)
        return self.emit(22, [("RuleName", "-"), ("UtcTime", sysmon_time(self.now)), ("ProcessGuid", p.guid),
                              ("ProcessId", str(p.pid)), ("QueryName", name), ("QueryStatus", "0"),
                              ("QueryResults", results), ("Image", p.image), ("User", p.user)], expect)


__all__ = ["Host", "Proc", "Event", "Hex", "SYSTEM", "PE"]
