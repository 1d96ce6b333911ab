"""A PEP 517 build backend for the claims package, using only the standard
library.

Why not setuptools: the package is pure Python, and a setuptools build needs
the `wheel` distribution as well (setuptools < 70.1), which an offline
machine may not have and cannot fetch. This backend has no build
requirements at all, so `pip install ./python` works without network, with
or without build isolation. It builds exactly what pyproject.toml describes:
the `claims` package (its .py files and py.typed) and the [project] metadata.
"""
from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile
from typing import Any, Dict, List, Optional, Tuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "claims"
# Fixed timestamps keep the archives reproducible.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_EPOCH = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))


def _project() -> Dict[str, Any]:
    """The [project] table of pyproject.toml."""
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as f:
        data = f.read()
    try:
        import tomllib  # Python 3.11+
        return dict(tomllib.loads(data.decode("utf-8"))["project"])
    except ImportError:
        return _project_fallback(data.decode("utf-8"))


def _project_fallback(text: str) -> Dict[str, Any]:
    """Reads the simple `key = "value"` and string-list entries of [project]
    (enough for this file) on Pythons without tomllib."""
    section = re.search(r"^\[project\]\s*$(.*?)(?=^\[|\Z)", text, re.M | re.S)
    out: Dict[str, Any] = {}
    if not section:
        return out
    body = section.group(1)
    for key, value in re.findall(r'^([\w-]+)\s*=\s*"([^"]*)"\s*$', body, re.M):
        out[key] = value
    for key, items in re.findall(r"^([\w-]+)\s*=\s*\[(.*?)\]", body, re.M | re.S):
        out[key] = re.findall(r'"([^"]*)"', items)
    return out


def _names() -> Tuple[str, str]:
    p = _project()
    return re.sub(r"[-_.]+", "_", p["name"]).lower(), p["version"]


def _metadata() -> str:
    p = _project()
    lines = ["Metadata-Version: 2.1", f"Name: {p['name']}", f"Version: {p['version']}"]
    if p.get("description"):
        lines.append(f"Summary: {p['description']}")
    if p.get("requires-python"):
        lines.append(f"Requires-Python: {p['requires-python']}")
    for c in p.get("classifiers", []):
        lines.append(f"Classifier: {c}")
    readme = p.get("readme")
    body = ""
    if isinstance(readme, str) and os.path.exists(os.path.join(ROOT, readme)):
        lines.append("Description-Content-Type: text/markdown")
        with open(os.path.join(ROOT, readme), encoding="utf-8") as f:
            body = "\n" + f.read()
    return "\n".join(lines) + "\n" + body


def _package_files() -> List[str]:
    """Paths (relative to ROOT) of the files of the package."""
    files = []
    pkg = os.path.join(ROOT, PACKAGE)
    for name in sorted(os.listdir(pkg)):
        if name.endswith(".py") or name == "py.typed":
            files.append(f"{PACKAGE}/{name}")
    return files


def _hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return f"sha256={digest.decode('ascii')},{len(data)}"


def _write_wheel(directory: str, entries: List[Tuple[str, bytes]]) -> str:
    name, version = _names()
    dist_info = f"{name}-{version}.dist-info"
    entries = entries + [
        (f"{dist_info}/METADATA", _metadata().encode("utf-8")),
        (f"{dist_info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: claims-backend\n"
                               b"Root-Is-Purelib: true\nTag: py3-none-any\n"),
        (f"{dist_info}/top_level.txt", f"{PACKAGE}\n".encode("ascii")),
    ]
    record = "".join(f"{path},{_hash(data)}\n" for path, data in entries)
    record += f"{dist_info}/RECORD,,\n"
    entries.append((f"{dist_info}/RECORD", record.encode("utf-8")))
    filename = f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(os.path.join(directory, filename), "w",
                         zipfile.ZIP_DEFLATED) as zf:
        for path, data in entries:
            info = zipfile.ZipInfo(path, _ZIP_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return filename


def _read(rel: str) -> bytes:
    with open(os.path.join(ROOT, rel), "rb") as f:
        return f.read()


# ---- PEP 517 / PEP 660 hooks ---------------------------------------------------


def get_requires_for_build_wheel(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


def get_requires_for_build_sdist(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


def get_requires_for_build_editable(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


def build_wheel(wheel_directory: str, config_settings: Optional[Dict[str, Any]] = None,
                metadata_directory: Optional[str] = None) -> str:
    return _write_wheel(wheel_directory, [(rel, _read(rel)) for rel in _package_files()])


def build_editable(wheel_directory: str, config_settings: Optional[Dict[str, Any]] = None,
                   metadata_directory: Optional[str] = None) -> str:
    # A .pth file puts this folder on sys.path: edits take effect at once.
    return _write_wheel(wheel_directory, [(f"_{PACKAGE}_editable.pth",
                                           (ROOT + "\n").encode("utf-8"))])


def build_sdist(sdist_directory: str, config_settings: Optional[Dict[str, Any]] = None) -> str:
    name, version = _names()
    base = f"{name}-{version}"
    files = ["pyproject.toml", "README.md", "_build/backend.py"] + _package_files()
    for dirpath, _, filenames in sorted(os.walk(os.path.join(ROOT, "tests"))):
        for fn in sorted(filenames):
            if fn.endswith(".py"):
                files.append(os.path.relpath(os.path.join(dirpath, fn), ROOT))
    filename = f"{base}.tar.gz"
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz") as tar:
        def add(path: str, data: bytes) -> None:
            info = tarfile.TarInfo(f"{base}/{path}")
            info.size = len(data)
            info.mtime = _EPOCH
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(data))
        for rel in files:
            if os.path.exists(os.path.join(ROOT, rel)):
                add(rel.replace(os.sep, "/"), _read(rel))
        add("PKG-INFO", _metadata().encode("utf-8"))
    return filename


