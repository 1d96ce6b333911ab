"""Progress callbacks of loads and reconciliations: reporting, canceling,
exceptions, and re-entrant use."""
from __future__ import annotations

import json
import unittest
from typing import List, Tuple

from _support import claims, seed_store


def many_documents(n: int) -> str:
    """n small claims documents as JSON Lines."""
    lines = []
    for i in range(n):
        lines.append(json.dumps({
            "format": "claims/1", "source": {"id": f"doc-{i}", "outlet": f"Outlet {i % 7}"},
            "subjects": [{"id": "e", "type": "event", "label": f"Event {i % 13}"}],
            "claims": [{"id": "c1", "subject": "e", "attribute": "date",
                        "value": f"2016-11-{1 + i % 28:02d}"},
                       {"id": "c2", "subject": "e", "attribute": "place",
                        "value": ["Lima", "Paris", "Antalya"][i % 3]}]}))
    return "\n".join(lines) + "\n"


class Boom(Exception):
    pass


class ProgressTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.text = many_documents(2000)

    def test_load_reports_progress(self) -> None:
        calls: List[Tuple[str, int, int]] = []
        with claims.Store() as store:
            summary = store.loads(self.text, progress=lambda *a: calls.append(a))
            self.assertEqual(summary.documents_loaded, 2000)
        self.assertGreaterEqual(len(calls), 10)
        self.assertTrue(all(stage == "load" for stage, _, _ in calls))
        done = [d for _, d, _ in calls]
        self.assertEqual(done, sorted(done))
        self.assertEqual(calls[-1][1], calls[-1][2])
        self.assertEqual(calls[-1][2], len(self.text.encode()))

    def test_load_canceled_keeps_what_it_loaded(self) -> None:
        seen = []

        def stop_halfway(stage: str, done: int, total: int) -> bool:
            seen.append(done)
            return done * 2 >= total

        with claims.Store() as store:
            with self.assertRaises(claims.CanceledError) as cm:
                store.loads(self.text, progress=stop_halfway)
            self.assertEqual(cm.exception.code, claims.Status.ECANCELED)
            kept = store.claim_count
            self.assertGreater(kept, 0)
            self.assertLess(kept, 4000)
            self.assertEqual(cm.exception.summary.claims_loaded, kept)

    def test_an_exception_in_the_callback_propagates(self) -> None:
        def boom(stage: str, done: int, total: int) -> None:
            if done:
                raise Boom(stage)

        with claims.Store() as store:
            with self.assertRaises(Boom):
                store.loads(self.text, progress=boom)
            store.loads(self.text.replace('"doc-', '"again-'))  # still usable

    def test_the_callback_may_not_use_the_store_it_loads(self) -> None:
        with claims.Store() as store:
            with self.assertRaisesRegex(RuntimeError, "already uses the Store"):
                store.loads(self.text, progress=lambda *a: store.claim_count)

    def test_reconcile_reports_stages_and_cancels(self) -> None:
        with seed_store() as store:
            calls: List[Tuple[str, int, int]] = []
            with store.reconcile(progress=lambda *a: calls.append(a)) as result:
                plain = store.reconcile()
                self.assertEqual(result.report(), plain.report())
            stages = list(dict.fromkeys(stage for stage, _, _ in calls))
            self.assertIn("normalize", stages)
            self.assertTrue(all(0 <= d <= t for _, d, t in calls))
            with self.assertRaises(claims.CanceledError):
                store.reconcile(progress=lambda stage, d, t: stage == stages[-1])
            with self.assertRaises(Boom):
                claims.reconcile(store, progress=lambda *a: (_ for _ in ()).throw(Boom()))
            # reading the store from the callback is allowed, changing it is not
            counts: List[int] = []
            store.reconcile(progress=lambda *a: counts.append(store.claim_count)).close()
            self.assertTrue(counts and all(c == store.claim_count for c in counts))
            with self.assertRaisesRegex(RuntimeError, "already uses the Store"):
                store.reconcile(progress=lambda *a: store.add_source(f"x{len(counts)}"))


if __name__ == "__main__":
    unittest.main()
