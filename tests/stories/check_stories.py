#!/usr/bin/env python3
"""Check the multi-source test stories against the claims tool's JSON report.

usage: check_stories.py [--known FILE] CLAIMS_TOOL STORIES_DIR

For every STORIES_DIR/<story>/ holding an expected.json (or for STORIES_DIR alone when it holds
one itself: a single story), runs
    CLAIMS_TOOL reconcile --format json <the story's claims documents>
(every *.json of the folder except expected.json, sorted by name), evaluates each finding of
expected.json against the report and prints one line per finding (PASS/FAIL, id, story, and on
failure what was found instead), then "N passed, M failed". Exit status: 0 when every finding
passes, 1 when one fails, 77 when the tool is missing, 2 on a usage error.

With --known FILE (lines "F1 story-name", "#" comments), the findings listed there are the ones
known to fail today: the exit status is 0 when exactly those fail, 1 when another fails or a listed
one passes (then take it off the list): a ratchet, so that a finding that came to pass stays
passing. Without it, every finding must pass.

A finding that cannot be evaluated (a mention, claim, attribute or source missing from the
report, an unknown kind, a malformed finding) is a FAIL, never a pass. The finding kinds are
described in tests/data/stories/README.md. Every quote of a story's documents is also checked
against its article text (source.text.file, offsets in code points): a quote that is not the
text at its offset is a FAIL line of its own. Standard library only.
"""
import json
import os
import subprocess
import sys


class Unevaluable(Exception):
    """The finding cannot be evaluated against this report: a FAIL with this reason."""


def mention_key(m):
    if not (isinstance(m, list) and len(m) == 2 and all(isinstance(x, str) for x in m)):
        raise Unevaluable(f"malformed mention {m!r} (expected [source id, subject id])")
    return (m[0], m[1])


def claim_key(c):
    if not (isinstance(c, list) and len(c) == 2 and all(isinstance(x, str) for x in c)):
        raise Unevaluable(f"malformed claim reference {c!r} (expected [source id, claim id])")
    return f"{c[0]}#{c[1]}"


def need(f, key):
    if key not in f:
        raise Unevaluable(f"finding has no '{key}'")
    return f[key]


class Report:
    def __init__(self, doc):
        if not isinstance(doc, dict) or "events" not in doc:
            raise Unevaluable("report has no 'events'")
        self.doc = doc
        self.subjects = {}          # subject id -> subject object
        self.mention_to = {}        # (source, subject) -> subject id
        self.claim_to = {}          # "SRC#CID" -> (subject id, attribute name, cluster index)
        for s in doc.get("events", []):
            sid = s.get("id")
            self.subjects[sid] = s
            for m in s.get("mentions", []):
                self.mention_to[(m.get("source"), m.get("subject"))] = sid
            for a in s.get("attributes", []):
                for i, v in enumerate(a.get("values", [])):
                    refs = set(v.get("claims", []))
                    refs.update(e.get("claim") for e in v.get("evidence", []))
                    for r in refs:
                        self.claim_to.setdefault(r, (sid, a.get("attribute"), i))
        self.sources = {s.get("id") for s in doc.get("sources", [])}
        self.deps = set()
        for d in doc.get("dependencies", []):
            pair = d.get("sources", [])
            if len(pair) == 2:
                self.deps.add(frozenset(pair))

    # -- lookups ---------------------------------------------------------------------------
    def subject_of(self, m):
        k = mention_key(m)
        if k not in self.mention_to:
            raise Unevaluable(f"mention {k[0]}/{k[1]} not found in any resolved subject")
        return self.mention_to[k]

    def label(self, sid):
        s = self.subjects[sid]
        return f"{sid} ({s.get('label', '')})"

    def attribute(self, sid, name):
        for a in self.subjects[sid].get("attributes", []):
            if a.get("attribute") == name:
                return a
        have = ", ".join(a.get("attribute", "?") for a in self.subjects[sid].get("attributes", []))
        raise Unevaluable(f"attribute '{name}' missing from {self.label(sid)} (has: {have or 'none'})")

    def cluster_of(self, c):
        k = claim_key(c)
        if k not in self.claim_to:
            raise Unevaluable(f"claim {k} not found in any value cluster")
        sid, attr, i = self.claim_to[k]
        a = self.attribute(sid, attr)
        return (sid, attr, i), a, a["values"][i]

    def source(self, s):
        if s not in self.sources:
            raise Unevaluable(f"source {s} not in the report's sources")
        return s


