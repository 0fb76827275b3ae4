#!/bin/sh
# check_symbols.sh - the exported-symbol checks of docs/abi.md.
#
#   check_symbols.sh check  <libacd.so> <exported_symbols.txt> [nm] [node]
#   check_symbols.sh update <libacd.so> <exported_symbols.txt> [nm] [node]
#   check_symbols.sh static <libacd.a>  ""                     [nm]
#
# check:  the defined dynamic symbols of the shared library (names only,
#         version suffix and the version node itself dropped, sorted) must
#         equal the list file; every one must be named acd_<something> and,
#         when nm shows versions, be bound to version node <node> (ACD_1).
# update: write that list into the list file (cmake --build build --target
#         update-symbols) after the same name checks.
# static: every global symbol defined in the static library must be acd_*
#         or acdi_* (no namespace pollution for hosts that link it).
set -eu

mode=${1:?mode}
lib=${2:?library}
list=${3-}
nm=${4:-nm}
node=${5-}

fail() {
    echo "check_symbols: $*" >&2
    exit 1
}

[ -f "$lib" ] || fail "no such library: $lib"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

if [ "$mode" = static ]; then
    "$nm" -g --defined-only "$lib" >"$tmp/nm" || fail "$nm failed on $lib"
    # Lines are "value type name"; object headers ("file.o:") have 1 field.
    awk 'NF >= 3 { print $3 }' "$tmp/nm" | LC_ALL=C sort -u >"$tmp/names"
    if grep -Ev '^acdi?_[A-Za-z0-9]' "$tmp/names" >"$tmp/bad"; then
        echo "global symbols of $lib outside the acd_/acdi_ namespace:" >&2
        sed 's/^/    /' "$tmp/bad" >&2
        fail "make them static, or prefix internal ones with acdi_"
    fi
    echo "libacd.a: $(wc -l <"$tmp/names") global symbols, all acd_/acdi_"
    exit 0
fi

[ -n "$list" ] || fail "no symbol list given"
"$nm" -D --defined-only "$lib" >"$tmp/nm" || fail "$nm -D failed on $lib"

# "value type name[@@NODE]"; the version node itself is an absolute (A)
# symbol named like the node.
awk 'NF >= 3 && !($2 == "A" && $3 ~ /^ACD_[0-9]/) { print $3 }' "$tmp/nm" \
    >"$tmp/raw"
sed 's/@.*//' "$tmp/raw" | LC_ALL=C sort -u >"$tmp/names"

if grep -Ev '^acd_[a-z0-9][a-z0-9_]*$' "$tmp/names" >"$tmp/bad"; then
    echo "exported symbols without the acd_ prefix (or acd__ internal):" >&2
    sed 's/^/    /' "$tmp/bad" >&2
    fail "only public acd_* functions may be exported (lib/acd.map)"
fi

if [ -n "$node" ] && grep -q '@' "$tmp/raw"; then
    if grep -Ev "@@?$node\$" "$tmp/raw" >"$tmp/bad"; then
        echo "symbols not bound to version node $node:" >&2
        sed 's/^/    /' "$tmp/bad" >&2
        fail "lib/acd.map and ACD_ABI_VERSION disagree"
    fi
fi

case $mode in
update)
    cp "$tmp/names" "$list"
    echo "wrote $(wc -l <"$list") symbols to $list"
    ;;
check)
    [ -f "$list" ] || fail "no such list: $list"
    if ! diff -u "$list" "$tmp/names" >"$tmp/diff"; then
        cat "$tmp/diff" >&2
        echo "The exported symbols differ from $list (- listed, + exported)." >&2
        echo "Removing or renaming a symbol breaks the ABI (docs/abi.md)." >&2
        echo "If the change is intended: cmake --build <build> --target update-symbols" >&2
        exit 1
    fi
    echo "libacd: $(wc -l <"$tmp/names") exported symbols match $list"
    ;;
*)
    fail "unknown mode: $mode"
    ;;
esac
