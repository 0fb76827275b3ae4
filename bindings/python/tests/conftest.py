"""Shared fixtures.  The library is found as the package finds it
(ACD_LIBRARY, a bundled copy, the system loader); in a source tree with a
build/ directory and nothing else configured, build/libacd.so.1 is used."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

#: The repository root when the tests run from a source tree.
REPO = Path(__file__).resolve().parents[3]

if "ACD_LIBRARY" not in os.environ:
    _built = REPO / "build" / "libacd.so.1"
    try:
        import ctypes

        ctypes.CDLL("libacd.so.1")
    except OSError:
        if _built.exists():
            os.environ["ACD_LIBRARY"] = str(_built)

import acd  # noqa: E402  (after the environment is set)


@pytest.fixture
def center() -> Iterator[acd.Center]:
    """A default center, checked for consistency at the end of the test."""
    with acd.Center() as c:
        yield c
        c.check()


class Story:
    """A small center most tests start from: queue `q` (15 s offers), skills
    `en` and `fr`, agents `a` (en 5) and `b` (fr 5), both members of `q` and
    logged out."""

    def __init__(self, c: acd.Center):
        self.c = c
        self.q = c.add_queue("q")
        self.en = c.add_skill("en")
        self.fr = c.add_skill("fr")
        self.a = c.add_agent("a")
        self.b = c.add_agent("b")
        self.a.set_skill(0, self.en, 5)
        self.b.set_skill(0, self.fr, 5)
        self.a.join_queue(0, self.q)
        self.b.join_queue(0, self.q)

    def drain(self) -> list:
        return list(self.c.actions())


@pytest.fixture
def story(center: acd.Center) -> Story:
    return Story(center)


# ---- Every C function must be exercised -------------------------------------------
# Each declared C function is wrapped to record that it was called;
# test_zz_coverage.py (run last) checks that a full run called them all.
CALLED: set = set()


def _count_calls() -> None:
    lib = acd._lib.get()
    for name in acd._lib.PROTOTYPES:
        fn = getattr(lib, name)

        def wrapper(*args, _fn=fn, _name=name):
            CALLED.add(_name)
            return _fn(*args)

        wrapper.__name__ = name
        setattr(lib, name, wrapper)


_count_calls()
