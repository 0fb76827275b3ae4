"""Loading the library, versions, status texts, static names and enums."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import acd
from acd import _lib

from conftest import REPO


def _real_library_path() -> str:
    """The file the running process loaded libacd from."""
    path = acd.library_path()
    if os.path.isabs(path):
        return path
    with open("/proc/self/maps") as maps:
        for line in maps:
            if "libacd.so" in line:
                return line.split()[-1]
    pytest.skip("cannot tell where libacd was loaded from")


def _run(code: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=60)


def _clean_env() -> dict:
    env = dict(os.environ)
    env.pop("ACD_LIBRARY", None)
    env.pop("LD_LIBRARY_PATH", None)
    return env


def test_version():
    assert acd.version() == 100  # 0.1.0: MAJOR*10000 + MINOR*100 + PATCH
    assert acd.version_string() == "0.1.0"
    assert acd.__version__ == acd.version_string()


def test_strerror_every_status():
    texts = {s: acd.strerror(s) for s in acd.Status}
    assert all(texts.values())
    assert len(set(texts.values())) == len(texts)
    assert acd.strerror(9999) == "unknown status"


def test_names_match_enums():
    for t in acd.ActionType:
        assert acd.action_type_name(t) == t.name
    for s in acd.AgentState:
        assert acd.agent_state_name(s) == s.name
    for s in acd.CallState:
        assert acd.call_state_name(s) == s.name
    assert acd.action_type_name(0) == "?"
    assert acd.agent_state_name(77) == "?"
    assert acd.call_state_name(0) == "?"


def _headers():
    """The public headers: $ACD_INCLUDE_DIR, else the source tree's."""
    return sorted(Path(os.environ.get("ACD_INCLUDE_DIR") or REPO / "include").glob("*.h"))


def test_enum_values_match_header():
    """Every enum constant of the headers has the same value here."""
    text = "\n".join(p.read_text() for p in _headers())
    if not text:
        pytest.skip("headers not available")
    prefixes = {
        acd.Status: "ACD_ERR_", acd.AgentState: "ACD_AGENT_", acd.CallState: "ACD_CALL_",
        acd.ActionType: "ACD_ACTION_", acd.OfferKind: "ACD_OFFER_",
        acd.CancelReason: "ACD_CANCEL_", acd.ExitReason: "ACD_EXIT_",
        acd.CenterOption: "ACD_OPT_", acd.QueueOption: "ACD_QOPT_",
        acd.Strategy: "ACD_STRATEGY_", acd.Scope: "ACD_SCOPE_", acd.SlVariant: "ACD_SL_",
    }
    for enum_cls, prefix in prefixes.items():
        found = {m.group(1): int(m.group(2))
                 for m in re.finditer(r"\b" + prefix + r"(\w+)\s*=\s*(\d+)", text)}
        if enum_cls is acd.Status:
            found["OK"] = 0
        assert found == {m.name: m.value for m in enum_cls}, enum_cls
    for name, value in [("TIME_NEVER", 2**63 - 1), ("LEVEL_MAX", 100), ("MAX_NAME", 255)]:
        assert getattr(acd, name) == value
    for name in ("MAX_SKILLS_PER_AGENT", "MAX_SKILLS_PER_CALL", "MAX_ROUTE_STEPS",
                 "MAX_TIER_LEVEL", "STATS_REASONS"):
        m = re.search(r"#define ACD_" + name + r"\s+(\d+)", text)
        assert m and int(m.group(1)) == getattr(acd, name)
    assert "#define ACD_TRANSFER_KEEP_ARRIVAL 1u" in text
    assert "#define ACD_TRANSFER_KEEP_SKILLS 2u" in text


def test_error_classes():
    for s in acd.Status:
        if s == acd.Status.OK:
            continue
        e = acd.errors.error_for_status(s, "acd_x")
        assert isinstance(e, acd.AcdError)
        assert e.status == s and type(e).status == s
        assert str(e) == "acd_x: " + acd.strerror(s)
    assert isinstance(acd.errors.error_for_status(3), LookupError)
    assert isinstance(acd.errors.error_for_status(1), ValueError)
    assert isinstance(acd.errors.error_for_status(2), MemoryError)
    assert type(acd.errors.error_for_status(500)) is acd.AcdError