def cluster_matches(v, needle):
    needle = needle.casefold()
    hay = [v.get("normalized", ""), v.get("text", "")]
    for e in v.get("evidence", []):
        hay += [e.get("text", ""), e.get("normalized", "")]
    return any(needle in (h or "").casefold() for h in hay)


def describe(v):
    return (f"[{v.get('normalized')!r} text={v.get('text')!r} {v.get('polarity')}"
            f"{' preferred' if v.get('preferred') else ''} sources={v.get('sources')} origins={v.get('origins')}]")


# -- finding kinds ------------------------------------------------------------------------------
def k_same_subject(r, f):
    ms = need(f, "mentions")
    if len(ms) < 2:
        raise Unevaluable("same_subject needs at least two mentions")
    sids = [r.subject_of(m) for m in ms]
    if len(set(sids)) == 1:
        return True, ""
    parts = "; ".join(f"{m[0]}/{m[1]} -> {r.label(s)}" for m, s in zip(ms, sids))
    return False, f"split over {len(set(sids))} subjects: {parts}"


def k_different_subject(r, f):
    ms = need(f, "mentions")
    if len(ms) < 2:
        raise Unevaluable("different_subject needs at least two mentions")
    sids = [r.subject_of(m) for m in ms]
    bad = [(ms[i], ms[j]) for i in range(len(ms)) for j in range(i + 1, len(ms)) if sids[i] == sids[j]]
    if not bad:
        return True, ""
    return False, "merged: " + "; ".join(f"{a[0]}/{a[1]} and {b[0]}/{b[1]} both in {r.label(r.subject_of(a))}"
                                         for a, b in bad)


def k_agreement(r, f):
    sid = r.subject_of(need(f, "mention"))
    a = r.attribute(sid, need(f, "attribute"))
    if "agreement" in f:
        want = [f["agreement"]]
    else:
        want = need(f, "agreement_in")
    rel = a.get("relation")
    if rel in want:
        return True, ""
    return False, (f"relation of '{a.get('attribute')}' is {rel!r} ({a.get('reason')}), expected "
                   f"{' or '.join(want)}; values: " + " ".join(describe(v) for v in a.get("values", [])))


def k_agreement_not(r, f):
    sid = r.subject_of(need(f, "mention"))
    a = r.attribute(sid, need(f, "attribute"))
    unwanted = need(f, "agreement_not_in")
    rel = a.get("relation")
    if rel not in unwanted:
        return True, ""
    return False, (f"relation of '{a.get('attribute')}' is {rel!r} ({a.get('reason')}); values: "
                   + " ".join(describe(v) for v in a.get("values", [])))


def k_dependent_sources(r, f):
    s = need(f, "sources")
    if len(s) != 2:
        raise Unevaluable("dependent_sources needs two sources")
    pair = frozenset(r.source(x) for x in s)
    if pair in r.deps:
        return True, ""
    listed = [sorted(p) for p in r.deps]
    return False, f"pair not in dependencies (dependencies: {listed or 'none'})"


def k_independent_sources(r, f):
    s = need(f, "sources")
    if len(s) != 2:
        raise Unevaluable("independent_sources needs two sources")
    pair = frozenset(r.source(x) for x in s)
    if pair not in r.deps:
        return True, ""
    passages = next(d.get("passages") for d in r.doc.get("dependencies", []) if frozenset(d.get("sources", [])) == pair)
    return False, f"reported dependent, passages: {passages}"


