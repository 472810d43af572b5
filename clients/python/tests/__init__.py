# `python3 -m unittest` from clients/python tests the source tree, not an
# installed copy (tests/test_package.py checks the installed wheel).
import sys
from pathlib import Path

_SRC = str(Path(__file__).resolve().parents[1] / "src")
if _SRC not in sys.path:
    sys.path.insert(0, _SRC)
