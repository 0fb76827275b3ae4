"""Runs last: a full run of the suite called every declared C function."""
from __future__ import annotations

from pathlib import Path

import pytest

import acd
from conftest import CALLED


def test_every_c_function_was_called(request):
    here = Path(__file__).parent
    wanted = {p.name for p in here.glob("test_*.py")}
    ran = {Path(str(item.fspath)).name for item in request.session.items}
    if ran != wanted or request.config.getoption("-k") or request.session.testsfailed:
        pytest.skip("only meaningful after a full, passing run")
    uncalled = sorted(set(acd._lib.PROTOTYPES) - CALLED - set(acd._lib.get().missing))
    assert uncalled == []
