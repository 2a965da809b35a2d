"""sample-logs/README.md, written from the same events as the logs so it cannot drift."""
from . import channels, evtx, writers

FORMATS = {
    evtx.write: "binary EVTX 3.1 as the Windows event log service writes it: file header, 64 KiB chunks with CRC32s, "
                "chunk string and template tables, each record's BinXml a template instance (one template per Sysmon "
                "EventID and field list, defined by its first record in each chunk). The same events as the XML export "
                "of the same host; `EvtxSampleLogsTest` checks every record against libevtx's `evtxexport` and our reader.",
    channels.event_viewer_channels: "Event Viewer XML of several logs merged (Sysmon, Security, PowerShell, Defender, System, "
                                    "Application): `<Events>` root, one event per line, each with its own `Provider` and `Channel`.",
    writers.event_viewer: "Event Viewer \"Save All Events As...\" XML: `<?xml ...?>` + `<Events>` root, all events on one line, "
                          "with `RenderingInfo` (rendered message). UTF-8, CRLF after the declaration. `GrantedAccess` as `0x1fffff`.",
    writers.splunk: "Splunk `XmlWinEventLog` raw events (renderXml, suppress_text): one `<Event>` per line, no root element, "
                    "single-quoted attributes, upper-case provider GUID, LF. `GrantedAccess` as `0x1FFFFF`.",
    writers.wevtutil: "`wevtutil qe Microsoft-Windows-Sysmon/Operational /f:xml` redirected in Windows PowerShell 5: "
                      "UTF-16LE with BOM, events concatenated without a root element or separator. `GrantedAccess` zero-padded as `0x001fffff`.",
    writers.winlogbeat6: "winlogbeat 6.8 NDJSON (Logstash file output): `event_data`, `event_id` (number), `computer_name`, "
                         "`record_number` (string), rendered `message`. LF.",
    writers.winlogbeat8: "winlogbeat 8.12 with the Sysmon module, NDJSON: `winlog.event_id` as a string, and the ECS fields the ingest "
                         "pipeline moves out of `winlog.event_data` (`process.executable`, `process.entity_id`, `process.pid`, "
                         "`process.command_line`, `process.parent.*`, `file.path`, `dns.question.name`, `source.*`/`destination.*`...); "
                         "`UtcTime` becomes `@timestamp`. LF.",
    writers.elastic_hits: "Elasticsearch search hits from a HELK pipeline (the shape of the CAR-2019-08-001 true positive): `_index`/`_id`/`_source`, "
                          "flattened names (`event_id`, `host_name`, `process_path` and `file_name` lower-cased full paths, "
                          "`process_granted_access`, `process_call_trace`...), `z_original_message`. One hit per line.",
    writers.nxlog: "NXLog `im_msvistalog` + `to_json`: flat fields, `EventTime` in local time (UTC-1) without fraction, "
                   "NXLog's own `ProcessID`/`ThreadID` (Sysmon's process) next to Sysmon's `ProcessId`. LF.",
    writers.otrf_flat: "OTRF Security-Datasets flat JSON lines: every EventData field at top level, `EventID` (number), `Hostname`, `TimeCreated` 8 h off (exporter's local time; use `UtcTime`), keys in no particular order, CRLF.",
    writers.xml_as_json: "XML converted to JSON with xmltodict (`Event.System`, `Event.EventData.Data[{\"@Name\",\"#text\"}]`, "
                         "`EventID` as a string, 7-digit `SystemTime` without `T`/`Z`, GUIDs without braces, `&amp;` left undecoded, "
                         "an empty value as `{\"@Name\": ...}` without `#text`). UTF-8 BOM + CRLF, one event per line, ASCII-escaped.",
}

