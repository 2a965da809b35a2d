"""Binary EVTX, as the Windows event log service writes it: a file header, 64 KiB chunks with CRC32s,
a chunk string table and template table, and each record's BinXml as a template instance (the
template defined inline by the first record that uses it in a chunk, referenced by the others).

Python standard library only; deterministic. One template per Sysmon event ID: System fields and
EventData values are substitutions, as Sysmon's manifest makes them.
"""
import datetime
import struct
import zlib

from .model import VERSIONS

CHUNK_SIZE = 0x10000
HEADER_BLOCK = 0x1000
RECORDS_AT = 0x200
PROVIDER = "Microsoft-Windows-Sysmon"
PROVIDER_GUID = bytes.fromhex("5f387057" "2ac2" "e043" "bf4c06f5698ffbd9")  # {5770385f-c22a-43e0-bf4c-06f5698ffbd9}
CHANNEL = "Microsoft-Windows-Sysmon/Operational"
EPOCH = datetime.datetime(1601, 1, 1)

# BinXml value types
STRING, UINT8, UINT16, UINT32, UINT64, FILETIME, SID, HEX64 = 0x01, 0x04, 0x06, 0x08, 0x0a, 0x11, 0x13, 0x15
SYSTEM_SID = bytes([1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0])  # S-1-5-18


def filetime(t, ticks=0):
    d = t - EPOCH
    return (d.days * 86400 + d.seconds) * 10_000_000 + d.microseconds * 10 + ticks


def name_hash(s):
    h = 0
    for c in s:
        h = (h * 65599 + ord(c)) & 0xFFFFFFFF
    return h & 0xFFFF


class Chunk:
    """One chunk being filled: string and template tables, records from offset 512."""

    def __init__(self, first_number):
        self.data = bytearray(RECORDS_AT)
        self.strings = {}     # name -> offset of its definition in this chunk
        self.templates = {}   # event id -> offset of its definition in this chunk
        self.string_buckets = [0] * 64
        self.template_buckets = [0] * 32
        self.first_number = first_number
        self.numbers = []
        self.last_record_at = 0

    def name_ref(self, out, name):
        """A name reference at len(out) (relative to `base`): the offset, and the name inline if new."""
        at = self.base + len(out) + 4
        known = self.strings.get(name)
        if known is not None:
            out += struct.pack("<I", known)
            return
        out += struct.pack("<I", at)
        h = name_hash(name)
        bucket = h % 64
        out += struct.pack("<IHH", self.string_buckets[bucket], h, len(name)) + name.encode("utf-16-le") + b"\0\0"
        self.string_buckets[bucket] = at
        self.strings[name] = at


def element(chunk, out, name, attrs, content):
    """An element inside a template: dependency id, data size, name, attributes, content or empty."""
    start = len(out)
    out += bytes([0x41 if attrs else 0x01]) + struct.pack("<h", -1)
    size_at = len(out)
    out += b"\0\0\0\0"
    chunk.name_ref(out, name)
    if attrs:
        list_at = len(out)
        out += b"\0\0\0\0"
        for i, (aname, value) in enumerate(attrs):
            out += bytes([0x46 if i < len(attrs) - 1 else 0x06])
            chunk.name_ref(out, aname)
            value(out)
        struct.pack_into("<I", out, list_at, len(out) - list_at - 4)
    if content is None:
        out += b"\x03"
    else:
        out += b"\x02"
        content(out)
        out += b"\x04"
    struct.pack_into("<I", out, size_at, len(out) - size_at - 4)
    return start


def subst(index, vtype):
    return lambda out: out.extend(bytes([0x0d]) + struct.pack("<HB", index, vtype))


def text(s):
    return lambda out: out.extend(bytes([0x05, 0x01]) + struct.pack("<H", len(s)) + s.encode("utf-16-le"))


def system_values(e, computer):
    """The System substitutions: (type, bytes) in template order."""
    return [
        (UINT16, struct.pack("<H", e.eid)), (UINT8, bytes([VERSIONS[e.eid]])), (UINT8, bytes([4])),
        (UINT16, struct.pack("<H", e.eid)), (UINT8, bytes([0])), (HEX64, struct.pack("<Q", 0x8000000000000000)),
        (FILETIME, struct.pack("<Q", filetime(e.sys_time, e.sys_ticks))), (UINT64, struct.pack("<Q", e.record)),
        (UINT32, struct.pack("<I", e.sysmon_pid)), (UINT32, struct.pack("<I", e.sysmon_tid)),
        (STRING, computer.encode("utf-16-le")), (SID, SYSTEM_SID),
    ]


