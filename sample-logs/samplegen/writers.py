"""One writer per export format: each turns the same simulated events into that exporter's bytes."""
import datetime
import hashlib
import json

from .model import Hex, TASKS, VERSIONS

NS = "http://schemas.microsoft.com/win/2004/08/events/event"
SYSMON = "Microsoft-Windows-Sysmon"
SYSMON_GUID = "{5770385f-c22a-43e0-bf4c-06f5698ffbd9}"
CHANNEL = "Microsoft-Windows-Sysmon/Operational"


# ------------------------------------------------------------------ shared helpers
def system_time_iso(e):
    """TimeCreated as Windows renders it: 7 fraction digits and Z."""
    return e.sys_time.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d%d" % (e.sys_time.microsecond, e.sys_ticks) + "Z"


def millis_z(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def value(v, hex_style="lower"):
    if isinstance(v, Hex):
        if hex_style == "upper":
            return "0x%X" % int(v)
        if hex_style == "padded":
            return "0x%08x" % int(v)
    return str(v)


def hex_fields(e, hex_style):
    """EventData as strings; GrantedAccess in the exporter's spelling, LogonId as Windows prints it."""
    out = []
    for k, v in e.fields:
        out.append((k, value(v, hex_style) if k == "GrantedAccess" else str(v)))
    return out


def xml_text(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xml_attr(s):
    return xml_text(s).replace("'", "&apos;")


def json_line(obj, ascii_only=False):
    return json.dumps(obj, ensure_ascii=ascii_only, separators=(",", ":"))


def doc_id(e):
    return hashlib.sha1(("%s|%d" % (e.host.fqdn, e.record)).encode()).hexdigest()


# ------------------------------------------------------------------ XML
def xml_event(e, hex_style, guid, rendering):
    parts = [
        "<Event xmlns='%s'><System><Provider Name='%s' Guid='%s'/>" % (NS, SYSMON, guid),
        "<EventID>%d</EventID><Version>%d</Version><Level>4</Level><Task>%d</Task><Opcode>0</Opcode>" % (e.eid, VERSIONS[e.eid], e.eid),
        "<Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='%s'/>" % system_time_iso(e),
        "<EventRecordID>%d</EventRecordID><Correlation/><Execution ProcessID='%d' ThreadID='%d'/>" % (e.record, e.sysmon_pid, e.sysmon_tid),
        "<Channel>%s</Channel><Computer>%s</Computer><Security UserID='S-1-5-18'/></System><EventData>" % (CHANNEL, e.host.fqdn),
    ]
    for k, v in hex_fields(e, hex_style):
        parts.append("<Data Name='%s'>%s</Data>" % (k, xml_text(v)))
    parts.append("</EventData>")
    if rendering:
        parts.append("<RenderingInfo Culture='en-US'><Message>%s</Message><Level>Information</Level><Task>%s</Task>"
                     "<Opcode>Info</Opcode><Channel></Channel><Provider></Provider><Keywords></Keywords></RenderingInfo>"
                     % (xml_text(message(e, hex_style)), xml_text(TASKS[e.eid])))
    parts.append("</Event>")
    return "".join(parts)


def message(e, hex_style="lower", newline="\r\n"):
    lines = [e.message().split("\r\n", 1)[0]]
    for k, v in e.fields:
        if k == "LogonId" and isinstance(v, Hex):
            v = "0x%X" % int(v)
        elif k == "GrantedAccess":
            v = value(v, hex_style)
        lines.append("%s: %s" % (k, v))
    return newline.join(lines)


def event_viewer(events):
    """Event Viewer "Save All Events As..." XML: declaration, <Events> root, one long line, RenderingInfo."""
    body = "".join(xml_event(e, "lower", SYSMON_GUID, True) for e in events)
    return ('<?xml version="1.0" encoding="utf-8" standalone="yes"?>\r\n<Events>' + body + "</Events>").encode("utf-8")


def splunk(events):
    """Splunk XmlWinEventLog raw events (renderXml, suppress_text): one event per line."""
    lines = [xml_event(e, "upper", SYSMON_GUID.upper(), False) for e in events]
    return ("\n".join(lines) + "\n").encode("utf-8")


def wevtutil(events):
    """`wevtutil qe Microsoft-Windows-Sysmon/Operational /f:xml > out.xml` in PowerShell 5: UTF-16LE, BOM, no root."""
    body = "".join(xml_event(e, "padded", SYSMON_GUID, False) for e in events) + "\r\n"
    return b"\xff\xfe" + body.encode("utf-16-le")


# ------------------------------------------------------------------ JSON
def user_of_sysmon():
    return {"domain": "NT AUTHORITY", "identifier": "S-1-5-18", "name": "SYSTEM", "type": "User"}


def winlogbeat6(events):
    """winlogbeat 6.8 NDJSON (Logstash file output): event_data, event_id, computer_name."""
    out = []
    for e in events:
        short = e.host.name
        out.append(json_line({
            "@timestamp": millis_z(e.sys_time), "@version": "1",
            "beat": {"hostname": short, "name": short, "version": "6.8.23"},
            "computer_name": e.host.fqdn, "event_data": dict(hex_fields(e, "lower")), "event_id": e.eid,
            "host": {"name": short}, "level": "Information", "log_name": CHANNEL,
            "message": message(e, "lower", "\n"), "opcode": "Info", "process_id": e.sysmon_pid,
            "provider_guid": SYSMON_GUID.upper(), "record_number": str(e.record), "source_name": SYSMON,
            "task": TASKS[e.eid], "thread_id": e.sysmon_tid, "type": "wineventlog",
            "user": user_of_sysmon(), "version": VERSIONS[e.eid]}))
    return ("\n".join(out) + "\n").encode("utf-8")


def split_user(u):
    d, _, n = u.partition("\\")
    return {"domain": d, "name": n}


def file_parts(path):
    d, _, n = path.rpartition("\\")
    ext = n.rsplit(".", 1)[1].lower() if "." in n else ""
    out = {"path": path, "name": n, "directory": d}
    if ext:
        out["extension"] = ext
    return out


def hash_obj(hashes):
    out = {}
    for part in hashes.split(","):
        k, _, v = part.partition("=")
        if k in ("MD5", "SHA1", "SHA256"):
            out[k.lower()] = v.lower()
    return out


ECS_EVENT = {1: (["process"], ["start"]), 3: (["network"], ["connection", "start"]), 5: (["process"], ["end"]),
             7: (["process"], ["change"]), 10: (["process"], ["access"]), 11: (["file"], ["creation"]),
             12: (["configuration", "registry"], ["change"]), 13: (["configuration", "registry"], ["change"]),
             22: (["network"], ["connection", "protocol", "info"])}


def winlogbeat8(events):
    """winlogbeat 8.12 + Sysmon module: ECS fields moved out of winlog.event_data, event_id as a string."""
    out = []
    for e in events:
        f = dict(hex_fields(e, "lower"))
        doc = {"@timestamp": millis_z(e.utc),
               "agent": {"ephemeral_id": "5f1c7a2e-0b7d-4c1e-9a51-%012x" % (hash_int(e.host.name) & 0xFFFFFFFFFFFF),
                         "id": "c2d84b1a-77e3-4f0c-8d6a-%012x" % (hash_int(e.host.fqdn) & 0xFFFFFFFFFFFF),
                         "name": e.host.name, "type": "winlogbeat", "version": "8.12.2"},
               "ecs": {"version": "8.0.0"},
               "event": {"action": TASKS[e.eid], "category": ECS_EVENT[e.eid][0], "code": str(e.eid),
                         "created": millis_z(e.sys_time + datetime.timedelta(milliseconds=1200)), "kind": "event",
                         "module": "sysmon", "provider": SYSMON, "type": ECS_EVENT[e.eid][1]},
               "host": {"hostname": e.host.name, "name": e.host.fqdn.lower(), "os": {"family": "windows", "type": "windows",
                        "platform": "windows", "name": "Windows Server 2022 Standard" if e.host.server else "Windows 10 Enterprise",
                        "build": "20348.2322" if e.host.server else "19045.4170", "kernel": "10.0.19041.4170 (WinBuild.160101.0800)"}},
               "log": {"level": "information"},
               "message": message(e, "lower", "\n")}
        if f.get("RuleName", "-") != "-":
            doc["rule"] = {"name": f["RuleName"]}
        f.pop("RuleName", None)
        f.pop("UtcTime", None)
        move_ecs(e.eid, f, doc)
        doc["winlog"] = {"api": "wineventlog", "channel": CHANNEL, "computer_name": e.host.fqdn, "event_data": f,
                         "event_id": str(e.eid), "opcode": "Info", "process": {"pid": e.sysmon_pid, "thread": {"id": e.sysmon_tid}},
                         "provider_guid": SYSMON_GUID, "provider_name": SYSMON, "record_id": e.record, "task": TASKS[e.eid],
                         "user": user_of_sysmon(), "version": VERSIONS[e.eid]}
        out.append(json_line(doc))
    return ("\n".join(out) + "\n").encode("utf-8")


def hash_int(s):
    return int(hashlib.md5(s.encode()).hexdigest(), 16)


def proc_ecs(f, guid="ProcessGuid", pid="ProcessId", image="Image"):
    p = {}
    if guid in f:
        p["entity_id"] = f.pop(guid)
    if pid in f:
        p["pid"] = int(f.pop(pid))
    if image in f:
        p["executable"] = f.pop(image)
        p["name"] = p["executable"].rsplit("\\", 1)[-1]
    return p


def move_ecs(eid, f, doc):
    """The Sysmon module's ingest pipeline: what moves where, per EventID (leftovers stay in event_data)."""
    if eid == 10:
        p = proc_ecs(f, "SourceProcessGUID", "SourceProcessId", "SourceImage")
        p["thread"] = {"id": int(f.pop("SourceThreadId"))}
        doc["process"] = p
        return
    p = proc_ecs(f)
    doc["process"] = p
    if eid == 1:
        p["command_line"] = f.pop("CommandLine")
        p["working_directory"] = f.pop("CurrentDirectory")
        p["pe"] = {"original_file_name": f.pop("OriginalFileName"), "company": f.pop("Company"), "description": f.pop("Description"),
                   "file_version": f.pop("FileVersion"), "product": f.pop("Product")}
        p["hash"] = hash_obj(f.pop("Hashes"))
        p["parent"] = proc_ecs(f, "ParentProcessGuid", "ParentProcessId", "ParentImage")
        p["parent"]["command_line"] = f.pop("ParentCommandLine")
        doc["user"] = split_user(f.pop("User"))
    elif eid == 11:
        doc["file"] = file_parts(f.pop("TargetFilename"))
    elif eid == 7:
        doc["file"] = file_parts(f.pop("ImageLoaded"))
        doc["file"]["pe"] = {"original_file_name": f.pop("OriginalFileName"), "company": f.pop("Company"), "description": f.pop("Description"),
                             "file_version": f.pop("FileVersion"), "product": f.pop("Product")}
        doc["file"]["hash"] = hash_obj(f.pop("Hashes"))
        doc["file"]["code_signature"] = {"subject_name": f.pop("Signature"), "status": f.pop("SignatureStatus"),
                                         "signed": f.get("Signed") == "true", "valid": True}
    elif eid == 3:
        doc["network"] = {"transport": f.pop("Protocol"), "direction": "egress" if f.get("Initiated") == "true" else "ingress", "type": "ipv4"}
        doc["source"] = {"ip": f.pop("SourceIp"), "port": int(f.pop("SourcePort")), "domain": f.pop("SourceHostname")}
        doc["destination"] = {"ip": f.pop("DestinationIp"), "port": int(f.pop("DestinationPort"))}
        dom = f.pop("DestinationHostname")
        if dom != "-":
            doc["destination"]["domain"] = dom
    elif eid == 22:
        doc["dns"] = {"question": {"name": f.pop("QueryName")}, "answers": [{"data": a.replace("::ffff:", ""), "type": "A"}
                                                                          for a in f.get("QueryResults", "").split(";") if a.startswith("::ffff:")]}
    elif eid in (12, 13):
        doc["registry"] = {"path": f["TargetObject"], "hive": f["TargetObject"].split("\\", 1)[0],
                           "value": f["TargetObject"].rsplit("\\", 1)[-1]}


def elastic_hits(events):
    """Elasticsearch search hits from a HELK pipeline (Mordor 2019 style): _source, flattened names."""
    out = []
    for e in events:
        f = dict(hex_fields(e, "lower"))
        src = {"@timestamp": millis_z(e.sys_time), "@version": "1", "action": TASKS[e.eid].split(" (")[0].lower().replace(" ", ""),
               "beat_hostname": "WECServer", "beat_version": "7.4.0", "event_id": e.eid, "host_name": e.host.fqdn.lower(),
               "log_name": CHANNEL, "source_name": SYSMON, "record_number": e.record, "level": "information",
               "task": TASKS[e.eid], "type": "wineventlog", "version": VERSIONS[e.eid],
               "log_ingest_timestamp": millis_z(e.sys_time + datetime.timedelta(milliseconds=7)),
               "@event_date_creation": millis_z(e.utc),
               "z_original_message": message(e, "lower", "\n"),
               "winlog": {"api": "wineventlog", "channel": CHANNEL, "computer_name": e.host.fqdn, "event_id": e.eid,
                          "provider_name": SYSMON, "record_id": e.record, "process": {"pid": e.sysmon_pid, "thread": {"id": e.sysmon_tid}},
                          "provider_guid": SYSMON_GUID, "task": TASKS[e.eid], "opcode": "Info", "version": VERSIONS[e.eid]}}
        helk_names(e.eid, f, src)
        out.append(json_line({"_index": "logs-endpoint-winevent-sysmon-" + e.utc.strftime("%Y.%m.%d"), "_type": "_doc",
                              "_id": doc_id(e), "_score": 1, "_source": src}))
    return ("\n".join(out) + "\n").encode("utf-8")


HELK = {
    "ProcessGuid": "process_guid", "ProcessId": "process_id", "Image": "process_path", "CommandLine": "process_command_line",
    "CurrentDirectory": "process_current_directory", "IntegrityLevel": "process_integrity_level", "ParentProcessGuid": "process_parent_guid",
    "ParentProcessId": "process_parent_id", "ParentImage": "process_parent_path", "ParentCommandLine": "process_parent_command_line",
    "TargetFilename": "file_name", "CreationUtcTime": "file_date_creation", "ImageLoaded": "module_loaded", "TargetObject": "registry_key_path",
    "Details": "registry_key_value", "DestinationIp": "dst_ip_addr", "DestinationPort": "dst_port", "SourceIp": "src_ip_addr",
    "SourcePort": "src_port", "User": "user_account", "QueryName": "dns_query_name", "QueryResults": "dns_query_results",
    "TargetImage": "process_target_path", "TargetProcessGUID": "process_target_guid", "TargetProcessId": "process_target_id",
    "GrantedAccess": "process_granted_access", "CallTrace": "process_call_trace", "SourceImage": "process_path",
    "SourceProcessGUID": "process_guid", "SourceProcessId": "process_id", "SourceThreadId": "thread_id",
}


def helk_names(eid, f, src):
    for k, v in f.items():
        name = HELK.get(k)
        if name is None:
            continue
        if name in ("process_path", "file_name", "process_parent_path", "process_target_path"):
            src[name] = v.lower()
            src[name.replace("_path", "_name") if name != "file_name" else "file_name_short"] = v.rsplit("\\", 1)[-1].lower()
        else:
            src[name] = v.strip("{}") if name.endswith("_guid") else v
    src.pop("file_name_short", None)


def nxlog(events):
    """NXLog im_msvistalog + to_json: flat fields, EventTime local without fraction, its own ProcessID."""
    out = []
    for e in events:
        local = e.sys_time - datetime.timedelta(hours=1)
        doc = {"EventTime": local.strftime("%Y-%m-%d %H:%M:%S"), "Hostname": e.host.fqdn, "Keywords": -9223372036854775808,
               "EventType": "INFO", "SeverityValue": 2, "Severity": "INFO", "EventID": e.eid, "SourceName": SYSMON,
               "ProviderGuid": SYSMON_GUID.upper(), "Version": VERSIONS[e.eid], "Task": e.eid, "OpcodeValue": 0,
               "RecordNumber": e.record, "ProcessID": e.sysmon_pid, "ThreadID": e.sysmon_tid, "Channel": CHANNEL,
               "Domain": "NT AUTHORITY", "AccountName": "SYSTEM", "UserID": "S-1-5-18", "AccountType": "User",
               "Message": message(e, "lower", "\r\n"), "Category": TASKS[e.eid], "Opcode": "Info"}
        doc.update(hex_fields(e, "lower"))
        doc["EventReceivedTime"] = (local + datetime.timedelta(seconds=1)).strftime("%Y-%m-%d %H:%M:%S")
        doc["SourceModuleName"] = "eventlog"
        doc["SourceModuleType"] = "im_msvistalog"
        out.append(json_line(doc))
    return ("\n".join(out) + "\n").encode("utf-8")


def otrf_flat(events):
    """OTRF Security-Datasets flat JSON lines: EventData at top level, Hostname, CRLF, keys unordered."""
    out = []
    for e in events:
        items = list(hex_fields(e, "lower")) + [
            ("TimeCreated", (e.sys_time - datetime.timedelta(hours=8)).strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (e.sys_time.microsecond // 1000)),
            ("SourceName", SYSMON), ("EventID", e.eid), ("Channel", CHANNEL), ("Task", str(e.eid)),
            ("Message", message(e, "lower", "\r\n")), ("Hostname", e.host.fqdn), ("EventRecordID", str(e.record))]
        # The exporter wrote keys in hash order: shuffle deterministically per event.
        rng = __import__("random").Random(e.record)
        rng.shuffle(items)
        out.append(json_line(dict(items)))
    return ("\r\n".join(out) + "\r\n").encode("utf-8")


def xml_as_json(events):
    """xmltodict over an XML export, json.dumps per event: strings everywhere, @Name/#text, BOM + CRLF."""
    out = []
    for e in events:
        data = []
        for k, v in hex_fields(e, "lower"):
            if k.endswith(("Guid", "GUID")):
                v = v.strip("{}")
            v = v.replace("&", "&amp;")
            data.append({"@Name": k, "#text": v} if v != "" else {"@Name": k})
        st = e.sys_time.strftime("%Y-%m-%d %H:%M:%S.") + "%06d%d" % (e.sys_time.microsecond, e.sys_ticks)
        doc = {"Event": {"@xmlns": NS, "System": {
            "Provider": {"@Name": SYSMON, "@Guid": SYSMON_GUID}, "EventID": str(e.eid), "Version": str(VERSIONS[e.eid]),
            "Level": "4", "Task": str(e.eid), "Opcode": "0", "Keywords": "0x8000000000000000",
            "TimeCreated": {"@SystemTime": st}, "EventRecordID": str(e.record), "Correlation": None,
            "Execution": {"@ProcessID": str(e.sysmon_pid), "@ThreadID": str(e.sysmon_tid)}, "Channel": CHANNEL,
            "Computer": e.host.fqdn, "Security": {"@UserID": "S-1-5-18"}},
            "EventData": {"Data": data if len(data) > 1 else data[0]}}}
        out.append(json_line(doc, ascii_only=True))
    return b"\xef\xbb\xbf" + ("\r\n".join(out) + "\r\n").encode("utf-8")
