"""Several Python threads using the library at once.

ctypes releases the GIL during every call, so these really run library code
in parallel; under the ASan build (CTest) they also check the locking."""
from __future__ import annotations

import threading
import unittest
from typing import Any, Callable, List

from _support import claims, corpus_files, seed_store

THREADS = 6


def run_threads(target: Callable[[int], Any], n: int = THREADS) -> List[Any]:
    """Runs target(i) in n threads started together; returns the results in
    order and re-raises the first exception."""
    barrier = threading.Barrier(n)
    results: List[Any] = [None] * n
    errors: List[BaseException] = []

    def body(i: int) -> None:
        try:
            barrier.wait()
            results[i] = target(i)
        except BaseException as exc:  # reported in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=body, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return results


def walk(result: "claims.Result") -> list:
    """Everything a result says, through the cursors."""
    out = []
    for event in result.subjects():
        for attr in event.attributes():
            for value in attr.values():
                out.append((event.id, attr.name, str(attr.agreement), value.normalized,
                            value.sources, tuple(c.index for c in value.claims())))
    return out


class ThreadsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.store = seed_store()
        cls.result = cls.store.reconcile()
        cls.report = cls.result.report()
        cls.walked = walk(cls.result)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.store.close()

    def test_threads_reconciling_at_once(self) -> None:
        files = corpus_files()

        def job(i: int) -> list:
            reports = []
            for _ in range(3):
                with claims.Store() as store:
                    for path in files:
                        store.load(path)
                    with store.reconcile() as result:
                        reports.append((result.report(), walk(result)))
            return reports

        for reports in run_threads(job):
            for report, walked in reports:
                self.assertEqual(report, self.report)
                self.assertEqual(walked, self.walked)

    def test_one_result_read_by_many_threads(self) -> None:
        def job(i: int) -> tuple:
            return walk(self.result), self.result.report(), self.result.render("text")
        text = self.result.render("text")
        for walked, report, rendered in run_threads(job):
            self.assertEqual(walked, self.walked)
            self.assertEqual(report, self.report)
            self.assertEqual(rendered, text)

    def test_one_store_reconciled_by_many_threads(self) -> None:
        def job(i: int) -> dict:
            with self.store.reconcile() as result:
                return result.report()
        for report in run_threads(job):
            self.assertEqual(report, self.report)

    def test_one_cursor_shared_by_threads(self) -> None:
        it = self.store.claims()
        taken: List[int] = []
        lock = threading.Lock()

        def job(i: int) -> None:
            for claim in it:
                with lock:
                    taken.append(claim.index)
        run_threads(job)
        self.assertEqual(sorted(taken), list(range(self.store.claim_count)))

    def test_writer_and_readers_on_one_store(self) -> None:
        store = seed_store()
        base = store.claim_count
        added = 200

        def job(i: int) -> int:
            if i == 0:
                store.add_source("writer", outlet="Writer")
                store.add_subject("writer", "e", "event", "Written event")
                for k in range(added):
                    store.add_claim("writer", "e", "note", f"note {k}")
                return added
            seen = 0
            for _ in range(5):
                n = sum(1 for _ in store.claims())
                self.assertGreaterEqual(n, base)
                with store.reconcile() as result:
                    self.assertGreaterEqual(result.stats().claims, base)
                seen = max(seen, n)
            return seen

        counts = run_threads(job)
        self.assertEqual(store.claim_count, base + added)
        self.assertTrue(all(base <= c <= base + added for c in counts[1:]))
        store.close()

    def test_shared_context_parsing_while_it_changes(self) -> None:
        ctx = claims.Context()
        expected = claims.normalize("date", "Nov. 20, 2016").normalized

        def job(i: int) -> list:
            out = []
            for k in range(50):
                if i == 0 and k % 10 == 0:
                    ctx.set_attribute(f"extra-{k}", "text")  # a writer among readers
                v = ctx.normalize("date", "Nov. 20, 2016")
                c = ctx.compare("date", "Sunday", v, reference="2016-11-21")
                out.append((v.normalized, c.relation))
                v.close()
            return out

        for out in run_threads(job):
            self.assertEqual(out, [(expected, claims.Relation.EQUAL)] * 50)
        self.assertIn("extra-40", ctx)
        ctx.close()

    def test_close_while_other_threads_read(self) -> None:
        # Closing a store while threads iterate it either lets a step finish
        # or makes the next one raise ValueError: never a crash.
        store = seed_store()
        result = store.reconcile()
        started = threading.Barrier(THREADS)

        def job(i: int) -> str:
            if i == 0:
                started.wait()
                store.close()
                return "closed"
            started.wait()
            try:
                for _ in range(20):
                    walk(result)
            except ValueError as exc:
                self.assertIn("closed", str(exc))
                return "stopped"
            return "finished"

        outcomes = run_threads(job)
        self.assertEqual(outcomes[0], "closed")
        self.assertTrue(set(outcomes[1:]) <= {"stopped", "finished"})
        self.assertTrue(store.closed and result.closed)


if __name__ == "__main__":
    unittest.main()


class LibraryThreadsTest(unittest.TestCase):
    """The library's own threads (threads=): the same results for any number."""

    def test_reconcile_same_for_any_thread_count(self) -> None:
        reports = []
        with seed_store() as store:
            for n in (1, 2, 3):
                reports.append(store.reconcile(threads=n).render("json"))
            with self.assertRaises(ValueError):
                store.reconcile(threads=-1)
        self.assertEqual(reports[0], reports[1])
        self.assertEqual(reports[0], reports[2])

    def test_load_same_for_any_thread_count(self) -> None:
        lines = b"".join(
            b'{"format":"claims/1","source":{"id":"s%d","outlet":"O%d",'
            b'"published":"2016-11-20"},"subjects":[{"id":"e1","type":"event"}],'
            b'"claims":[{"id":"c1","subject":"e1","attribute":"duration",'
            b'"value":"%d minutes"}]}\n' % (i, i % 7, i % 50) for i in range(300))
        reports = []
        for n in (1, 3):
            with claims.Store() as store:
                summary = store.loads(lines, format="jsonl", threads=n)
                self.assertEqual(summary.claims_loaded, 300)
                reports.append(store.reconcile(threads=n).render("json"))
        self.assertEqual(reports[0], reports[1])
        with claims.Store() as store, self.assertRaises(ValueError):
            store.loads(lines, threads=-2)
