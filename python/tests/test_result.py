"""Result: reconciliation, cursors, reports."""
from __future__ import annotations

import pathlib
import unittest

from _support import CORPUS_SCHEMA, claims, seed_store

from claims import Agreement, Cardinality


class ResultTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.store = seed_store()
        cls.result = cls.store.reconcile()

    @classmethod
    def tearDownClass(cls) -> None:
        cls.store.close()

    def test_walk_everything(self) -> None:
        r = self.result
        events = list(r.subjects())
        self.assertEqual(len(events), r.stats().subjects)
        self.assertEqual(list(r), events)  # iterating a Result walks its events
        seen = []
        for event in events:
            self.assertIsInstance(event, claims.ResultSubject)
            attrs = list(event.attributes())
            self.assertEqual(len(attrs), event.attribute_count)
            self.assertEqual(attrs, list(r.attributes(event.index)))
            for attr in attrs:
                self.assertIsInstance(attr.agreement, Agreement)
                self.assertIsInstance(attr.cardinality, Cardinality)
                values = list(attr.values())
                self.assertEqual(len(values), attr.value_count)
                for value in values:
                    mine = list(value.claims())
                    self.assertEqual(len(mine), value.claim_count)
                    self.assertTrue(all(c.attribute == attr.name for c in mine))
                    self.assertTrue(set(value.sources) <= set(event.sources))
                    seen += [c.index for c in mine]
        # every claim of the store, exactly once
        self.assertEqual(sorted(seen), list(range(self.store.claim_count)))

    def test_records_read_well(self) -> None:
        event = next(iter(self.result.subjects()))
        self.assertIn("ResultSubject(index=0", repr(event))
        self.assertNotIn("_result", repr(event))
        attr = next(event.attributes())
        self.assertEqual(event.attribute(attr.name), attr)
        with self.assertRaises(KeyError):
            event.attribute("no-such-attribute")
        preferred = attr.preferred
        self.assertIsInstance(preferred, claims.ValueCluster)
        self.assertIn(preferred, list(attr.values()))

    def test_json_report_matches_the_cursors(self) -> None:
        report = self.result.report()
        self.assertIsInstance(report, dict)
        events = list(self.result.subjects())
        self.assertEqual([e["id"] for e in report["events"]], [e.id for e in events])
        for doc, event in zip(report["events"], events):
            self.assertEqual(doc["label"], event.label)
            self.assertEqual(tuple(doc["sources"]), event.sources)
            attrs = list(event.attributes())
            self.assertEqual([a["attribute"] for a in doc["attributes"]],
                             [a.name for a in attrs])
            for adoc, attr in zip(doc["attributes"], attrs):
                self.assertEqual(adoc["relation"], str(attr.agreement))
                self.assertEqual([v["normalized"] for v in adoc["values"]],
                                 [v.normalized for v in attr.values()])
                # the rows' later fields: certainty, side, revision, times
                for vdoc, val in zip(adoc["values"], attr.values()):
                    self.assertEqual(vdoc["certainty"], str(val.certainty))
                    self.assertEqual(vdoc["side"], val.side)
                    self.assertEqual(vdoc["side_origins"], val.side_origin_count)
                    self.assertEqual(vdoc["superseded"], val.superseded)
                    self.assertEqual(vdoc["current"], val.current)
                    self.assertEqual(vdoc["published_first"], val.published_first)
                    self.assertEqual(vdoc["published_last"], val.published_last)
        deps = list(self.result.dependencies())
        self.assertEqual(len(report["dependencies"]), len(deps))
        self.assertEqual([s["id"] for s in report["sources"]],
                         [s.id for s in self.store.sources()])

    def test_other_renderings(self) -> None:
        text = self.result.report("text")
        self.assertIsInstance(text, str)
        for event in self.result.subjects():
            self.assertIn(event.id, text)
        self.assertEqual(self.result.render("text"), text)
        self.assertEqual(self.result.report(claims.RenderFormat.JSON), self.result.report())
        csv = self.result.render("csv")
        self.assertEqual(len(csv.splitlines()) - 1, self.store.claim_count)
        self.assertIn("<html", self.result.render("html").lower())
        with self.assertRaises(ValueError):
            self.result.report("yaml")

    def test_stats_diagnostics_dependencies(self) -> None:
        stats = self.result.stats()
        self.assertEqual(stats.claims, self.store.claim_count)
        self.assertGreaterEqual(stats.total, 0.0)
        notes = self.result.diagnostics()
        self.assertEqual(len(notes), stats.values_unparsed)
        for note in notes:
            self.assertIsInstance(note, claims.Diagnostic)
            self.assertTrue(note.source and note.line and note.claim is not None)
        for dep in self.result.dependencies():
            self.assertLess(dep.source_a, dep.source_b)
            self.assertTrue(dep.passages)
        self.assertIn("subjects=", repr(self.result))

    def test_stage_timings(self) -> None:
        # every stage has its own time, and they add up to the total (no
        # figure is asserted)
        s = self.result.stats()
        stages = [s.normalize, s.resolve, s.dependence, s.origins, s.group]
        self.assertTrue(all(0.0 <= t <= s.total for t in stages), stages)
        self.assertAlmostEqual(sum(stages), s.total, delta=1e-6)

    def test_subjects_and_the_deprecated_events(self) -> None:
        subjects = list(self.result.subjects())
        self.assertEqual({s.type for s in subjects} >= {"event", "person"}, True)
        with self.assertWarns(DeprecationWarning):
            events = list(self.result.events())
        self.assertEqual(events, subjects)
        self.assertIs(claims.Event, claims.ResultSubject)
        attr = next(subjects[0].attributes())
        self.assertEqual(attr.subject_index, subjects[0].index)
        with self.assertWarns(DeprecationWarning):
            self.assertEqual(attr.event_index, attr.subject_index)
        value = next(attr.values())
        self.assertEqual(value.subject_index, subjects[0].index)
        with self.assertWarns(DeprecationWarning):
            self.assertEqual(value.event_index, value.subject_index)

    def test_cursor_arguments(self) -> None:
        with self.assertRaises(claims.NotFoundError):
            list(self.result.attributes(10_000))
        with self.assertRaises(claims.NotFoundError):
            list(self.result.values(0, 10_000))
        with self.assertRaises(TypeError):
            list(self.result.attributes("0"))  # type: ignore[arg-type]

    def test_reconcile_is_deterministic_and_takes_options(self) -> None:
        again = claims.reconcile(self.store)
        self.assertEqual(again.report(), self.result.report())
        again.close()
        def tones(result: claims.Result) -> list:
            return [a for e in result.subjects() for a in e.attributes() if a.name == "tone"]

        with claims.Context() as ctx:
            ctx.load_schema(pathlib.Path(CORPUS_SCHEMA))  # "tone": a set of text
            with self.store.reconcile(ctx) as corpus:
                self.assertTrue(tones(corpus))
                self.assertTrue(all(a.cardinality is Cardinality.SET for a in tones(corpus)))
            ctx.set_attribute("tone", "text", cardinality="single")
            with self.store.reconcile(ctx, bias="nearest", shared_words=5) as other:
                self.assertTrue(tones(other))
                self.assertTrue(all(a.cardinality is Cardinality.SINGLE for a in tones(other)))
            self.assertTrue(other.closed)
        with self.assertRaises(ValueError):
            self.store.reconcile(bias="sideways")

    def test_store_grows_after_a_result(self) -> None:
        # A result stays valid (and its events unchanged) when the store gets
        # more claims; a new reconciliation sees them.
        with seed_store() as store:
            result = store.reconcile()
            before = result.report()
            store.add_source("late", outlet="Late Outlet")
            store.add_subject("late", "e", "event", "Something else")
            store.add_claim("late", "e", "date", "2016-11-22")
            self.assertEqual(result.report()["events"], before["events"])
            self.assertEqual(result.stats().claims, before["counts"]["claims"])
            with store.reconcile() as after:
                self.assertEqual(after.stats().claims, before["counts"]["claims"] + 1)

if __name__ == "__main__":
    unittest.main()
