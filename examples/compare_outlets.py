#!/usr/bin/env python3
"""compare_outlets.py - how did the outlets cover each event?

Loads claims documents (default: the seed corpus in corpus/, with its
schema examples/schemas/seed-corpus.json), reconciles them with the Python
binding, and prints for every event reported by more
than one source (--single: every event) a compact table: one row per attribute, one column per
source, with what each source said and how the sources relate.

    python3 examples/compare_outlets.py                 # the seed corpus
    python3 examples/compare_outlets.py a.json b.json   # other documents
    python3 examples/compare_outlets.py --schema s.json a.json b.json
    python3 examples/compare_outlets.py --all --width 30

Cells show each source's own wording. Marks: "*" the preferred value of a
conflict, "!" a negated claim, "?" one of unknown certainty; "-" the source
says nothing about it.
SPDX-License-Identifier: CC0-1.0
"""
from __future__ import annotations

import argparse
import glob
import os
import pathlib
import signal
import sys
from typing import Dict, List

HERE = os.path.dirname(os.path.abspath(__file__))
try:
    import claims
except ImportError:  # run from a checkout without installing the package
    sys.path.insert(0, os.path.join(os.path.dirname(HERE), "python"))
    import claims

# Attributes shown first when present, in this order; others follow by how
# many sources speak to them.
KEY_ATTRIBUTES = ["date", "time", "place", "occasion", "participant", "duration",
                  "topic", "kind", "format", "tone"]


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def cell(attr: "claims.Attribute", value: "claims.ValueCluster",
         claim: "claims.Claim", width: int) -> str:
    """What one source wrote, marked."""
    conflict = attr.agreement is claims.Agreement.CONFLICTING
    mark = ("!" if claim.polarity is claims.Polarity.NEGATED else
            "?" if claim.certainty is claims.Certainty.UNKNOWN else
            "*" if conflict and value.preferred else "")
    return shorten(claim.value, max(width - len(mark), 4)) + mark


def shorten(text: str, width: int) -> str:
    """text on one line of at most width characters, cut at a word, with ..."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    head = text[:max(width - 3, 1)]
    if " " in head:
        head = head.rsplit(" ", 1)[0]
    return head + "..."


def event_table(event: "claims.ResultSubject", outlets: Dict[str, str], width: int,
                all_attributes: bool) -> List[str]:
    attrs = list(event.attributes())
    rank = {name: i for i, name in enumerate(KEY_ATTRIBUTES)}
    if not all_attributes:
        attrs = [a for a in attrs if a.name in rank or a.source_count > 1]
    attrs.sort(key=lambda a: (rank.get(a.name, len(rank)), -a.source_count, a.name))
    sources = list(event.sources)
    name_w = max([len("attribute")] + [len(a.name) for a in attrs])
    rel_w = max([len("relation")] + [len(str(a.agreement)) for a in attrs])

    def row(first: str, second: str, cells: List[str]) -> str:
        return "  ".join([first.ljust(name_w), second.ljust(rel_w)]
                         + [c.ljust(width) for c in cells]).rstrip()

    lines = [row("attribute", "relation",
                 [shorten(outlets.get(s, s), width) for s in sources])]
    lines.append(row("-" * name_w, "-" * rel_w, ["-" * width] * len(sources)))
    for attr in attrs:
        said: Dict[str, List[str]] = {s: [] for s in sources}
        for value in attr.values():
            for claim in value.claims():  # each source's own wording
                text = cell(attr, value, claim, width)
                if claim.source_id in said and text not in said[claim.source_id]:
                    said[claim.source_id].append(text)
        depth = max(1, max(len(v) for v in said.values()))
        for i in range(depth):
            cells = [said[s][i] if i < len(said[s]) else ("-" if i == 0 else "")
                     for s in sources]
            lines.append(row(attr.name if i == 0 else "",
                             str(attr.agreement) if i == 0 else "", cells))
    return lines


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", help="claims documents (default: corpus/*.json)")
    parser.add_argument("--all", action="store_true", help="show every attribute")
    parser.add_argument("--single", action="store_true",
                        help="also show events only one source reports")
    parser.add_argument("--width", type=int, default=24, help="width of a source column")
    parser.add_argument("--schema", help="attribute schema (JSON) to add (default with the "
                        "seed corpus: its schema)")
    args = parser.parse_args(argv)
    files = args.files
    if not files:
        corpus = os.environ.get("CLAIMS_CORPUS_DIR") or os.path.join(os.path.dirname(HERE),
                                                                     "corpus")
        files = sorted(glob.glob(os.path.join(corpus, "*.json")))
        if not files:
            parser.error(f"no documents given and none in {corpus}")
        if not args.schema:  # the corpus's own vocabulary: format, tone, ...
            args.schema = os.path.join(HERE, "schemas", "seed-corpus.json")

    with claims.Store() as store, claims.Context() as ctx:
        if args.schema:
            ctx.load_schema(pathlib.Path(args.schema))
        for path in files:
            try:
                store.load(path)
            except claims.RejectedError as exc:  # the rest of the file loaded
                print(f"warning: {exc}", file=sys.stderr)
        outlets = {s.id: s.outlet or s.id for s in store.sources()}
        with store.reconcile(ctx) as result:
            shown = single = 0
            for event in result.subjects():
                if event.type != "event":
                    continue
                if len(event.sources) < 2 and not args.single:
                    single += 1
                    continue
                shown += 1
                print(f"\n== {event.label}")
                print(f"   {event.id}: {plural(len(event.sources), 'source')}, "
                      f"{plural(event.mention_count, 'mention')}")
                for line in event_table(event, outlets, args.width, args.all):
                    print("   " + line)
            deps = list(result.dependencies())
            for dep in deps:
                print(f"\nnote: {outlets.get(dep.source_a, dep.source_a)} and "
                      f"{outlets.get(dep.source_b, dep.source_b)} share wording "
                      f"({len(dep.passages)} passages): their agreement counts once")
            if single:
                print(f"\n{plural(single, 'other event')} reported by one source only "
                      "(--single shows them)")
            if not shown and not single:
                print("no events")
    return 0


if __name__ == "__main__":
    if hasattr(signal, "SIGPIPE"):  # quiet when piped into head
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main(sys.argv[1:]))
