"""The package builds from the tree (an sdist, and a wheel from that sdist, with
pip's isolated PEP 517 build, offline), installs into a temp dir, and imports
there with its py.typed marker."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import tempfile
import unittest
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _has_pip() -> bool:
    return subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True).returncode == 0


@unittest.skipIf(sys.version_info < (3, 11), "building needs tomllib (3.11+); the wheel itself runs on 3.10")
class Package(unittest.TestCase):
    def test_sdist_then_wheel_then_install_and_import(self) -> None:
        with tempfile.TemporaryDirectory(prefix="agentgate-py-pkg-") as tmp:
            t = Path(tmp)
            out = subprocess.run(
                [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT / '_build')!r}); import agentgate_build; print(agentgate_build.build_sdist({str(t / 'sdist')!r}))"],
                capture_output=True,
                text=True,
                check=True,
            )
            sdist = t / "sdist" / out.stdout.strip()
            with tarfile.open(sdist) as tar:
                names = tar.getnames()
                self.assertIn("agentgate-0.1.0/src/agentgate/py.typed", names)
                self.assertIn("agentgate-0.1.0/PKG-INFO", names)
                tar.extractall(t / "src", filter="data")
            unpacked = t / "src" / "agentgate-0.1.0"

            if not _has_pip():
                self.skipTest("pip is not installed: the sdist was checked, the wheel is not built")
            env = dict(os.environ, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
            subprocess.run(
                [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(t / "wheel"), str(unpacked)],
                check=True,
                env=env,
                capture_output=True,
            )
            wheels = list((t / "wheel").glob("*.whl"))
            self.assertEqual([w.name for w in wheels], ["agentgate-0.1.0-py3-none-any.whl"])
            with zipfile.ZipFile(wheels[0]) as z:
                self.assertIn("agentgate/py.typed", z.namelist())
                meta = z.read("agentgate-0.1.0.dist-info/METADATA").decode()
                self.assertIn("Requires-Python: >=3.10", meta)
                self.assertNotIn("Requires-Dist", meta)  # standard library only

            subprocess.run(
                [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(t / "site"), str(wheels[0])],
                check=True,
                env=env,
                capture_output=True,
            )
            probe = (
                "import json, sys, agentgate, pathlib; "
                "print(json.dumps({'file': agentgate.__file__, 'version': agentgate.__version__, "
                "'typed': (pathlib.Path(agentgate.__file__).parent / 'py.typed').exists(), "
                "'api': hasattr(agentgate.Agentgate, 'validate') and hasattr(agentgate.Agentgate, 'replay')}))"
            )
            res = subprocess.run(
                [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(t / 'site')!r}); {probe}"],
                capture_output=True,
                text=True,
                check=True,
                cwd=tmp,
            )
            got = json.loads(res.stdout)
            self.assertTrue(got["file"].startswith(str(t / "site")), got)
            self.assertEqual(got["version"], "0.1.0")
            self.assertTrue(got["typed"])
            self.assertTrue(got["api"])


if __name__ == "__main__":
    unittest.main()