def test_every_header_function_is_declared():
    """Every ACD_API function of include/*.h is in PROTOTYPES with the same
    number of parameters (and nothing else is)."""
    headers = _headers()
    if not headers:
        pytest.skip("headers not available")
    declared = {}
    for h in headers:
        text = re.sub(r"/\*.*?\*/", "", h.read_text(), flags=re.S)
        for m in re.finditer(r"ACD_API\s+[^;(]*?\b(acd_\w+)\s*\(([^)]*)\)\s*;", text):
            params = m.group(2).strip()
            declared[m.group(1)] = 0 if params in ("", "void") else params.count(",") + 1
    assert declared, "no ACD_API declarations found"
    assert sorted(set(declared) - set(_lib.PROTOTYPES)) == []  # unbound functions
    for name, n in declared.items():
        assert len(_lib.PROTOTYPES[name][1]) == n, name
    # Declared here but in no header: only for a library that lacks them too
    # (older headers and library, e.g. a tree without the simulator yet).
    extra = set(_lib.PROTOTYPES) - set(declared)
    assert extra <= set(_lib.get().missing)
    assert set(_lib.get().missing) <= extra


def test_missing_function_raises():
    lib = _lib.Library.__new__(_lib.Library)
    fn = _lib._missing("acd_future")
    with pytest.raises(NotImplementedError):
        fn(1)
    with pytest.raises(AttributeError):
        lib.acd_not_declared


def test_load_order_env_var_wins(tmp_path):
    env = _clean_env()
    env["ACD_LIBRARY"] = str(tmp_path / "nope.so")
    r = _run("import acd\ntry:\n acd.version()\nexcept acd.LibraryNotFound as e:\n print('LNF', e)", env)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("LNF") and "nope.so" in r.stdout
    assert "ACD_LIBRARY" in r.stdout


def test_load_order_package_copy(tmp_path):
    """Without ACD_LIBRARY, a copy inside the package directory is used."""
    real = _real_library_path()
    pkg = tmp_path / "acd"
    shutil.copytree(Path(acd.__file__).parent, pkg,
                    ignore=shutil.ignore_patterns("__pycache__", "libacd*"))
    shutil.copy(real, pkg / "libacd.so.1")
    env = _clean_env()
    env["PYTHONPATH"] = str(tmp_path)
    r = _run("import acd; print(acd.library_path()); print(acd.version())", env)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == [str(pkg / "libacd.so.1"), "100"]


def test_load_order_system_loader(tmp_path):
    """Without ACD_LIBRARY or a copy, the system loader finds libacd.so.1."""
    real = _real_library_path()
    shutil.copy(real, tmp_path / "libacd.so.1")
    env = _clean_env()
    env["LD_LIBRARY_PATH"] = str(tmp_path)
    here = Path(acd.__file__).parent
    if any(here.glob("libacd*")):
        pytest.skip("this installation bundles the library")
    r = _run("import acd; print(acd.library_path()); print(acd._lib.candidates())", env)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == "libacd.so.1"


def test_import_without_library(tmp_path):
    """Enums and exceptions work without the shared library."""
    env = _clean_env()
    env["ACD_LIBRARY"] = str(tmp_path / "missing.so")
    r = _run("import acd; print(acd.ActionType.OFFER.value, acd.NotFound.__mro__[1].__name__,"
             " str(acd.errors.error_for_status(3)))", env)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["1", "AcdError", "libacd", "error"]


def test_ints_a_c_type_cannot_hold_raise_range_error(story):
    """ctypes would wrap them into other, valid-looking values: 2**32 + 1
    as an int32_t reason would become 1."""
    c, a = story.c, story.a
    a.login(0)
    with pytest.raises(acd.RangeError):
        a.set_not_ready(1, 2**32 + 1)
    assert a.info().state == acd.AgentState.AVAILABLE
    with pytest.raises(acd.RangeError):
        c.advance(2**63)
    with pytest.raises(acd.RangeError):
        story.q.set_option(acd.QueueOption.WRAPUP_MS, -2**63 - 1)
    with pytest.raises(acd.RangeError):
        acd._lib.get().acd_agent_login(c._c, 2, -1)
    assert c.now == 0
