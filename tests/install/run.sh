#!/usr/bin/env bash
# Installs the build tree into a scratch prefix, then builds and runs a small
# consumer with find_package(claims) (shared and static) and with pkg-config.
# Usage: run.sh BUILD_DIR SOURCE_DIR C_COMPILER [EXTRA_FLAGS]
set -euo pipefail
build=$1 src=$2 cc=$3 flags=${4:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

cmake --install "$build" --prefix "$prefix" >/dev/null
test -f "$prefix/include/claims.h"
test -x "$prefix/bin/claims"
ls "$prefix"/lib*/libclaims.so.0 >/dev/null
export LD_LIBRARY_PATH="$(dirname "$(ls "$prefix"/lib*/libclaims.so.0)")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

# 1. CMake: find_package(claims) gives claims::claims and claims::claims_static
cmake -S "$src/tests/install/consumer" -B "$work/cmake-build" \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_COMPILER="$cc" \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" >/dev/null
cmake --build "$work/cmake-build" >/dev/null
"$work/cmake-build/consumer"
"$work/cmake-build/consumer_static"

# 2. pkg-config
pcdir=$(dirname "$(ls "$prefix"/lib*/pkgconfig/claims.pc)")
export PKG_CONFIG_PATH="$pcdir"
# shellcheck disable=SC2046,SC2086
"$cc" $flags "$src/tests/install/consumer.c" -o "$work/consumer-pc" \
  $(pkg-config --cflags --libs claims)
"$work/consumer-pc"
# shellcheck disable=SC2046,SC2086
"$cc" $flags "$src/tests/install/consumer.c" -o "$work/consumer-pc-static" \
  $(pkg-config --cflags claims) -DCLAIMS_STATIC "$(ls "$prefix"/lib*/libclaims.a)" \
  $(pkg-config --libs-only-l --static claims | sed 's/-lclaims//')
"$work/consumer-pc-static"

# 3. the installed tool runs the main job on its embedded corpus
"$prefix/bin/claims" reconcile > "$work/report.txt"
head -n 1 "$work/report.txt"

# 4. the Python binding, installed with pip (offline), against the installed
#    library found through the dynamic loader
if command -v python3 >/dev/null && python3 -m pip --version >/dev/null 2>&1 &&
   [ -z "${CLAIMS_SKIP_PYTHON:-}" ]; then
  python3 -m pip install -q --no-index --no-deps --target "$work/py" "$src/python" >/dev/null
  preload=()
  [ -n "${CLAIMS_PY_PRELOAD:-}" ] &&
    preload=(LD_PRELOAD="$CLAIMS_PY_PRELOAD" ASAN_OPTIONS=detect_leaks=0)
  (cd "$work" && env -u LIBCLAIMS_LIBRARY "${preload[@]}" PYTHONPATH="$work/py" python3 -c '
import claims
# the library the process actually mapped: the installed one
lib = [l.split()[-1] for l in open("/proc/self/maps") if "libclaims.so" in l][0]
assert "/prefix/" in lib, lib
v = claims.normalize("duration", "about four minutes")
assert v.normalized == "240", v
print("python: claims", claims.__version__ if hasattr(claims, "__version__") else "", "from", lib)')
else
  echo "python: pip not available; binding not checked against the installed tree"
fi
echo "install: find_package (shared, static), pkg-config (shared, static), tool, python: ok"