INTRO = """# Sample logs

Small Sysmon logs that Sysmon Triage writes itself with `generate.py` (Python 3 standard library,
deterministic: rerun it and every byte comes out the same). Nothing here is copied from a real
capture; the shapes follow what Sysmon and each exporter write, quirks included. The GUI start page
offers these files; trainers walk through each detection with them.

The story: the fictitious company ACME (`acme.local`) in March 2024 (all times UTC).

| host | role | user |
|---|---|---|
| `WKS-FIN-07.acme.local` | finance workstation | `ACME\\m.keller` |
| `WKS-DEV-12.acme.local` | developer workstation (.NET, Visual Studio, SQL Express) | `ACME\\j.ortega` |
| `SRV-FILE-01.acme.local` | file server | `ACME\\adm.weiss` (admin, RDP) |

Every log mixes the attack with ordinary activity: programs started from Explorer and by services,
browser and Office traffic, DNS, Defender, scheduled tasks, prefetch and recent-file writes,
registry writes, and the routine lsass readers (MsMpEng.exe, svchost.exe, wininit.exe, csrss.exe,
vmtoolsd.exe with `0x1000`/`0x1410`). Process GUIDs, PIDs, logon ids, hashes and record ids are
consistent within a log and record ids rise with time.

## What must fire: `expected-hits.csv`

One row per (event, analytic): `file` (archive members as `ARCHIVE::MEMBER`), `record_id`,
`computer`, `event_id`, `utc_time` (Sysmon `UtcTime`), `analytic`, `expect`, `note`.

- `tp`: the analytic must report this event.
- `known-fp`: benign, but the analytic as published reports it (WerFault.exe, named as a false
  positive on the CAR-2020-05-001 page). A tuned rule may filter it; say so in its documentation.
- `near-miss`: looks close (same tool, same target, same file name pattern...) and the analytic
  must not report it; `note` says why.

For the five seed analytics (`CAR-2019-08-001`, `CAR-2020-05-001`, `CAR-2019-07-002` on process
creation, `CAR-2019-07-002/process-access` on process access, Splunk
`e102e297-dbe6-4a19-b319-5c08f4c19a06` and `fb4c31b0-13e8-4155-8aa5-24de4b8d6717`) the table is
complete: **an event of these logs that is not listed as `tp` or `known-fp` for an analytic must
not be reported by it.** Rows named `lsass-pack:<technique>` describe the wider LSASS pack
(technique, not a rule id: the analytics engineer names the rules):

| technique | what it shows |
|---|---|
| `lsass-pack:procdump-lsass` | procdump started against lsass (process creation) |
| `lsass-pack:comsvcs-minidump` | `rundll32 comsvcs.dll MiniDump` / `#24` on lsass (near miss: on notepad.exe) |
| `lsass-pack:renamed-procdump` | procdump renamed (`OriginalFileName` = `procdump`) dumping lsass |
| `lsass-pack:dump-lolbin` | createdump.exe, SqlDumper.exe, rdrleakdiag.exe, DumpMinitool.x64.exe aimed at lsass (near misses: aimed at their usual targets) |
| `lsass-pack:credential-tool-cmdline` | mimikatz, pypykatz, nanodump command lines (near miss: a notes file named after mimikatz) |
| `lsass-pack:lsass-dump-file` | dump files named after lsass (`lsass.dmp`, `lsass (2).DMP`, WER `lsass.exe_*.dmp`) |
| `lsass-pack:suspicious-access-mask` | `0x1010`, `0x1410`, `0x1438`, `0x143A`, `0x1F3FFF`, `0x1FFFFF` on lsass from unexpected processes (near misses: the routine system callers) |
| `lsass-pack:unknown-calltrace` | `UNKNOWN(...)` frames in an lsass access CallTrace (near miss: Defender with its routine mask) |
| `lsass-pack:lsass-spawned-by-lsass` | an lsass.exe whose parent is lsass.exe |
| `lsass-pack:silent-process-exit` | IFEO `GlobalFlag` + `SilentProcessExit\\lsass.exe` registry values, then `WerFault.exe -s` dumping lsass (near miss: WER LocalDumps for a backup agent) |
| `lsass-pack:dump-command` | dump tools aimed at lsass by PID, renamed, or by an odd ordinal (procdump renamed, Security 4688 only, comsvcs `#-65512`, WerFault Shtinkering, WerFaultSecure); near miss: a genuine LSASS crash report (below risk 50) |
| `lsass-pack:lsass-access` | handles to lsass judged by rights and evidence: a `Procmon64.exe` look-alike in Temp, Security 4656/4663 |

`GrantedAccess` is spelled as each exporter spells it (`0x1fffff`, `0x1FFFFF`, `0x001fffff`):
compare it as a number.

## Regenerate

```
python3 sample-logs/generate.py
```

Rewrites every log, the archives, `expected-hits.csv` and this README. Commit them together.
Tests read these files: `SampleLogsImportTest`, `SampleLogsXmlTest` and `SampleLogsExpectedHitsTest`
check them against `expected-hits.csv`; the report goldens of `SampleLogsReportGoldenTest` hold their
record ids and hashes, so after a deliberate change run
`mvn -o test -Dtest=SampleLogsReportGoldenTest -Dgolden.update=true` and review the diff.

## The logs
"""


