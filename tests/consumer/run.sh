#!/bin/sh
# run.sh - install a libacd build into a scratch prefix and build and run a
# consumer against it, once with pkg-config and a bare compiler line, once as
# a CMake project using find_package(acd).  Run by ctest (install_consumer):
#
#   run.sh <build-dir> <work-dir> <libdir> <cmake> <generator> <cc> <abi> <kind>
#
# <libdir> is CMAKE_INSTALL_LIBDIR, <kind> "shared" or "static" (which
# library acd::acd and -lacd resolve to).  Exit 77 (ctest skip) when
# pkg-config is missing.
set -eu

build=${1:?build dir}
work=${2:?work dir}
libdir=${3:?libdir}
cmake=${4:?cmake}
generator=${5:?generator}
cc=${6:?C compiler}
abi=${7:?ABI version}
kind=${8:?shared or static}
src=$(cd "$(dirname "$0")" && pwd)

if ! command -v pkg-config >/dev/null 2>&1; then
    echo "pkg-config not found: skipping the consumer test"
    exit 77
fi

step() { echo "== $*"; }

rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix
case $libdir in
/*) lib=$libdir ;;
*) lib=$prefix/$libdir ;;
esac

step "install into $prefix"
"$cmake" --install "$build" --prefix "$prefix"
for f in "$prefix/include/acd.h" "$lib/pkgconfig/acd.pc" \
         "$lib/cmake/acd/acdConfig.cmake" "$lib/libacd.a"; do
    [ -f "$f" ] || { echo "missing after install: $f" >&2; exit 1; }
done
if [ "$kind" = shared ]; then
    [ -e "$lib/libacd.so" ] && [ -e "$lib/libacd.so.$abi" ] ||
        { echo "missing libacd.so or libacd.so.$abi in $lib" >&2; exit 1; }
fi

LD_LIBRARY_PATH=$lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export LD_LIBRARY_PATH

step "pkg-config"
PKG_CONFIG_PATH=$lib/pkgconfig
export PKG_CONFIG_PATH
pkg-config --exists --print-errors acd
echo "acd $(pkg-config --modversion acd): $(pkg-config --cflags --libs acd)"
# shellcheck disable=SC2046  # word splitting of the flags is wanted
"$cc" $(pkg-config --cflags acd) -o "$work/consumer_pc" "$src/main.c" \
    $(pkg-config --libs acd)
"$work/consumer_pc"
if [ "$kind" = shared ] && command -v readelf >/dev/null 2>&1; then
    readelf -d "$work/consumer_pc" | grep -q "NEEDED.*\[libacd\.so\.$abi\]" ||
        { echo "consumer_pc does not need libacd.so.$abi" >&2; exit 1; }
fi

step "find_package(acd)"
"$cmake" -S "$src" -B "$work/build" -G "$generator" \
    -DCMAKE_C_COMPILER="$cc" -DCMAKE_PREFIX_PATH="$prefix"
"$cmake" --build "$work/build"
"$work/build/consumer_default"
"$work/build/consumer_static"

step "ok"
