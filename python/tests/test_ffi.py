"""Loading the library and the declaration table."""
from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

from _support import HEADER, PACKAGE_ROOT, claims, subprocess_env

from claims import _ffi


class LoadingTest(unittest.TestCase):
    def test_env_var_wins(self) -> None:
        env = os.environ.get("LIBCLAIMS_LIBRARY")
        if not env:
            self.skipTest("LIBCLAIMS_LIBRARY is not set")
        self.assertEqual(claims.library_path, env)

    def test_import_error_says_what_was_tried(self) -> None:
        env = subprocess_env()
        env["LIBCLAIMS_LIBRARY"] = "/nonexistent/libclaims.so.0"
        proc = subprocess.run([sys.executable, "-c", "import claims"], env=env,
                              capture_output=True, text=True, timeout=120)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("ImportError", proc.stderr)
        self.assertIn("$LIBCLAIMS_LIBRARY: /nonexistent/libclaims.so.0: no such file",
                      proc.stderr)
        self.assertIn("set LIBCLAIMS_LIBRARY to the path", proc.stderr)

    def test_import_error_for_a_file_that_is_no_library(self) -> None:
        with tempfile.NamedTemporaryFile(suffix=".so") as f:
            f.write(b"not an ELF file")
            f.flush()
            env = subprocess_env()
            env["LIBCLAIMS_LIBRARY"] = f.name
            proc = subprocess.run([sys.executable, "-c", "import claims"], env=env,
                                  capture_output=True, text=True, timeout=120)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn(f.name, proc.stderr)

    @unittest.skipUnless(sys.platform.startswith("linux"), "SONAME layout of Linux")
    def test_library_next_to_the_package(self) -> None:
        # A copy of the package with the library beside it, no variable set.
        with tempfile.TemporaryDirectory() as tmp:
            pkg = os.path.join(tmp, "claims")
            shutil.copytree(os.path.join(PACKAGE_ROOT, "claims"), pkg,
                            ignore=shutil.ignore_patterns("__pycache__"))
            shutil.copy(claims.library_path, os.path.join(pkg, _ffi.SONAME))
            env = subprocess_env()
            del env["LIBCLAIMS_LIBRARY"]
            env["PYTHONPATH"] = tmp
            proc = subprocess.run(
                [sys.executable, "-c", "import claims; print(claims.library_path)"],
                env=env, capture_output=True, text=True, timeout=120, cwd=tmp)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            self.assertEqual(proc.stdout.strip(), os.path.join(pkg, _ffi.SONAME))

    def test_version(self) -> None:
        number = claims.library_version_number()
        self.assertEqual(number >> 16, _ffi.ABI_MAJOR)
        major, minor, patch = (int(x) for x in claims.library_version().split("."))
        self.assertEqual(number, (major << 16) | (minor << 8) | patch)
        with open(os.path.join(PACKAGE_ROOT, "pyproject.toml"), encoding="utf-8") as f:
            declared = re.search(r'^version = "([^"]+)"', f.read(), re.M)
        assert declared is not None
        self.assertEqual(declared.group(1), claims.__version__)


# ctypes mirror -> C type name.
STRUCTS = [
    (_ffi.Error, "claims_error"), (_ffi.Str, "claims_str"),
    (_ffi.ParseOptions, "claims_parse_options"), (_ffi.Comparison, "claims_comparison"),
    (_ffi.LoadOptions, "claims_load_options"), (_ffi.LoadSummary, "claims_load_summary"),
    (_ffi.SourceDesc, "claims_source_desc"), (_ffi.SubjectDesc, "claims_subject_desc"),
    (_ffi.ClaimDesc, "claims_claim_desc"), (_ffi.SourceInfo, "claims_source_info"),
    (_ffi.SubjectInfo, "claims_subject_info"), (_ffi.ClaimInfo, "claims_claim_info"),
    (_ffi.AttributeDef, "claims_attribute_def"),
    (_ffi.ReconcileOptions, "claims_reconcile_options"),
    (_ffi.RenderOptions, "claims_render_options"),
    (_ffi.ResultStats, "claims_result_stats"),
    (_ffi.ResultSubjectInfo, "claims_result_subject_info"),
    (_ffi.AttributeInfo, "claims_attribute_info"), (_ffi.ValueInfo, "claims_value_info"),
    (_ffi.DependencyInfo, "claims_dependency_info"),
]

# Mirrors of the structs the library fills: the version each one mirrors is
# the header's current one.
VERSIONED = [
    (_ffi.LoadSummary, "CLAIMS_LOAD_SUMMARY_VERSION"),
    (_ffi.ResultStats, "CLAIMS_RESULT_STATS_VERSION"),
    (_ffi.Comparison, "CLAIMS_COMPARISON_VERSION"),
]


