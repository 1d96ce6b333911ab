"""Shared test set-up: import the package from this source tree, find the
seed corpus. The library comes from LIBCLAIMS_LIBRARY (CTest sets it) or the
package's own search."""
from __future__ import annotations

import glob
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE_ROOT = os.path.dirname(HERE)          # python/
CHECKOUT = os.path.dirname(PACKAGE_ROOT)      # the repository, when tests run from it
sys.path.insert(0, PACKAGE_ROOT)

import claims  # noqa: E402  (after the path is set)

HEADER = os.path.join(CHECKOUT, "include", "claims.h")
CORPUS_DIR = os.environ.get("CLAIMS_CORPUS_DIR") or os.path.join(CHECKOUT, "corpus")
# the attributes the seed corpus uses beyond the built-in schema
CORPUS_SCHEMA = (os.environ.get("CLAIMS_CORPUS_SCHEMA")
                 or os.path.join(CHECKOUT, "examples", "schemas", "seed-corpus.json"))


def corpus_files() -> list:
    """The seed corpus documents, sorted; the test is skipped without them."""
    files = sorted(glob.glob(os.path.join(CORPUS_DIR, "*.json")))
    if not files:
        raise unittest.SkipTest(f"no seed corpus in {CORPUS_DIR} (set CLAIMS_CORPUS_DIR)")
    return files


def seed_store() -> "claims.Store":
    store = claims.Store()
    for path in corpus_files():
        store.load(path)
    return store


def subprocess_env() -> dict:
    """The environment for a child Python: this package first on its path,
    the same library."""
    env = dict(os.environ)
    env["PYTHONPATH"] = PACKAGE_ROOT + os.pathsep + env.get("PYTHONPATH", "")
    env["LIBCLAIMS_LIBRARY"] = claims.library_path
    return env


# A document with one good claim and one whose polarity is invalid: line 5 of
# the text, claim index 1 of document 0.
BAD_DOCUMENT = """{"format": "claims/1",
 "source": {"id": "bad-doc", "outlet": "Test"},
 "subjects": [{"id": "e", "type": "event", "label": "An event"}],
 "claims": [{"id": "c1", "subject": "e", "attribute": "date", "value": "2016-11-20"},
  {"id": "c2", "subject": "e", "attribute": "date", "value": "x", "polarity": "maybe"}]}
"""
