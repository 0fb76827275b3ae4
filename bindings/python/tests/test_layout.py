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
        ("acd_center_config_init_size", S.CenterConfigC),
        ("acd_call_params_init_size", S.CallParamsC),
        ("acd_member_params_init_size", S.MemberParamsC),
        ("acd_agent_info_init_size", S.AgentInfoC),
        ("acd_call_info_init_size", S.CallInfoC), ("acd_action_init_size", S.ActionC),
        ("acd_queue_info_init_size", S.QueueInfoC), ("acd_stats_init_size", S.StatsC),
        ("acd_kpis_init_size", S.KpisC), ("acd_center_info_init_size", S.CenterInfoC),
        ("acd_tenant_info_init_size", S.TenantInfoC),
    ]:
        s = cls()
        getattr(lib, init)(ctypes.byref(s), ctypes.sizeof(s))
        assert s.size == ctypes.sizeof(cls), init


def test_every_init_size_has_a_mirror():
    """acd._lib.init covers every exported _init_size, each with the mirror
    of its struct, and passes the mirror's own size."""
    names = {n for n in acd._lib.PROTOTYPES if n.endswith("_init_size")}
    assert len(names) >= 20
    assert set(acd._lib.INIT_SIZE.values()) == names
    for cls, name in acd._lib.INIT_SIZE.items():
        assert acd._lib.PROTOTYPES[name][1][0]._type_ is cls, name
        # Every byte of the mirror is written (whatever was there before),
        # and the size is the mirror's.
        filled = cls()
        ctypes.memset(ctypes.byref(filled), 0xA5, ctypes.sizeof(filled))
        assert acd._lib.init(filled) is filled
        assert filled.size == ctypes.sizeof(cls), name
        clean = acd._lib.init(cls())
        assert ctypes.string_at(ctypes.byref(filled), ctypes.sizeof(cls)) == \
            ctypes.string_at(ctypes.byref(clean), ctypes.sizeof(cls)), name


def _before(fields, name):
    """The fields of a mirror that precede `name`: an older header's struct."""
    return fields[:[n for n, _ in fields].index(name)]


class _CallParamsV1(ctypes.Structure):
    """acd_call_params as the first header had it (no preferred agent):
    what a binding written for that header holds."""

    _fields_ = _before(S.CallParamsC._fields_, "preferred_agent")


class _CallInfoV1(ctypes.Structure):
    """acd_call_info before preferred_agent."""

    _fields_ = _before(S.CallInfoC._fields_, "preferred_agent")


class _StatsV1(ctypes.Structure):
    """acd_stats before the support-tier counters."""

    _fields_ = _before(S.StatsC._fields_, "escalated")


class _KpisV1(ctypes.Structure):
    """acd_kpis before the support-tier rates."""

    _fields_ = _before(S.KpisC._fields_, "escalation_rate")


def test_older_stats_and_kpis_are_filled_up_to_their_size(story):
    """acd_stats_get and acd_stats_kpis accept the first version's sizes
    and write no byte past them."""
    lib = acd._lib.get()
    c, q = story.c, story.q
    call = q.arrive(0)
    call.hangup(30_000)
    n = ctypes.sizeof(_StatsV1)
    buf = (ctypes.c_ubyte * (n + 32))(*([0xEE] * (n + 32)))
    sp = ctypes.cast(buf, ctypes.POINTER(S.StatsC))
    lib.acd_stats_init_size(sp, n)
    lib.acd_stats_get(c._c, acd.Scope.QUEUE, q.id, 0, sp)
    old = _StatsV1.from_buffer(buf)
    assert (old.size, old.offered, old.abandoned) == (n, 1, 1)
    assert bytes(buf[n:]) == b"\xee" * 32
    m = ctypes.sizeof(_KpisV1)
    kbuf = (ctypes.c_ubyte * (m + 16))(*([0xEE] * (m + 16)))
    kp = ctypes.cast(kbuf, ctypes.POINTER(S.KpisC))
    lib.acd_kpis_init_size(kp, m)
    lib.acd_stats_kpis(sp, kp)
    k = _KpisV1.from_buffer(kbuf)
    assert (k.size, k.abandon_rate) == (m, 1.0)
    assert bytes(kbuf[m:]) == b"\xee" * 16


