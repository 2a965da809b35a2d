#!/usr/bin/env python3
"""Turns MITRE's Enterprise ATT&CK STIX data (github.com/mitre/cti, one bundle per object) into the
compact catalog Sysmon Triage bundles: every tactic, technique and sub-technique that is neither revoked
nor deprecated, with its tactics, and the ATT&CK release. Python standard library only; the output is
deterministic (sorted), so a re-run on the same data changes nothing.

Run by hand when MITRE publishes a release, then run the tests (AttackCatalogTest) and commit:

    python3 tools/attack_catalog.py ../shared/attack/enterprise-attack --attack-version 18 \
        --source "mitre/cti 421deacb77191b38bdd1bf63268954e93da91365 (2025-11-13)"
"""
import argparse
import glob
import json
import os
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "app", "src", "main", "resources",
                   "org", "sysmontriage", "attack", "enterprise-attack.json")


def objects(folder, kind):
    files = sorted(glob.glob(os.path.join(folder, kind, "*.json")))
    if not files:
        sys.exit(f"attack_catalog: no {kind} objects in {os.path.join(folder, kind)}")
    for path in files:
        with open(path, encoding="utf-8") as f:
            for o in json.load(f).get("objects", []):
                if o.get("type") == kind:
                    yield o


def live(o):
    return not o.get("revoked", False) and not o.get("x_mitre_deprecated", False)


def attack_id(o):
    for ref in o.get("external_references", []):
        if ref.get("source_name") == "mitre-attack" and ref.get("external_id"):
            return ref["external_id"]
    raise ValueError(f"{o.get('id')}: no mitre-attack external id")


def tactics(folder):
    by_ref = {o["id"]: o for o in objects(folder, "x-mitre-tactic") if live(o)}
    matrices = [m for m in objects(folder, "x-mitre-matrix") if live(m)]
    if len(matrices) != 1:
        sys.exit(f"attack_catalog: expected one Enterprise matrix, found {len(matrices)}")
    out = []
    for ref in matrices[0]["tactic_refs"]:  # kill-chain order, as the matrix lists them
        t = by_ref[ref]
        out.append({"id": attack_id(t), "short": t["x_mitre_shortname"], "name": t["name"]})
    return out


def techniques(folder, known_tactics):
    out = []
    for o in objects(folder, "attack-pattern"):
        if not live(o):
            continue
        phases = [p["phase_name"] for p in o.get("kill_chain_phases", []) if p.get("kill_chain_name") == "mitre-attack"]
        unknown = [p for p in phases if p not in known_tactics]
        if unknown:
            sys.exit(f"attack_catalog: {attack_id(o)} names unknown tactics {unknown}")
        order = list(known_tactics)
        out.append({"id": attack_id(o), "name": o["name"], "tactics": sorted(set(phases), key=order.index),
                    "version": o.get("x_mitre_version", ""), "modified": o.get("modified", "")[:10]})
    out.sort(key=lambda t: [int(x) for x in t["id"][1:].split(".")])
    ids = {t["id"] for t in out}
    orphans = [t["id"] for t in out if "." in t["id"] and t["id"].split(".")[0] not in ids]
    if orphans:
        sys.exit(f"attack_catalog: sub-techniques without a parent: {orphans}")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", help="the enterprise-attack folder (attack-pattern/, x-mitre-tactic/, x-mitre-matrix/)")
    ap.add_argument("--attack-version", required=True, help="the ATT&CK release of the data, e.g. 18")
    ap.add_argument("--source", required=True, help="where the data came from (repository, commit, date)")
    ap.add_argument("--out", default=OUT)
    a = ap.parse_args()
    ts = tactics(a.folder)
    tq = techniques(a.folder, [t["short"] for t in ts])
    lines = ["{",
             f'"domain": "enterprise-attack", "version": {json.dumps(a.attack_version)}, "source": {json.dumps(a.source)},',
             f'"modified": {json.dumps(max(t["modified"] for t in tq))},',
             '"notice": "MITRE ATT&CK(R) Enterprise. (c) The MITRE Corporation. Reproduced and distributed with the permission of The MITRE Corporation.",',
             '"tactics": [']
    lines += [json.dumps(t, ensure_ascii=False) + ("," if i < len(ts) - 1 else "") for i, t in enumerate(ts)]
    lines += ["],", '"techniques": [']
    lines += [json.dumps(t, ensure_ascii=False) + ("," if i < len(tq) - 1 else "") for i, t in enumerate(tq)]
    lines += ["]", "}"]
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    subs = sum(1 for t in tq if "." in t["id"])
    print(f"attack_catalog: {len(ts)} tactics, {len(tq) - subs} techniques, {subs} sub-techniques "
          f"(ATT&CK {a.attack_version}, modified up to {max(t['modified'] for t in tq)}) -> {os.path.relpath(a.out)}")


if __name__ == "__main__":
    main()
