"""examples/compare_outlets.py runs and prints a table per shared event."""
from __future__ import annotations

import os
import subprocess
import sys
import unittest

from _support import CHECKOUT, claims, corpus_files, subprocess_env

EXAMPLE = os.path.join(CHECKOUT, "examples", "compare_outlets.py")


class ExampleTest(unittest.TestCase):
    def test_compare_outlets(self) -> None:
        if not os.path.exists(EXAMPLE):
            self.skipTest(f"{EXAMPLE} not found")
        files = corpus_files()
        proc = subprocess.run([sys.executable, EXAMPLE, *files], env=subprocess_env(),
                              capture_output=True, text=True, timeout=120)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        # one table per event that several sources report, with one column per source
        with claims.Store() as store:
            for path in files:
                store.load(path)
            outlets = {s.id: s.outlet for s in store.sources()}
            with store.reconcile() as result:
                shared = [e for e in result.subjects()
                          if e.type == "event" and len(e.sources) > 1]
        self.assertTrue(shared)
        for event in shared:
            self.assertIn(f"== {event.label}", proc.stdout)
            block = proc.stdout.split(f"== {event.label}", 1)[1]
            header = block.splitlines()[2]
            self.assertTrue(header.split()[:2] == ["attribute", "relation"], header)
            for source in event.sources:
                self.assertIn(outlets[source][:10], header)


if __name__ == "__main__":
    unittest.main()