def test_init_size_never_writes_past_the_callers_struct():
    """The point of _init_size: a struct from an older header gets only
    its own bytes written, and its own size; a newer one gets zeros past
    what the library knows."""
    lib = acd._lib.get()
    old = ctypes.sizeof(_CallParamsV1)
    assert old == S.CallParamsC.preferred_agent.offset
    buf = (ctypes.c_ubyte * (old + 32))(*([0xEE] * (old + 32)))
    lib.acd_call_params_init_size(ctypes.cast(buf, ctypes.POINTER(S.CallParamsC)), old)
    assert bytes(buf[old:]) == b"\xee" * 32
    v1 = _CallParamsV1.from_buffer(buf)
    assert v1.size == old and v1.priority == 0 and not v1.key
    # A size larger than the library's: defaults, then zeros, and that size.
    big = ctypes.sizeof(S.CallParamsC) + 16
    buf = (ctypes.c_ubyte * (big + 8))(*([0xEE] * (big + 8)))
    lib.acd_call_params_init_size(ctypes.cast(buf, ctypes.POINTER(S.CallParamsC)), big)
    assert ctypes.c_uint32.from_buffer(buf).value == big
    assert bytes(buf[4:big]) == bytes(big - 4)
    assert bytes(buf[big:]) == b"\xee" * 8
    # Too small to hold the size field: nothing is written.
    buf = (ctypes.c_ubyte * 4)(*([0xEE] * 4))
    lib.acd_call_info_init_size(ctypes.cast(buf, ctypes.POINTER(S.CallInfoC)), 3)
    assert bytes(buf) == b"\xee" * 4


def test_an_older_bindings_structs_still_work(story):
    """A binding built for the header without preferred agents keeps
    working: the library reads and fills only the sizes it is given."""
    lib = acd._lib.get()
    c, q, a, b = story.c, story.q, story.a, story.b
    a.login(0)
    b.login(1)
    p = _CallParamsV1()
    lib.acd_call_params_init_size(ctypes.cast(ctypes.byref(p), ctypes.POINTER(S.CallParamsC)),
                                  ctypes.sizeof(p))
    p.priority = 4
    out = ctypes.c_uint64()
    lib.acd_call_arrive(c._c, 10, q.id, ctypes.cast(ctypes.byref(p),
                                                    ctypes.POINTER(S.CallParamsC)),
                        ctypes.byref(out))
    call = c.call(out.value)
    assert [(x.type, x.call, x.agent) for x in c.actions()] == [
        (acd.ActionType.OFFER, call, a)]
    # An old acd_call_info is filled up to its size only.
    buf = (ctypes.c_ubyte * (ctypes.sizeof(S.CallInfoC)))(
        *([0xEE] * ctypes.sizeof(S.CallInfoC)))
    info = _CallInfoV1.from_buffer(buf)
    lib.acd_call_info_init_size(ctypes.cast(buf, ctypes.POINTER(S.CallInfoC)),
                                ctypes.sizeof(info))
    lib.acd_call_get_info(c._c, call.id, ctypes.cast(buf, ctypes.POINTER(S.CallInfoC)))
    assert (info.size, info.state, info.agent, info.priority) == (
        ctypes.sizeof(_CallInfoV1), acd.CallState.OFFERED, a.id, 4)
    assert set(buf[ctypes.sizeof(_CallInfoV1):]) == {0xEE}


def test_config_defaults():
    cfg = S.CenterConfigC()
    acd._lib.init(cfg)
    assert (cfg.seed, cfg.start_time, cfg.interval_ms, cfg.interval_offset_ms,
            cfg.interval_history) == (1, 0, 900000, 0, 4)
    assert not cfg.allocator.alloc and not cfg.allocator.ud


def test_member_defaults_match_library():
    p = S.MemberParamsC()
    acd._lib.init(p)
    d = acd.MemberParams()
    assert (p.position, p.weight, p.level) == (d.position, d.weight, d.level)


@pytest.mark.parametrize("dc,cs", [
    (acd.Action, S.ActionC), (acd.AgentInfo, S.AgentInfoC), (acd.CallInfo, S.CallInfoC),
    (acd.QueueInfo, S.QueueInfoC), (acd.CenterInfo, S.CenterInfoC), (acd.Stats, S.StatsC),
    (acd.Kpis, S.KpisC), (acd.TenantInfo, S.TenantInfoC),
])
def test_dataclasses_carry_every_field(dc, cs):
    c_fields = [n for n, _ in cs._fields_ if n != "size" and not n.startswith("reserved")]
    assert [f.name for f in dataclasses.fields(dc)] == c_fields