class DeclarationTest(unittest.TestCase):
    def test_every_header_function_is_declared_once(self) -> None:
        if not os.path.exists(HEADER):
            self.skipTest(f"{HEADER} not found (tests run outside the checkout)")
        with open(HEADER, encoding="utf-8") as f:
            text = f.read()
        in_header = re.findall(r"CLAIMS_API[^;(]*?\b(claims_\w+)\s*\(", text, re.S)
        self.assertEqual(sorted(_ffi.declared), sorted(set(_ffi.declared)))
        self.assertEqual(sorted(set(in_header)), sorted(_ffi.declared))

    def test_error_struct_mirror(self) -> None:
        self.assertEqual(ctypes.sizeof(_ffi.Error), _ffi.lib.claims_error_sizeof())

    def test_handle_types_are_distinct(self) -> None:
        store = claims.Store()
        try:
            with self.assertRaises(ctypes.ArgumentError):
                _ffi.claims_ctx_free(store._handle)
        finally:
            store.close()

    def test_struct_mirrors_match_the_header(self) -> None:
        # Compiles a probe printing sizeof and offsetof of every mirrored
        # struct; skipped without a C compiler (none is needed to use the
        # package, only to check it).
        cc = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc")
        if not cc or not os.path.exists(HEADER):
            self.skipTest("needs a C compiler and include/claims.h")
        lines = ["#include <claims.h>", "#include <stdio.h>", "#include <stddef.h>",
                 "int main(void) {"]
        expected = []
        for cls, ctype in STRUCTS:
            lines.append(f'printf("{ctype} %zu\\n", sizeof({ctype}));')
            expected.append(f"{ctype} {ctypes.sizeof(cls)}")
            for field in cls._fields_:
                name = field[0]
                lines.append(f'printf("{ctype}.{name} %zu\\n", offsetof({ctype}, {name}));')
                expected.append(f"{ctype}.{name} {getattr(cls, name).offset}")
        for cls, macro in VERSIONED:
            lines.append(f'printf("{macro} %u\\n", (unsigned){macro});')
            expected.append(f"{macro} {cls.VERSION}")
        lines.append("return 0; }")
        with tempfile.TemporaryDirectory() as tmp:
            src, exe = os.path.join(tmp, "probe.c"), os.path.join(tmp, "probe")
            with open(src, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
            env = dict(os.environ)
            env.pop("LD_PRELOAD", None)  # the probe is not instrumented
            build = subprocess.run([cc, "-std=c11", "-I", os.path.dirname(HEADER), src,
                                    "-o", exe], capture_output=True, text=True, env=env)
            self.assertEqual(build.returncode, 0, build.stderr)
            run = subprocess.run([exe], capture_output=True, text=True, env=env, check=True)
        self.assertEqual(run.stdout.split("\n")[:-1], expected)

    def test_optional_symbols(self) -> None:
        for name in ("claims_ctx_load_aliases", "claims_ctx_add_alias"):
            self.assertEqual(_ffi.has(name), hasattr(_ffi.lib, name))
            if not _ffi.has(name):
                with self.assertRaises(NotImplementedError):
                    getattr(_ffi, name)()

    def test_enum_names_match_the_library(self) -> None:
        pairs = [
            (claims.Type, _ffi.claims_type_name),
            (claims.Modifier, _ffi.claims_modifier_name),
            (claims.Precision, _ffi.claims_precision_name),
            (claims.Relation, _ffi.claims_relation_name),
            (claims.Polarity, _ffi.claims_polarity_name),
            (claims.Certainty, _ffi.claims_certainty_name),
            (claims.Agreement, _ffi.claims_agreement_name),
        ]
        for enum, name_of in pairs:
            for member in enum:
                self.assertEqual(str(member), _ffi.decode(name_of(member)),
                                 f"{enum.__name__}.{member.name}")
            # outside the enum: "unknown", never NULL
            for outside in (-1, len(enum), 1000):
                self.assertEqual(_ffi.decode(name_of(outside)), "unknown",
                                 f"{enum.__name__} {outside}")

    def test_status_texts(self) -> None:
        for status in claims.Status:
            self.assertTrue(claims.strerror(status))
        for code, cls in [(-2, claims.OutOfMemoryError), (-3, claims.InvalidArgumentError),
                          (-4, claims.ParseError), (-5, claims.SchemaError),
                          (-6, claims.EncodingError), (-7, claims.RangeError),
                          (-8, claims.NotFoundError), (-9, claims.ClaimsIOError),
                          (-10, claims.DuplicateError), (-11, claims.RejectedError),
                          (-12, claims.CanceledError),
                          (-99, claims.ClaimsError)]:
            exc = _ffi.make_error(code)
            self.assertIs(type(exc), cls)
            self.assertEqual(exc.code, code)
            self.assertIn(claims.strerror(code), str(exc))

    def test_exceptions_are_picklable(self) -> None:
        import pickle
        exc = claims.ParseError(-4, "bad", source="f.json", line=3, column=7, claim=2)
        back = pickle.loads(pickle.dumps(exc))
        self.assertIs(type(back), claims.ParseError)
        self.assertEqual((back.source, back.line, back.column, back.claim),
                         ("f.json", 3, 7, 2))
        self.assertEqual(str(back), str(exc))


if __name__ == "__main__":
    unittest.main()
