#!/usr/bin/env python3
"""Checks that lib/ keeps its layers (docs/architecture.md).

    layering.py LIB_DIR [STATIC_LIBRARY]
    layering.py --self-test

lib/ holds one folder per layer, in this order:

    util -> values -> store -> reconcile -> report

A file may include only headers of its own folder or of folders before it,
always named with their folder ("store/store.h"), and no header may include
itself through others. Given the static library, the same holds for calls:
no object file calls a function defined in a later layer, and no group of
object files calls each other in a circle (a coordinator keeps the order in
which things run; what its parts share lives below them).

Exit status 0 when all holds, 1 with one line per fault otherwise.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

LAYERS = ["util", "values", "store", "reconcile", "report"]
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
PUBLIC = {"claims.h"}


def layer_of(rel):
    """Layer index of a path relative to lib/, or None."""
    top = rel.split("/", 1)[0]
    return LAYERS.index(top) if top in LAYERS and "/" in rel else None


def sources(lib):
    """Every .c and .h under lib/, relative paths."""
    found = []
    for root, _, files in os.walk(lib):
        for f in files:
            if f.endswith((".c", ".h")):
                found.append(os.path.relpath(os.path.join(root, f), lib))
    return sorted(found)


def check_includes(lib):
    faults = []
    graph = {}
    files = sources(lib)
    for rel in files:
        own = layer_of(rel)
        if own is None:
            faults.append(f"{rel}: outside the layer folders {'/'.join(LAYERS)}")
            continue
        with open(os.path.join(lib, rel), encoding="utf-8") as f:
            text = f.read()
        graph[rel] = []
        for m in INCLUDE.finditer(text):
            name = m.group(1)
            line = text.count("\n", 0, m.start()) + 1
            if name in PUBLIC:
                continue
            target = layer_of(name)
            if target is None or not os.path.isfile(os.path.join(lib, name)):
                faults.append(f"{rel}:{line}: includes \"{name}\", which is not "
                              "a header of a layer folder (name it as folder/file.h)")
                continue
            if target > own:
                faults.append(f"{rel}:{line}: includes \"{name}\": {LAYERS[own]} may "
                              f"not use {LAYERS[target]}, a layer after it")
            graph[rel].append(name)
    for cycle in cycles(graph):
        faults.append("include cycle: " + " -> ".join(cycle + [cycle[0]]))
    return faults


def cycles(graph):
    """The strongly connected components of more than one node (or one node
    with an edge to itself), each as a list: Tarjan's algorithm."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1 or v in graph.get(v, ()):
                out.append(sorted(comp))

    sys.setrecursionlimit(max(1000, 4 * len(graph) + 100))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def check_calls(lib, archive):
    """Calls between the object files of the static library."""
    nm = shutil.which("nm")
    if not nm:
        return [], "no nm: calls not checked"
    # archive members are named after their source file ("store.c.o")
    by_base = {}
    for rel in sources(lib):
        if rel.endswith(".c"):
            base = os.path.basename(rel)
            if base in by_base:
                return [f"{rel} and {by_base[base]} share a file name: "
                        "archive members cannot be told apart"], None
            by_base[base] = rel
    out = subprocess.run([nm, "-A", archive], capture_output=True, text=True,
                         check=True).stdout
    defined, used = {}, {}
    for line in out.splitlines():
        # "path/libclaims.a:store.c.o:0000000000000000 T claims_store_new"
        # or "path/libclaims.a:store.c.o:                 U claims__hash"
        head, _, sym = line.rpartition(" ")
        parts = head.split(":")
        if len(parts) < 3:
            continue
        member = parts[-2]
        kind = head.split()[-1] if head.split() else ""
        base = member[:-2] if member.endswith(".o") else member
        rel = by_base.get(base)
        if rel is None:
            continue
        if kind == "U":
            used.setdefault(rel, set()).add(sym)
        elif kind in "TDBRC" and len(kind) == 1:
            defined[sym] = rel
    faults = []
    graph = {}
    for rel, syms in sorted(used.items()):
        for sym in sorted(syms):
            home = defined.get(sym)
            if not home or home == rel:
                continue
            graph.setdefault(rel, set()).add(home)
            if layer_of(home) > layer_of(rel):
                faults.append(f"{rel}: calls {sym} of {home}, a layer after it")
    for cycle in cycles({k: sorted(v) for k, v in graph.items()}):
        faults.append("call cycle between files: " + ", ".join(cycle))
    if not graph:
        faults.append(f"{archive}: no calls between files found: not the library?")
    edges = sum(len(v) for v in graph.values())
    return faults, None if faults else f"{edges} file-to-file call edges"


def run(lib, archive):
    faults = check_includes(lib)
    note = None
    if archive:
        more, note = check_calls(lib, archive)
        faults += more
    for f in faults:
        print(f)
    if note:
        print(note)
    checked = "includes and calls" if archive and note and "no nm" not in note else "includes"
    print(f"layering: {len(sources(lib))} files, {checked} checked, "
          f"{len(faults)} faults")
    return 1 if faults else 0


def self_test():
    """The checker must see each kind of fault in a tree made to have it."""
    cases = {
        "upward include": {"util/a.h": '#include "store/s.h"\n', "store/s.h": ""},
        "bare include": {"util/a.c": '#include "a.h"\n', "util/a.h": ""},
        "include cycle": {"util/a.h": '#include "util/b.h"\n',
                          "util/b.h": '#include "util/a.h"\n'},
        "file outside the layers": {"stray.c": ""},
    }
    clean = {"util/a.h": '#include "claims.h"\n',
             "store/s.c": '#include "util/a.h"\n#include "store/s.h"\n',
             "store/s.h": '#include "util/a.h"\n'}
    failed = 0
    for name, tree in list(cases.items()) + [("clean tree", clean)]:
        with tempfile.TemporaryDirectory() as d:
            for rel, text in tree.items():
                os.makedirs(os.path.dirname(os.path.join(d, rel)) or d, exist_ok=True)
                with open(os.path.join(d, rel), "w", encoding="utf-8") as f:
                    f.write(text)
            faults = check_includes(d)
        want = name != "clean tree"
        if bool(faults) != want:
            print(f"self-test: {name}: {'missed' if want else 'false alarm'}: {faults}")
            failed += 1
    if cycles({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}) != [["a", "b", "c"]]:
        print("self-test: call cycle not found")
        failed += 1
    print(f"layering self-test: {len(cases) + 2 - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    if len(sys.argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        sys.exit(2)
    sys.exit(run(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else None))