def select_cluster(r, f):
    """The cluster a finding names: by 'claim', or by 'mention' + 'attribute' + 'value_contains'
    (exactly one cluster must match)."""
    if "claim" in f:
        _, a, v = r.cluster_of(f["claim"])
        return a, v
    sid = r.subject_of(need(f, "mention"))
    a = r.attribute(sid, need(f, "attribute"))
    needle = need(f, "value_contains")
    hits = [v for v in a.get("values", []) if cluster_matches(v, needle)
            and ("polarity" not in f or v.get("polarity") == f["polarity"])]
    if len(hits) != 1:
        raise Unevaluable(f"{len(hits)} clusters of '{a.get('attribute')}' match {needle!r} (need exactly 1): "
                          + " ".join(describe(v) for v in a.get("values", [])))
    return a, hits[0]


def check_sources_include(v, f):
    want = f.get("sources_include", [])
    missing = [s for s in want if s not in v.get("sources", [])]
    return missing


def k_origin_count(r, f):
    a, v = select_cluster(r, f)
    n = need(f, "origins")
    missing = check_sources_include(v, f)
    problems = []
    if missing:
        problems.append(f"cluster lacks sources {missing}")
    if len(v.get("origins", [])) != n:
        problems.append(f"{len(v.get('origins', []))} origins, expected {n}")
    if not problems:
        return True, ""
    return False, "; ".join(problems) + f": {describe(v)}"


def k_value_polarity(r, f):
    sid = r.subject_of(need(f, "mention"))
    a = r.attribute(sid, need(f, "attribute"))
    needle, pol = need(f, "value_contains"), need(f, "polarity")
    hits = [v for v in a.get("values", []) if cluster_matches(v, needle)]
    if not hits:
        raise Unevaluable(f"no cluster of '{a.get('attribute')}' matches {needle!r}: "
                          + " ".join(describe(v) for v in a.get("values", [])))
    for v in hits:
        if v.get("polarity") == pol and not check_sources_include(v, f):
            return True, ""
    return False, (f"no {pol} cluster matching {needle!r} with sources {f.get('sources_include', [])}; "
                   "matching clusters: " + " ".join(describe(v) for v in hits))


def k_value_preferred(r, f):
    _, a, v = r.cluster_of(need(f, "claim"))
    want = need(f, "preferred")
    if bool(v.get("preferred")) == bool(want):
        return True, ""
    return False, (f"cluster preferred={v.get('preferred')}, expected {want}; relation {a.get('relation')} "
                   f"({a.get('reason')}); values: " + " ".join(describe(x) for x in a.get("values", [])))


def k_value_absent(r, f):
    sid = r.subject_of(need(f, "mention"))
    a = r.attribute(sid, need(f, "attribute"))
    norm = need(f, "normalized")
    hits = [v for v in a.get("values", [])
            if v.get("normalized") == norm or any(e.get("normalized") == norm for e in v.get("evidence", []))]
    if not hits:
        return True, ""
    return False, "present: " + " ".join(describe(v) for v in hits)


def k_evidence_normalized(r, f):
    key = claim_key(need(f, "claim"))
    _, a, v = r.cluster_of(f["claim"])
    ev = [e for e in v.get("evidence", []) if e.get("claim") == key]
    got = ev[0].get("normalized") if ev else v.get("normalized")
    if "normalized" in f:
        ok = got == f["normalized"]
        want = f"{f['normalized']!r}"
    else:
        ok = isinstance(got, str) and got.startswith(need(f, "normalized_prefix"))
        want = f"a value starting with {f['normalized_prefix']!r}"
    if ok:
        return True, ""
    return False, f"{key} normalized to {got!r}, expected {want}"


