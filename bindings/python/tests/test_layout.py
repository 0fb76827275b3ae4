"""The ctypes mirrors match the C structs: size and every field offset, as
a C compiler sees them; the dataclasses carry every field but size and
reserved ones."""
from __future__ import annotations

import ctypes
import dataclasses
import os
import shutil
import subprocess

import pytest

import acd
from acd import _structs as S

from conftest import REPO


def _include_dir():
    d = os.environ.get("ACD_INCLUDE_DIR") or str(REPO / "include")
    return d if os.path.exists(os.path.join(d, "acd.h")) else None


def test_offsets_match_c(tmp_path):
    cc = shutil.which("cc") or shutil.which("gcc")
    inc = _include_dir()
    if not cc or not inc:
        pytest.skip("needs a C compiler and the headers")
    lines = ["#include <stddef.h>", "#include <stdio.h>"]
    lines += [f"#include <{h}>" for h in sorted(os.listdir(inc)) if h.endswith(".h")]
    lines.append("int main(void) {")
    want = {}
    text = "".join(open(os.path.join(inc, h)).read() for h in os.listdir(inc) if h.endswith(".h"))
    for cname, py in S.ALL_STRUCTS.items():
        if f"typedef struct {cname} " not in text:
            continue  # a newer header than this tree has (the library lacks it too)
        lines.append(f'printf("{cname} %zu\\n", sizeof({cname}));')
        want[cname] = ctypes.sizeof(py)
        for fname, _ in py._fields_:
            key = f"{cname}.{fname}"
            lines.append(f'printf("{key} %zu\\n", offsetof({cname}, {fname}));')
            want[key] = getattr(py, fname).offset
    assert {"acd_center_config", "acd_action", "acd_stats"} <= set(want)
    lines += ["return 0;", "}"]
    src = tmp_path / "layout.c"
    src.write_text("\n".join(lines) + "\n")
    exe = tmp_path / "layout"
    subprocess.run([cc, "-std=c99", "-I", inc, str(src), "-o", str(exe)], check=True)
    out = subprocess.run([str(exe)], check=True, capture_output=True, text=True).stdout
    got = {k: int(v) for k, v in (line.split() for line in out.splitlines())}
    assert got == want


def test_init_functions_set_size():
    lib = acd._lib.get()
    for init, cls in [
        ("acd_center_config_init", S.CenterConfigC), ("acd_call_params_init", S.CallParamsC),
        ("acd_member_params_init", S.MemberParamsC), ("acd_agent_info_init", S.AgentInfoC),
        ("acd_call_info_init", S.CallInfoC), ("acd_action_init", S.ActionC),
        ("acd_queue_info_init", S.QueueInfoC), ("acd_stats_init", S.StatsC),
        ("acd_kpis_init", S.KpisC), ("acd_center_info_init", S.CenterInfoC),
    ]:
        s = cls()
        getattr(lib, init)(ctypes.byref(s))
        assert s.size == ctypes.sizeof(cls), init


def test_config_defaults():
    cfg = S.CenterConfigC()
    acd._lib.get().acd_center_config_init(ctypes.byref(cfg))
    assert (cfg.seed, cfg.start_time, cfg.interval_ms, cfg.interval_offset_ms,
            cfg.interval_history) == (1, 0, 900000, 0, 4)
    assert not cfg.allocator.alloc and not cfg.allocator.ud


def test_member_defaults_match_library():
    p = S.MemberParamsC()
    acd._lib.get().acd_member_params_init(ctypes.byref(p))
    d = acd.MemberParams()
    assert (p.position, p.weight, p.level) == (d.position, d.weight, d.level)


@pytest.mark.parametrize("dc,cs", [
    (acd.Action, S.ActionC), (acd.AgentInfo, S.AgentInfoC), (acd.CallInfo, S.CallInfoC),
    (acd.QueueInfo, S.QueueInfoC), (acd.CenterInfo, S.CenterInfoC), (acd.Stats, S.StatsC),
    (acd.Kpis, S.KpisC),
])
def test_dataclasses_carry_every_field(dc, cs):
    c_fields = [n for n, _ in cs._fields_ if n != "size" and not n.startswith("reserved")]
    assert [f.name for f in dataclasses.fields(dc)] == c_fields
