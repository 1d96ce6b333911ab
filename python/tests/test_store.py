"""Store: loading, adding, cursors, errors, lifetimes."""
from __future__ import annotations

import gc
import io
import json
import os
import pathlib
import subprocess
import sys
import unittest

from _support import BAD_DOCUMENT, claims, corpus_files, seed_store, subprocess_env

from claims import Certainty, Polarity


class LoadTest(unittest.TestCase):
    def test_load_paths_bytes_str_and_files(self) -> None:
        files = corpus_files()
        with claims.Store() as store:
            s0 = store.load(files[0])                              # str path
            s1 = store.load(pathlib.Path(files[1]))                # path-like
            with open(files[2], "rb") as f:
                s2 = store.load(f)                                 # binary file
            with open(files[3], encoding="utf-8") as f:
                s3 = store.loads(f.read(), name="fourth.json")     # str in memory
            for s in (s0, s1, s2, s3):
                self.assertIsInstance(s, claims.LoadSummary)
                self.assertEqual((s.documents_read, s.documents_loaded), (1, 1))
                self.assertEqual(s.claims_read, s.claims_loaded)
            total = store.summary()
            self.assertEqual(total.claims_loaded,
                             sum(s.claims_loaded for s in (s0, s1, s2, s3)))
            self.assertEqual(store.claim_count, total.claims_loaded)
            self.assertEqual(store.source_count, 4)
            sources = list(store.sources())
            self.assertEqual([s.index for s in sources], [0, 1, 2, 3])
            self.assertEqual(sources[0].origin, files[0])
            self.assertEqual(sources[2].origin, files[2])  # the file object's name
            self.assertEqual(sources[3].origin, "fourth.json")
            self.assertEqual(store.diagnostics(), [])
            self.assertIn("sources=4", repr(store))

    def test_claims_and_subjects(self) -> None:
        with seed_store() as store:
            everything = list(store.claims())
            self.assertEqual(len(everything), store.claim_count)
            self.assertEqual([c.index for c in everything], list(range(len(everything))))
            per_source = []
            for source in store.sources():
                mine = list(store.claims(source))
                self.assertEqual(len(mine), source.claim_count)
                self.assertTrue(all(c.source_id == source.id for c in mine))
                self.assertEqual(list(store.claims(source.id)), mine)
                self.assertEqual(len(list(store.subjects(source.index))),
                                 source.subject_count)
                per_source += mine
            self.assertEqual(per_source, everything)
            first = everything[0]
            self.assertEqual(store.claim(0), first)
            self.assertIsInstance(first.polarity, Polarity)
            self.assertIsInstance(first.certainty, Certainty)
            self.assertIsInstance(first.attribution, tuple)
            self.assertGreater(first.line, 0)
            self.assertIn(first.subject_id, str(first))
            with self.assertRaises(claims.NotFoundError):
                store.claim(len(everything))
            with self.assertRaises(claims.NotFoundError):
                list(store.claims("no-such-source"))
            with self.assertRaises(claims.NotFoundError):
                list(store.claims(999))
            # an attribution chain survives the copy
            chained = [c for c in everything if c.attribution]
            self.assertTrue(chained)
            self.assertTrue(all(isinstance(a, str) and a for c in chained
                                for a in c.attribution))

    def test_formats(self) -> None:
        rows = "src-a\tevent-1\tdate\t2016-11-20\nsrc-b\tevent-1\tdate\tNov. 20, 2016\n"
        with claims.Store() as store:
            summary = store.loads(rows, format="tsv", name="rows.tsv")
            self.assertEqual(summary.claims_loaded, 2)
            wide = "src-c\tevent-2\t2016-11-21\tLima\n"
            store.loads(wide, format=claims.Format.TSV, columns=["date", "place"])
            attrs = [c.attribute for c in store.claims("src-c")]
            self.assertEqual(attrs, ["date", "place"])
            doc = json.loads(BAD_DOCUMENT.replace(', "polarity": "maybe"', ""))
            lines = "\n".join(json.dumps(dict(doc, source={"id": f"jl-{i}"}))
                              for i in range(3))
            self.assertEqual(store.loads(lines, format="jsonl").documents_loaded, 3)
            with self.assertRaises(ValueError):
                store.loads(rows, format="xml")
            with self.assertRaises(TypeError):
                store.loads(rows, format="tsv", columns="date")

    def test_published_gives_tsv_sources_a_reference_date(self) -> None:
        rows = "site-a\tAA-1\t2:07 PMDec 01\nsite-b\tAA-1\t12/01/2011 02:07 PM\n"
        with claims.Store() as store:
            store.loads(rows, format="tsv", columns=["departure"], published="2011-12-01")
            self.assertEqual([s.published for s in store.sources()],
                             ["2011-12-01", "2011-12-01"])
            schema = '{"attributes": {"departure": {"type": "time"}}}'
            with claims.Context() as ctx:
                ctx.load_schema(schema)
                with store.reconcile(ctx) as result:
                    (event,) = list(result.subjects())
                    (attr,) = list(event.attributes())
                    self.assertEqual(attr.agreement, claims.Agreement.AGREED)
                    self.assertEqual([v.normalized for v in attr.values()],
                                     ["2011-12-01T14:07"])

    def test_bad_document_maps_to_an_exception_with_its_position(self) -> None:
        store = claims.Store()
        with self.assertRaises(claims.RejectedError) as cm:
            store.loads(BAD_DOCUMENT, name="bad.json")
        e = cm.exception
        self.assertEqual(e.code, claims.Status.EREJECTED)
        self.assertEqual(e.error_code, claims.Status.ESCHEMA)
        self.assertEqual(e.source, "bad.json")
        self.assertEqual(e.line, 5)
        self.assertGreater(e.column, 1)
        self.assertEqual(e.document, 0)
        self.assertEqual(e.claim, 1)
        self.assertIn("polarity", e.text)
        self.assertTrue(str(e).startswith(f"bad.json:5:{e.column}: document 0: "))
        self.assertEqual((e.summary.claims_read, e.summary.claims_loaded,
                          e.summary.claims_rejected), (2, 1, 1))
        # the valid claim stayed, the problem is recorded
        self.assertEqual(store.claim_count, 1)
        [diag] = store.diagnostics()
        self.assertEqual((diag.source, diag.line, diag.column, diag.document, diag.claim),
                         ("bad.json", 5, e.column, 0, 1))
        self.assertIs(diag.status, claims.Status.ESCHEMA)
        self.assertIsInstance(diag.exception(), claims.SchemaError)
        # check=False returns the summary instead of raising
        other = BAD_DOCUMENT.replace('"bad-doc"', '"bad-doc-2"')
        summary = store.loads(other, name="bad2.json", check=False)
        self.assertEqual(summary.claims_rejected, 1)
        # strict: the whole document goes
        third = BAD_DOCUMENT.replace('"bad-doc"', '"bad-doc-3"')
        with self.assertRaises(claims.RejectedError) as cm3:
            store.loads(third, name="bad3.json", strict=True)
        self.assertEqual(cm3.exception.summary.documents_rejected, 1)
        self.assertEqual(store.source_count, 2)
        store.close()

    def test_unreadable_input(self) -> None:
        with claims.Store() as store:
            with self.assertRaises(claims.ParseError) as cm:
                store.loads('{"format": ', name="truncated.json")
            self.assertEqual((cm.exception.source, cm.exception.line), ("truncated.json", 1))
            with self.assertRaises(claims.ClaimsIOError) as io_err:
                store.load("/nonexistent/file.json")
            self.assertIsInstance(io_err.exception, OSError)
            self.assertIn("/nonexistent/file.json", str(io_err.exception))
            with self.assertRaises(TypeError):
                store.loads(12)  # type: ignore[arg-type]
            store.load(io.BytesIO(b"src\tobj\tdate\t2016-11-20\n"), format="tsv")
            self.assertEqual(store.claim_count, 1)

    def test_add_through_the_api(self) -> None:
        with claims.Store() as store:
            a = store.add_source("a", outlet="Outlet A", published="2016-11-21")
            b = store.add_source("b", outlet="Outlet B")
            self.assertEqual((a, b), (0, 1))
            with self.assertRaises(claims.DuplicateError):
                store.add_source("a")
            store.add_subject(a, "meeting", "event", "The meeting")
            store.add_subject("b", "talk", "event", "The talk")
            i = store.add_claim(a, "meeting", "date", "Sunday", id="c1",
                                value_type="date", attribution=["officials", "aides"],
                                quote="on Sunday", quote_offset=10, quote_length=9,
                                certainty="probable")
            j = store.add_claim(b, "talk", "date", "Nov. 20, 2016", polarity="negated")
            self.assertEqual((i, j), (0, 1))
            with self.assertRaises(claims.NotFoundError):
                store.add_claim(a, "no-such-subject", "date", "2016")
            with self.assertRaises(claims.InvalidArgumentError):
                store.add_subject(7, "x", "event")
            c = store.claim(i)
            self.assertEqual((c.id, c.source_id, c.subject_id, c.attribute, c.value),
                             ("c1", "a", "meeting", "date", "Sunday"))
            self.assertEqual(c.attribution, ("officials", "aides"))
            self.assertEqual((c.quote, c.quote_offset, c.quote_length), ("on Sunday", 10, 9))
            self.assertIs(c.certainty, Certainty.PROBABLE)
            self.assertIsNone(c.line)
            d = store.claim(j)
            self.assertIs(d.polarity, Polarity.NEGATED)
            self.assertIsNone(d.quote_offset)
            with self.assertRaises(claims.EncodingError):
                store.add_source("bad\x00id")


