#!/usr/bin/env python3
"""Writes every log in sample-logs/ plus expected-hits.csv.

Python 3 standard library only, deterministic (fixed seed, fixed dates): running it twice gives
byte-identical files. Nothing here is copied from real captures; the shapes (field order, value
formats, exporter quirks) follow what Sysmon and the exporters write.

    python3 sample-logs/generate.py          # rewrites the files next to this script
"""
import gzip
import io
import os
import sys
import tarfile
import zipfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from samplegen.model import Host  # noqa: E402
from samplegen import channels, evtx, readme, scenarios, writers  # noqa: E402
from samplegen import incident_scenarios  # noqa: E402

OUT = os.path.dirname(os.path.abspath(__file__))
FIXED_MTIME = 1710403200  # 2024-03-14 08:00 UTC: archive members get a fixed date


def main():
    hits = []
    logs = []
    plan = [
        ("xml/eventviewer_WKS-FIN-07_sysmon.xml", writers.event_viewer, "WKS-FIN-07", "2024-03-12 08:02:11", scenarios.seed_pack, 380),
        ("json/otrf-flat_SRV-FILE-01_sysmon.json", writers.otrf_flat, "SRV-FILE-01", "2024-03-12 13:40:05", scenarios.seed_pack, 320),
        ("xml/splunk_WKS-DEV-12_xmlwineventlog.xml", writers.splunk, "WKS-DEV-12", "2024-03-13 07:55:40", scenarios.lolbin_pack, 300),
        ("xml/wevtutil_SRV-FILE-01_sysmon.xml", writers.wevtutil, "SRV-FILE-01", "2024-03-13 21:10:02", scenarios.access_pack, 260),
        ("json/winlogbeat6_WKS-FIN-07_sysmon.ndjson", writers.winlogbeat6, "WKS-FIN-07", "2024-03-13 10:21:50", scenarios.tool_pack, 240),
        ("json/winlogbeat8-ecs_WKS-DEV-12_sysmon.ndjson", writers.winlogbeat8, "WKS-DEV-12", "2024-03-14 09:05:13", scenarios.procdump_pack, 220),
        ("json/elastic-hits-helk_WKS-FIN-07_sysmon.ndjson", writers.elastic_hits, "WKS-FIN-07", "2024-03-14 11:47:29", scenarios.taskmgr_pack, 180),
        ("json/nxlog_SRV-FILE-01_sysmon.json", writers.nxlog, "SRV-FILE-01", "2024-03-14 16:02:37", scenarios.remote_procdump_pack, 200),
        ("json/xml-as-json_WKS-DEV-12_sysmon.json", writers.xml_as_json, "WKS-DEV-12", "2024-03-15 08:31:04", scenarios.custom_dumper_pack, 220),
        ("xml/eventviewer_SRV-FILE-01_all-channels.xml", channels.event_viewer_channels, "SRV-FILE-01", "2024-03-15 21:40:12",
         channels.issue11_pack, 120),
    ]
    for path, writer, host, start, scenario, benign in plan:
        h = Host.named(host, start)
        events = scenario(h, benign)
        write(path, writer(events))
        hits += expected_rows(path, events)
        logs.append((path, writer, events))

    # Binary EVTX twins of the XML exports: the same events as the .evtx the exporter read them from.
    twins = [
        ("evtx/WKS-FIN-07_sysmon.evtx", "xml/eventviewer_WKS-FIN-07_sysmon.xml"),
        ("evtx/SRV-FILE-01_sysmon.evtx", "xml/wevtutil_SRV-FILE-01_sysmon.xml"),
        ("evtx/WKS-DEV-12_sysmon.evtx", "xml/splunk_WKS-DEV-12_xmlwineventlog.xml"),
    ]
    exported = {path: events for path, _, events in logs}
    for path, twin in twins:
        events = exported[twin]
        write(path, evtx.write(events))
        hits += expected_rows(path, events)
        logs.append((path, evtx.write, events))

    zip_members = [
        ("otrf-flat_WKS-FIN-07_2024-03-15.json", writers.otrf_flat, "WKS-FIN-07", "2024-03-15 14:12:09", scenarios.second_day_pack, 160),
    ]
    tar_members = [
        ("winlogbeat6_SRV-FILE-01_2024-03-15.ndjson", writers.winlogbeat6, "SRV-FILE-01", "2024-03-15 18:30:44", scenarios.silent_exit_pack, 160),
        ("eventviewer_WKS-DEV-12_2024-03-15.xml", writers.event_viewer, "WKS-DEV-12", "2024-03-15 19:02:17", scenarios.sqldumper_pack, 160),
    ]
    write("archives/capture_WKS-FIN-07_2024-03-15.zip", make_zip(zip_members, hits, "archives/capture_WKS-FIN-07_2024-03-15.zip", logs))
    write("archives/capture_servers_2024-03-15.tar.gz", make_tar(tar_members, hits, "archives/capture_servers_2024-03-15.tar.gz", logs))
    # Multi-step stories for the incident engine (incidents/, with expected-incidents.csv): kept separate.
    hits += incident_scenarios.write_all(write, expected_rows)
    write("expected-hits.csv", csv_text(hits))
    write("README.md", readme.render(logs).encode("utf-8"))


def make_zip(members, hits, name, logs):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for member, writer, host, start, scenario, benign in members:
            events = scenario(Host.named(host, start), benign)
            data = writer(events)
            info = zipfile.ZipInfo(member, date_time=(2024, 3, 15, 16, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
            # A Mac user zipped it: AppleDouble junk the reader must skip.
            junk = zipfile.ZipInfo("__MACOSX/._" + member, date_time=(2024, 3, 15, 16, 0, 0))
            z.writestr(junk, b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02" + b"\x00" * 40)
            hits += expected_rows(name + "::" + member, events)
            logs.append((name + "::" + member, writer, events))
    return buf.getvalue()


def make_tar(members, hits, name, logs):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as t:
        for member, writer, host, start, scenario, benign in members:
            events = scenario(Host.named(host, start), benign)
            data = writer(events)
            info = tarfile.TarInfo(member)
            info.size = len(data)
            info.mtime = FIXED_MTIME
            info.mode = 0o644
            info.uname = info.gname = "analyst"
            t.addfile(info, io.BytesIO(data))
            hits += expected_rows(name + "::" + member, events)
            logs.append((name + "::" + member, writer, events))
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=FIXED_MTIME, filename="") as g:
        g.write(raw.getvalue())
    return out.getvalue()


def expected_rows(path, events):
    rows = []
    for e in events:
        for analytic, kind, note in e.expect:
            rows.append((path, e.record, e.host.fqdn, e.eid, e.utc_text(), analytic, kind, note))
    return rows


def csv_text(rows):
    lines = ["file,record_id,computer,event_id,utc_time,analytic,expect,note"]
    for r in rows:
        lines.append(",".join(csv_cell(str(c)) for c in r))
    return ("\n".join(lines) + "\n").encode("utf-8")


def csv_cell(s):
    return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\n') else s


def write(rel, data):
    path = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
