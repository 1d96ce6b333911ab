"""Result.write(): the report streamed to a path or a file object, compact
JSON, and the errors of a write that fails."""
from __future__ import annotations

import io
import json
import os
import tempfile
import threading
import unittest

from _support import claims, seed_store

FORMATS = ["json", "text", "html", "csv"]


class WriteTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.store = seed_store()
        cls.result = cls.store.reconcile()
        cls.tmp = tempfile.TemporaryDirectory()

    @classmethod
    def tearDownClass(cls) -> None:
        cls.store.close()
        cls.tmp.cleanup()

    def path(self, name: str) -> str:
        return os.path.join(self.tmp.name, name)

    def test_path_gets_the_rendered_bytes(self) -> None:
        for fmt in FORMATS:
            with self.subTest(fmt=fmt):
                target = self.path(f"report.{fmt}")
                self.result.write(target, fmt)
                with open(target, "rb") as f:
                    self.assertEqual(f.read(), self.result.render(fmt).encode("utf-8"))
        # a path-like and bytes name work too, and an existing file is replaced
        import pathlib
        target = pathlib.Path(self.path("again.json"))
        target.write_text("old content that is longer than nothing " * 1000)
        self.result.write(target, compact=True)
        self.result.write(os.fsencode(str(target)), compact=True)
        self.assertEqual(target.read_text(encoding="utf-8"),
                         self.result.render("json", compact=True))

    def test_file_objects_binary_and_text(self) -> None:
        for fmt in FORMATS:
            expected = self.result.render(fmt)
            for threads in (1, 2):
                for chunk in (0, 1, 7, 4096):
                    with self.subTest(fmt=fmt, threads=threads, chunk=chunk):
                        binary, text = io.BytesIO(), io.StringIO()
                        self.result.write(binary, fmt, threads=threads, chunk_size=chunk)
                        self.result.write(text, fmt, threads=threads, chunk_size=chunk)
                        self.assertEqual(binary.getvalue(), expected.encode("utf-8"))
                        self.assertEqual(text.getvalue(), expected)

    def test_pieces_respect_the_chunk_size(self) -> None:
        pieces = []

        class Collect:
            def write(self, data: bytes) -> None:
                pieces.append(data)

        self.result.write(Collect(), "json", chunk_size=100)
        self.assertTrue(all(0 < len(p) <= 100 for p in pieces))
        self.assertEqual(b"".join(pieces), self.result.render("json").encode("utf-8"))

    def test_compact_json(self) -> None:
        compact = self.result.render("json", compact=True)
        indented = self.result.render("json")
        self.assertEqual(compact.count("\n"), 1)
        self.assertTrue(compact.endswith("}\n"))
        self.assertLess(len(compact), len(indented))
        self.assertEqual(json.loads(compact), json.loads(indented))
        self.assertEqual(json.loads(compact), self.result.report())
        # the other formats ignore it
        self.assertEqual(self.result.render("csv", compact=True), self.result.render("csv"))

    def test_an_exception_in_write_propagates(self) -> None:
        class Boom(Exception):
            pass

        calls = []

        class Failing:
            def write(self, data: bytes) -> None:
                calls.append(len(data))
                if len(calls) == 3:
                    raise Boom("disk on fire")

        for threads in (1, 2):
            calls.clear()
            with self.assertRaises(Boom):
                self.result.write(Failing(), "json", threads=threads, chunk_size=64)
            self.assertEqual(len(calls), 3)  # nothing after the failing piece
        # the result is still fine afterwards
        self.assertEqual(json.loads(self.result.render("json", compact=True)),
                         self.result.report())

    def test_write_cannot_change_the_store(self) -> None:
        store = self.store
        errors = []

        class Meddling:
            def write(self, data: bytes) -> None:
                try:
                    store.add_source("meddler")
                except RuntimeError as exc:
                    errors.append(exc)
                    raise

        for threads in (1, 2):
            with self.assertRaises(RuntimeError):
                self.result.write(Meddling(), "text", threads=threads)
        self.assertEqual(len(errors), 2)
        self.assertNotIn("meddler", [s.id for s in store.sources()])

    def test_writes_from_several_threads_at_once(self) -> None:
        expected = self.result.render("json", compact=True).encode("utf-8")
        outs = [io.BytesIO() for _ in range(4)]
        threads = [threading.Thread(target=self.result.write, args=(o, "json"),
                                    kwargs={"compact": True, "chunk_size": 1000})
                   for o in outs]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for o in outs:
            self.assertEqual(o.getvalue(), expected)

    def test_bad_arguments(self) -> None:
        with self.assertRaises(TypeError):
            self.result.write(42)  # type: ignore[arg-type]
        with self.assertRaises(ValueError):
            self.result.write(io.BytesIO(), "yaml")
        with self.assertRaises(ValueError):
            self.result.write(io.BytesIO(), threads=-1)
        with self.assertRaises(claims.ClaimsIOError) as cm:
            self.result.write(self.path("no/such/folder/report.json"))
        self.assertIn("no/such/folder", str(cm.exception))
        with self.assertRaises(claims.InvalidArgumentError):
            self.result.write("")
        with seed_store() as other:
            closed = other.reconcile()
        with self.assertRaises(ValueError):
            closed.write(io.BytesIO())


if __name__ == "__main__":
    unittest.main()