class LifetimeTest(unittest.TestCase):
    def test_close_is_idempotent_and_children_close_with_the_parent(self) -> None:
        store = seed_store()
        result = store.reconcile()
        events = result.subjects()
        first = next(events)
        claims_it = store.claims()
        next(claims_it)
        store.close()
        store.close()
        self.assertTrue(store.closed and result.closed)
        with self.assertRaisesRegex(ValueError, "closed"):
            next(events)
        with self.assertRaisesRegex(ValueError, "closed"):
            next(claims_it)
        with self.assertRaisesRegex(ValueError, "closed"):
            store.claim_count
        with self.assertRaisesRegex(ValueError, "closed"):
            result.report()
        with self.assertRaisesRegex(ValueError, "closed"):
            list(first.attributes())
        self.assertTrue(first.label)  # copied records stay readable
        self.assertEqual(repr(store), "<claims.Store closed>")
        result.close()

    def test_children_keep_the_parent_alive(self) -> None:
        def make() -> "claims.Result":
            return seed_store().reconcile()  # the store is not referenced here
        result = make()
        gc.collect()
        self.assertFalse(result.store.closed)
        events = list(result.subjects())
        gc.collect()
        attrs = list(events[0].attributes())  # the record keeps the result
        self.assertTrue(attrs)
        it = make().subjects()  # only the cursor references its result
        gc.collect()
        self.assertTrue(next(it).id)

    def test_cursor_close_and_exhaustion(self) -> None:
        with seed_store() as store:
            it = store.claims()
            next(it)
            it.close()
            it.close()
            self.assertEqual(list(it), [])
            it2 = store.sources()
            self.assertEqual(len(list(it2)), 4)
            self.assertEqual(list(it2), [])  # exhausted, not an error

    def test_unclosed_objects_at_interpreter_exit(self) -> None:
        # Objects still alive while the interpreter shuts down must be freed
        # without errors ("Exception ignored in __del__").
        code = (
            "import glob, sys, claims\n"
            "store = claims.Store()\n"
            "for f in sorted(glob.glob(sys.argv[1] + '/*.json')): store.load(f)\n"
            "result = store.reconcile()\n"
            "events = result.subjects(); next(events)\n"
            "claims_it = store.claims(); next(claims_it)\n"
            "value = claims.normalize('date', '2016-11-20')\n"
            "ctx = claims.Context()\n"
            "cycle = [result, store]; cycle.append(cycle)\n"
            "print('ok')\n")
        corpus = os.path.dirname(corpus_files()[0])
        proc = subprocess.run([sys.executable, "-c", code, corpus], env=subprocess_env(),
                              capture_output=True, text=True, timeout=120)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stdout.strip(), "ok")
        self.assertNotIn("Exception ignored", proc.stderr)
        self.assertNotIn("Traceback", proc.stderr)


if __name__ == "__main__":
    unittest.main()
