"""examples/demo.py prints exactly tests/data/demo.expected, like the C demo."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import REPO


def test_demo_output_is_byte_identical():
    demo = REPO / "examples" / "demo.py"
    expected = REPO / "tests" / "data" / "demo.expected"
    if not demo.exists() or not expected.exists():
        pytest.skip("not running from a libacd source tree")
    out = subprocess.run([sys.executable, str(demo)], capture_output=True, timeout=60)
    assert out.returncode == 0, out.stderr.decode()
    assert out.stderr == b""
    assert out.stdout == expected.read_bytes()