def template_body(chunk, base, names):
    """The template's BinXml: <Event><System>...</System><EventData><Data Name=..>%n</Data>...</EventData></Event>."""
    out = bytearray()
    chunk.base = base
    out += b"\x0f\x01\x01\x00"
    ns = [("xmlns", text("http://schemas.microsoft.com/win/2004/08/events/event"))]

    def system(o):
        element(chunk, o, "Provider", [("Name", text(PROVIDER)), ("Guid", text("{5770385f-c22a-43e0-bf4c-06f5698ffbd9}"))], None)
        for i, n in enumerate(["EventID", "Version", "Level", "Task", "Opcode", "Keywords"]):
            element(chunk, o, n, [], subst(i, [UINT16, UINT8, UINT8, UINT16, UINT8, HEX64][i]))
        element(chunk, o, "TimeCreated", [("SystemTime", subst(6, FILETIME))], None)
        element(chunk, o, "EventRecordID", [], subst(7, UINT64))
        element(chunk, o, "Correlation", [], None)
        element(chunk, o, "Execution", [("ProcessID", subst(8, UINT32)), ("ThreadID", subst(9, UINT32))], None)
        element(chunk, o, "Channel", [], text(CHANNEL))
        element(chunk, o, "Computer", [], subst(10, STRING))
        element(chunk, o, "Security", [("UserID", subst(11, SID))], None)

    def event_data(o):
        for i, n in enumerate(names):
            element(chunk, o, "Data", [("Name", text(n))], subst(12 + i, STRING))

    def event(o):
        element(chunk, o, "System", [], system)
        element(chunk, o, "EventData", [], event_data)

    element(chunk, out, "Event", ns, event)
    out += b"\x00"
    return out


def record_bytes(chunk, at, e, computer):
    """The record at chunk offset `at`: header, fragment with a template instance, size copy."""
    names = [k for k, _ in e.fields]
    key = (e.eid, tuple(names))
    body = bytearray(b"\x0f\x01\x01\x00\x0c\x01")
    template_id = zlib.crc32(repr(key).encode()) & 0xFFFFFFFF
    body += struct.pack("<I", template_id)
    def_at = chunk.templates.get(key)
    if def_at is None:
        def_at = at + 24 + len(body) + 4
        body += struct.pack("<I", def_at)
        definition = template_body(chunk, def_at + 24, names)
        body += struct.pack("<I", chunk.template_buckets[template_id % 32]) + struct.pack("<I", template_id)
        body += bytes(12) + struct.pack("<I", len(definition)) + definition
        chunk.template_buckets[template_id % 32] = def_at
        chunk.templates[key] = def_at
    else:
        body += struct.pack("<I", def_at)
    values = system_values(e, computer) + [(STRING, str(v).encode("utf-16-le")) for _, v in e.fields]
    body += struct.pack("<I", len(values))
    for vtype, data in values:
        body += struct.pack("<HBB", len(data), vtype, 0)
    for _, data in values:
        body += data
    body += b"\x00"  # end of the fragment
    size = 24 + len(body) + 4
    head = struct.pack("<IIQQ", 0x00002A2A, size, e.record, filetime(e.sys_time, e.sys_ticks))
    return head + body + struct.pack("<I", size)


def chunk_bytes(chunk):
    data = chunk.data
    free = len(data)
    data += bytes(CHUNK_SIZE - len(data))
    first, last = chunk.numbers[0], chunk.numbers[-1]
    struct.pack_into("<8sQQQQIII", data, 0, b"ElfChnk\0", chunk.first_number, chunk.first_number + len(chunk.numbers) - 1,
                     first, last, 128, chunk.last_record_at, free)
    struct.pack_into("<64I", data, 128, *chunk.string_buckets)
    struct.pack_into("<32I", data, 384, *chunk.template_buckets)
    struct.pack_into("<I", data, 52, zlib.crc32(bytes(data[RECORDS_AT:free])))
    struct.pack_into("<I", data, 124, zlib.crc32(bytes(data[0:120]) + bytes(data[128:RECORDS_AT])))
    return bytes(data)


def write(events, records_per_chunk=None):
    """The EVTX file's bytes for `events` (in record order)."""
    chunks = []
    chunk = Chunk(events[0].record if events else 1)
    for e in events:
        for attempt in range(2):
            tables = (dict(chunk.strings), dict(chunk.templates), list(chunk.string_buckets), list(chunk.template_buckets))
            rec = record_bytes(chunk, len(chunk.data), e, e.host.fqdn)
            full = len(chunk.data) + len(rec) > CHUNK_SIZE or (records_per_chunk and len(chunk.numbers) >= records_per_chunk)
            if not full:
                break
            if attempt or not chunk.numbers:
                raise ValueError("record %d does not fit in a chunk" % e.record)
            chunk.strings, chunk.templates, chunk.string_buckets, chunk.template_buckets = tables  # not written here
            chunks.append(chunk)
            chunk = Chunk(e.record)
        chunk.last_record_at = len(chunk.data)
        chunk.data += rec
        chunk.numbers.append(e.record)
    if chunk.numbers:
        chunks.append(chunk)
    header = bytearray(HEADER_BLOCK)
    next_id = events[-1].record + 1 if events else 1
    struct.pack_into("<8sQQQIHHHH", header, 0, b"ElfFile\0", 0, len(chunks) - 1, next_id, 128, 1, 3, HEADER_BLOCK, len(chunks))
    struct.pack_into("<I", header, 124, zlib.crc32(bytes(header[0:120])))
    return bytes(header) + b"".join(chunk_bytes(c) for c in chunks)