def k_same_cluster(r, f):
    cs = need(f, "claims")
    if len(cs) < 2:
        raise Unevaluable("same_cluster needs at least two claims")
    found = [r.cluster_of(c) for c in cs]
    ids = [x[0] for x in found]
    if len(set(ids)) == 1:
        return True, ""
    return False, "in different clusters: " + "; ".join(
        f"{claim_key(c)} -> {i[0]} {i[1]} {describe(x[2])}" for c, i, x in zip(cs, ids, found))


def k_different_cluster(r, f):
    cs = need(f, "claims")
    if len(cs) < 2:
        raise Unevaluable("different_cluster needs at least two claims")
    found = [r.cluster_of(c) for c in cs]
    ids = [x[0] for x in found]
    if len(set(ids)) == len(ids):
        return True, ""
    return False, "share a cluster: " + "; ".join(f"{claim_key(c)} -> {describe(x[2])}" for c, x in zip(cs, found))


KINDS = {
    "same_subject": k_same_subject,
    "different_subject": k_different_subject,
    "agreement": k_agreement,
    "agreement_not": k_agreement_not,
    "dependent_sources": k_dependent_sources,
    "independent_sources": k_independent_sources,
    "origin_count": k_origin_count,
    "value_polarity": k_value_polarity,
    "value_preferred": k_value_preferred,
    "value_absent": k_value_absent,
    "evidence_normalized": k_evidence_normalized,
    "same_cluster": k_same_cluster,
    "different_cluster": k_different_cluster,
}


def story_documents(story_dir):
    return sorted(os.path.join(story_dir, n) for n in os.listdir(story_dir)
                  if n.endswith(".json") and n != "expected.json")


def quote_problems(story_dir):
    """Checks every document of a story against its article text: `source.text.characters` is the
    text's length in code points, and every claim's quote is the text at its offset. Returns
    (quotes checked, problems)."""
    checked, problems = 0, []
    for path in story_documents(story_dir):
        where = os.path.basename(path)
        try:
            with open(path, encoding="utf-8") as fh:
                doc = json.load(fh)
            src = doc["source"]
            name = src["text"]["file"]
            # newline="" keeps the text's line ends as written: offsets count them
            with open(os.path.join(story_dir, name), encoding="utf-8", newline="") as fh:
                text = fh.read()
        except (OSError, ValueError, KeyError, TypeError) as e:
            problems.append(f"{where}: cannot read the document or its article text: {e!r}")
            continue
        if src["text"].get("characters") != len(text):
            problems.append(f"{where}: source.text.characters is {src['text'].get('characters')}, "
                            f"{name} has {len(text)} characters")
        for i, c in enumerate(doc.get("claims", []), 1):
            q = c.get("quote")
            if not isinstance(q, dict):
                problems.append(f"{where} claim {c.get('id', i)}: no quote")
                continue
            off, n, qt = q.get("offset"), q.get("length"), q.get("text")
            if not (isinstance(off, int) and isinstance(n, int) and isinstance(qt, str)):
                problems.append(f"{where} claim {c.get('id', i)}: quote without text, offset and length")
            elif len(qt) != n or text[off:off + n] != qt:
                problems.append(f"{where} claim {c.get('id', i)}: quote {qt!r} is not the text at "
                                f"{off} (length {n}): {text[off:off + n]!r}")
            checked += 1
    return checked, problems


