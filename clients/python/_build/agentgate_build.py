"""A PEP 517 build backend in a page, standard library only.

The package has no dependencies and is pure Python, so building it needs only
zipfile and tarfile. Using setuptools or hatchling would need them installed
(this checkout builds offline, and the interpreter here has setuptools 65
without ``wheel``); see docs/decisions/180-python-client-build-backend.md.
Metadata comes from pyproject.toml's [project] table (tomllib: building needs
Python 3.11+; the wheel itself runs on 3.10+).
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "agentgate"
# Reproducible archives: SOURCE_DATE_EPOCH if set, else 1980-01-01 (zip's floor).
EPOCH = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))


def _project() -> dict:
    import tomllib

    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]


def _metadata() -> str:
    p = _project()
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {p['name']}",
        f"Version: {p['version']}",
        f"Summary: {p['description']}",
        f"Requires-Python: {p['requires-python']}",
        f"License: {p['license']['text']}",
    ]
    lines += [f"Classifier: {c}" for c in p.get("classifiers", [])]
    lines.append("Description-Content-Type: text/markdown")
    return "\n".join(lines) + "\n\n" + (ROOT / p["readme"]).read_text(encoding="utf-8")


def _dist_name() -> str:
    p = _project()
    return f"{p['name'].replace('-', '_')}-{p['version']}"


def _package_files() -> list[Path]:
    src = ROOT / "src" / PACKAGE
    return sorted(f for f in src.rglob("*") if f.is_file() and "__pycache__" not in f.parts and f.suffix in (".py", ".typed"))


def _record_hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    d = Path(metadata_directory) / f"{_dist_name()}.dist-info"
    d.mkdir(parents=True, exist_ok=True)
    (d / "METADATA").write_text(_metadata(), encoding="utf-8")
    (d / "WHEEL").write_text(_wheel_file(), encoding="utf-8")
    return d.name


def _wheel_file() -> str:
    return "Wheel-Version: 1.0\nGenerator: agentgate_build\nRoot-Is-Purelib: true\nTag: py3-none-any\n"


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    name = _dist_name()
    info = f"{name}.dist-info"
    filename = f"{name}-py3-none-any.whl"
    entries: list[tuple[str, bytes]] = []
    for f in _package_files():
        entries.append((f"{PACKAGE}/{f.relative_to(ROOT / 'src' / PACKAGE).as_posix()}", f.read_bytes()))
    entries.append((f"{info}/METADATA", _metadata().encode()))
    entries.append((f"{info}/WHEEL", _wheel_file().encode()))
    record = "".join(f"{n},{_record_hash(b)},{len(b)}\n" for n, b in entries) + f"{info}/RECORD,,\n"
    entries.append((f"{info}/RECORD", record.encode()))
    stamp = time.gmtime(max(EPOCH, 315532800))[:6]
    os.makedirs(wheel_directory, exist_ok=True)
    with zipfile.ZipFile(Path(wheel_directory) / filename, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in entries:
            zi = zipfile.ZipInfo(n, date_time=stamp)
            zi.external_attr = 0o644 << 16
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, b)
    return filename


def build_sdist(sdist_directory, config_settings=None):
    name = _dist_name()
    filename = f"{name}.tar.gz"
    files = [ROOT / "pyproject.toml", ROOT / "README.md", ROOT / "_build" / "agentgate_build.py"]
    files += _package_files()
    files += sorted(f for f in (ROOT / "tests").glob("*.py"))
    os.makedirs(sdist_directory, exist_ok=True)
    with tarfile.open(Path(sdist_directory) / filename, "w:gz", format=tarfile.PAX_FORMAT) as tar:

        def add(arcname: str, data: bytes) -> None:
            ti = tarfile.TarInfo(f"{name}/{arcname}")
            ti.size, ti.mtime, ti.mode = len(data), EPOCH, 0o644
            tar.addfile(ti, io.BytesIO(data))

        add("PKG-INFO", _metadata().encode())
        for f in files:
            add(f.relative_to(ROOT).as_posix(), f.read_bytes())
    return filename
