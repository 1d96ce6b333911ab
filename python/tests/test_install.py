"""The package installs with pip, offline, and works from where it lands."""
from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import tempfile
import unittest
import zipfile

from _support import PACKAGE_ROOT, claims, subprocess_env


def _pip_available() -> bool:
    proc = subprocess.run([sys.executable, "-m", "pip", "--version"],
                          capture_output=True, text=True)
    return proc.returncode == 0


class InstallTest(unittest.TestCase):
    def test_pip_install_offline(self) -> None:
        if not _pip_available():
            self.skipTest("pip is not available to this Python")
        with tempfile.TemporaryDirectory() as tmp:
            target = os.path.join(tmp, "site")
            env = subprocess_env()
            if env.get("LIBCLAIMS_LIBRARY"):  # the children run in another folder
                env["LIBCLAIMS_LIBRARY"] = os.path.abspath(env["LIBCLAIMS_LIBRARY"])
            env["PIP_NO_INDEX"] = "1"       # no network: nothing may be fetched
            env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
            env["PIP_NO_CACHE_DIR"] = "1"
            env.pop("PYTHONPATH", None)
            proc = subprocess.run(
                [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index",
                 "--target", target, PACKAGE_ROOT],
                env=env, capture_output=True, text=True, timeout=300, cwd=tmp)
            self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
            self.assertTrue(os.path.exists(os.path.join(target, "claims", "py.typed")))
            env["PYTHONPATH"] = target
            code = ("import claims; v = claims.normalize('date', 'Nov. 20, 2016'); "
                    "print(claims.__file__); print(v.normalized)")
            run = subprocess.run([sys.executable, "-c", code], env=env,
                                 capture_output=True, text=True, timeout=120, cwd=tmp)
            self.assertEqual(run.returncode, 0, run.stderr)
            where, value = run.stdout.split()
            self.assertTrue(where.startswith(target), where)
            self.assertEqual(value, "2016-11-20")

    def test_backend_archives(self) -> None:
        sys.path.insert(0, os.path.join(PACKAGE_ROOT, "_build"))
        try:
            import backend
        finally:
            sys.path.pop(0)
        with tempfile.TemporaryDirectory() as tmp:
            wheel = backend.build_wheel(tmp)
            self.assertEqual(wheel, f"claims-{claims.__version__}-py3-none-any.whl")
            with zipfile.ZipFile(os.path.join(tmp, wheel)) as zf:
                names = zf.namelist()
                record = zf.read(f"claims-{claims.__version__}.dist-info/RECORD").decode()
                metadata = zf.read(f"claims-{claims.__version__}.dist-info/METADATA").decode()
            for module in ("__init__", "_ffi", "_core", "_records", "_enums", "_errors"):
                self.assertIn(f"claims/{module}.py", names)
                self.assertIn(f"claims/{module}.py,sha256=", record)
            self.assertIn("claims/py.typed", names)
            self.assertIn("Name: claims", metadata)
            self.assertIn(f"Version: {claims.__version__}", metadata)
            self.assertEqual(backend.get_requires_for_build_wheel(), [])
            sdist = backend.build_sdist(tmp)
            with tarfile.open(os.path.join(tmp, sdist)) as tar:
                members = tar.getnames()
            base = f"claims-{claims.__version__}"
            for path in ("pyproject.toml", "README.md", "PKG-INFO", "_build/backend.py",
                         "claims/__init__.py", "tests/test_install.py"):
                self.assertIn(f"{base}/{path}", members)
            with open(os.path.join(PACKAGE_ROOT, "pyproject.toml"), encoding="utf-8") as f:
                fallback = backend._project_fallback(f.read())
            self.assertEqual(fallback["version"], claims.__version__)
            self.assertEqual(fallback["name"], "claims")


if __name__ == "__main__":
    unittest.main()