def run_story(tool, story_dir):
    """Returns (story name, findings, report or None, reason when there is no report)."""
    with open(os.path.join(story_dir, "expected.json"), encoding="utf-8") as fh:
        expected = json.load(fh)
    name = expected.get("story") or os.path.basename(story_dir)
    findings = expected.get("findings", [])
    docs = story_documents(story_dir)
    if not docs:
        return name, findings, None, "no claims documents in the story folder"
    try:
        p = subprocess.run([tool, "reconcile", "--format", "json"] + docs,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as e:
        return name, findings, None, f"could not run the tool: {e}"
    if p.returncode not in (0, 1):
        return name, findings, None, (f"tool exited with status {p.returncode}: "
                                      + p.stderr.decode("utf-8", "replace").strip()[:500])
    if p.returncode == 1:
        # input errors or unparsed values: the report is still produced; say so, do not hide it
        msg = p.stderr.decode("utf-8", "replace").strip().splitlines()
        print(f"NOTE {name}: tool exit status 1 ({len(msg)} diagnostics)"
              + (f", first: {msg[0]}" if msg else ""), file=sys.stderr)
    try:
        report = Report(json.loads(p.stdout.decode("utf-8")))
    except (ValueError, Unevaluable) as e:
        return name, findings, None, f"report is not a readable claims-report JSON: {e}"
    return name, findings, report, ""


def read_known(path):
    """The findings of a known-failures file: {(id, story)}."""
    known = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                fid, story = line.split()[:2]
                known.add((fid, story))
    return known


def main(argv):
    known = None
    if len(argv) == 5 and argv[1] == "--known":
        try:
            known = read_known(argv[2])
        except (OSError, ValueError) as e:
            print(f"error: cannot read {argv[2]}: {e}", file=sys.stderr)
            return 2
        argv = [argv[0]] + argv[3:]
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    tool, stories = argv[1], argv[2]
    failing = set()
    if not (os.path.isfile(tool) and os.access(tool, os.X_OK)):
        print(f"SKIP: claims tool {tool} not found or not executable", file=sys.stderr)
        return 77
    if not os.path.isdir(stories):
        print(f"error: {stories} is not a directory", file=sys.stderr)
        return 2
    passed = failed = 0
    if os.path.isfile(os.path.join(stories, "expected.json")):
        story_dirs = [stories]  # one story folder
    else:
        story_dirs = sorted(d for d in (os.path.join(stories, n) for n in os.listdir(stories))
                            if os.path.isfile(os.path.join(d, "expected.json")))
    if not story_dirs:
        print(f"error: no story (folder with expected.json) in {stories}", file=sys.stderr)
        return 2
    for sd in story_dirs:
        try:
            name, findings, report, why = run_story(tool, sd)
        except (OSError, ValueError) as e:
            name, findings, report, why = os.path.basename(sd), [], None, f"unreadable expected.json: {e}"
            print(f"FAIL - {name}: {why}")
            failed += 1
            continue
        if not findings:
            print(f"FAIL - {name}: expected.json lists no findings")
            failed += 1
            continue
        checked, problems = quote_problems(sd)
        for p in problems:
            print(f"FAIL quotes {name}: {p}")
        failed += len(problems)
        print(f"quotes {name}: {checked - len(problems)} of {checked} match the article texts", file=sys.stderr)
        for f in findings:
            fid = f.get("id", "?") if isinstance(f, dict) else "?"
            kind = f.get("kind") if isinstance(f, dict) else None
            if report is None:
                ok, detail = False, why
            elif kind not in KINDS:
                ok, detail = False, f"unknown finding kind {kind!r}"
            else:
                try:
                    ok, detail = KINDS[kind](report, f)
                except Unevaluable as e:
                    ok, detail = False, f"cannot evaluate: {e}"
                except (KeyError, TypeError, IndexError, AttributeError) as e:
                    ok, detail = False, f"cannot evaluate (malformed finding or report): {e!r}"
            if ok:
                passed += 1
                print(f"PASS {fid} {name}: {kind}")
            else:
                failed += 1
                failing.add((fid, name))
                print(f"FAIL {fid} {name}: {kind}: {detail}")
    print(f"{passed} passed, {failed} failed")
    if known is None:
        return 0 if failed == 0 else 1
    new_failures = sorted(failing - known)
    now_passing = sorted(known - failing)
    for fid, name in new_failures:
        print(f"NEW FAILURE {fid} {name} (not in the known failures)")
    for fid, name in now_passing:
        print(f"NOW PASSES {fid} {name}: take it off the known failures")
    # quote failures are never known: they fail the run
    quotes = failed - len(failing)
    return 0 if not new_failures and not now_passing and quotes == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
