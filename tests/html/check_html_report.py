#!/usr/bin/env python3
"""Renders the seed corpus report as HTML, loads it in headless Chromium and
checks the rendered DOM: the events, the fact x source cells and their
status classes, the dependent-sources warning, the explanations, and that a
laptop-sized window (1366x768) needs no horizontal scrolling with four
sources. Saves a screenshot next to the report. Exit 77 (skip) without
Chromium.

usage: check_html_report.py CLAIMS_TOOL CORPUS_DIR EXTRA_DOC OUT_DIR CORPUS_SCHEMA"""
import html.parser
import os
import shutil
import subprocess
import sys
import tempfile

tool, corpus, extra, out_dir, schema = sys.argv[1:6]
browser = next((shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome")
                if shutil.which(b)), None)
if not browser:
    print("html report: no chromium on this machine; skipping the browser check")
    sys.exit(77)

os.makedirs(out_dir, exist_ok=True)
docs = sorted(os.path.join(corpus, f) for f in os.listdir(corpus) if f.endswith(".json"))
report = os.path.join(out_dir, "seed-report.html")
subprocess.run([tool, "reconcile", "--format", "html", "-o", report, "--schema", schema, *docs,
                extra], check=True)
page = open(report, encoding="utf-8").read()
assert "http://" not in page and "https://" not in page, "the page must not load anything"
assert "<script" not in page, "the report itself has no script"

# A copy of the page with a probe that records whether it overflows sideways.
probe = page.replace("</body>", "<script>addEventListener('load',()=>{document.body."
                     "setAttribute('data-overflow',String(document.documentElement."
                     "scrollWidth>innerWidth))})</script></body>")
probed = os.path.join(out_dir, "seed-report-probe.html")
open(probed, "w", encoding="utf-8").write(probe)

flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1366,768", "--hide-scrollbars"]
with tempfile.TemporaryDirectory() as profile:
    run = [browser, *flags, "--user-data-dir=" + profile]
    dom = subprocess.run(run + ["--virtual-time-budget=2000", "--dump-dom",
                                "file://" + os.path.abspath(probed)],
                         check=True, capture_output=True, text=True, timeout=120).stdout
    shot = os.path.join(out_dir, "seed-report.png")
    subprocess.run(run + ["--screenshot=" + shot, "file://" + os.path.abspath(report)],
                   check=True, capture_output=True, timeout=120)
    # a taller view of the first matrix, for people reviewing the page
    tall = os.path.join(out_dir, "seed-report-tall.png")
    subprocess.run([a if not a.startswith("--window-size") else "--window-size=1366,3000"
                    for a in run] + ["--screenshot=" + tall, "file://" + os.path.abspath(report)],
                   check=True, capture_output=True, timeout=120)
    assert os.path.getsize(shot) > 10000, "screenshot is empty"


class Dom(html.parser.HTMLParser):
    """Collects the elements the checks need."""

    def __init__(self):
        super().__init__()
        self.sections, self.rows, self.cells, self.deps = [], [], [], []
        self.body = {}
        self.explanations = 0
        self.claims = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class", "").split()
        if tag == "body":
            self.body = a
        elif tag == "section" and "event" in cls:
            self.sections.append(a)
        elif tag == "tr" and "data-attribute" in a:
            self.rows.append((self.sections[-1]["data-event-id"], a))
        elif tag == "td" and "cell" in cls:
            self.cells.append((self.sections[-1]["data-event-id"], self.rows[-1][1], a, cls))
        elif tag == "div" and "claim" in cls:
            self.claims.append(cls)
        elif tag == "li" and "dependency" in cls:
            self.deps.append(a)
        elif tag == "details" and "explanation" in cls:
            self.explanations += 1


d = Dom()
d.feed(dom)
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


multi = [s for s in d.sections if s.get("data-type") == "event" and int(s["data-sources"]) > 1]
check(len(multi) >= 1, "an event reported by several sources is shown")
apec = [s for s in multi if s["data-sources"] == "4"]
check(len(apec) == 1, "the APEC conversation has four source columns")
apec_id = apec[0]["data-event-id"] if apec else ""
rows = {a["data-attribute"]: a for e, a in d.rows if e == apec_id}
check("duration" in rows, "APEC has a duration row")
check(rows.get("topic", {}).get("data-relation") == "complementary", "topics are complementary")
dur_cells = [(a, c) for e, r, a, c in d.cells if e == apec_id and r["data-attribute"] == "duration"]
check(len(dur_cells) == 4, "the duration row has one cell per source")
check(any("hedged" in c for a, c in dur_cells), "the hedged duration is marked hedged")
check(any(a.get("data-status") in ("compatible", "conflicting") for a, c in dur_cells),
      "four minutes vs five minutes shows its relation")
statuses = {a.get("data-status") for e, r, a, c in d.cells}
for s in ("missing", "negated", "single-source", "agreed", "compatible", "complementary"):
    check(s in statuses, "some cell has status " + s)
check(any("uncertain" in c for c in d.claims), "the uncertain claim is marked")
check(any("CBS" in "".join(x.values()) or "cbs" in x.get("data-sources", "") for x in d.deps),
      "the CBS / Daily Mail shared wording is flagged")
check(d.explanations >= 2, "explanations of merges and separations are shown")
g20 = [s for s in d.sections if s.get("data-type") == "event" and "G20" in dom and s is not None]
check(len(d.sections) >= 3, "other events and subjects are listed")
check(d.body.get("data-overflow") == "false",
      "no horizontal scrolling at 1366x768 (overflow=%s)" % d.body.get("data-overflow"))
print("html report: %d sections, %d rows, %d cells; screenshot %s" %
      (len(d.sections), len(d.rows), len(d.cells), shot))
sys.exit(1 if failures else 0)