def describe(e):
    g = e.get
    if e.eid == 1:
        return "`%s` (parent `%s`)" % (g("CommandLine"), base(g("ParentImage")))
    if e.eid == 10:
        return "`%s` -> `%s` %s" % (base(g("SourceImage")), base(g("TargetImage")), g("GrantedAccess"))
    if e.eid == 11:
        return "`%s` writes `%s`" % (base(g("Image")), g("TargetFilename"))
    if e.eid in (12, 13):
        return "`%s` sets `%s` = `%s`" % (base(g("Image")), g("TargetObject"), g("Details"))
    if hasattr(e, "channel"):
        key = g("CommandLine") or g("ScriptBlockText") or g("Payload") or g("Threat Name") or g("Process Name") or g("ObjectName") \
            or g("RelativeTargetName") or g("ImagePath") or g("AppName") or g("P1") or g("EnabledPrivilegeList") or ""
        return "%s: `%s`" % (e.channel, key.split("\r\n")[0])
    return "`%s`" % base(g("Image") or "")


def base(path):
    return (path or "").rsplit("\\", 1)[-1]


def render(logs):
    out = [INTRO]
    for path, writer, events in logs:
        hosts = sorted({e.host.fqdn for e in events})
        eids = {}
        for e in events:
            eids[e.eid] = eids.get(e.eid, 0) + 1
        out.append("### `%s`\n" % path)
        out.append("- Format: " + FORMATS[writer])
        mixed = any(hasattr(e, "channel") for e in events)
        out.append("- Host: %s; %s to %s UTC; %d events (%s %s), record ids %d-%d." % (
            ", ".join("`%s`" % h for h in hosts), events[0].utc_text(), events[-1].utc_text(), len(events),
            "EventIDs of all channels" if mixed else "Sysmon EventIDs",
            " ".join("%d:%d" % (k, eids[k]) for k in sorted(eids)), events[0].record, events[-1].record))
        rows = [(e, a, k, n) for e in events for a, k, n in e.expect]
        for kind, title in (("tp", "True positives"), ("known-fp", "Known false positives"), ("near-miss", "Near misses")):
            sel = [r for r in rows if r[2] == kind]
            if not sel:
                continue
            out.append("- %s:" % title)
            by_event = {}
            for e, a, k, n in sel:
                by_event.setdefault(e.record, (e, []))[1].append(a + (" (" + n + ")" if n else ""))
            for rec in sorted(by_event):
                e, analytics = by_event[rec]
                out.append("  - record %d, EID %d, %s: %s" % (rec, e.eid, describe(e), "; ".join(analytics)))
        out.append("")
    return "\n".join(out) + "\n"
