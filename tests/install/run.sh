#!/usr/bin/env bash
# Installs the build tree into a scratch prefix, then builds and runs a small
# consumer with find_package(claims) and with pkg-config, against each
# library the build installs (shared unless BUILD_SHARED_LIBS=OFF, static
# unless CLAIMS_BUILD_STATIC=OFF), and checks that nothing else was installed.
# Usage: run.sh BUILD_DIR SOURCE_DIR C_COMPILER [EXTRA_FLAGS]
set -euo pipefail
build=$1 src=$2 cc=$3 flags=${4:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

cmake --install "$build" --prefix "$prefix" >/dev/null
test -f "$prefix/include/claims.h"
test -x "$prefix/bin/claims"
cache_bool() { # the value of a BOOL option in the build's cache
  case "$(sed -n "s/^$1:BOOL=//p" "$build/CMakeCache.txt")" in
    ON|1|TRUE|YES|on|true|yes) echo 1 ;; *) echo 0 ;;
  esac
}
shared=$(cache_bool BUILD_SHARED_LIBS) static=$(cache_bool CLAIMS_BUILD_STATIC)
so=$(ls "$prefix"/lib*/libclaims.so.0 2>/dev/null || true)
archive=$(ls "$prefix"/lib*/libclaims.a 2>/dev/null || true)
[ "$shared" = 1 ] && [ -z "$so" ] && { echo "shared library not installed" >&2; exit 1; }
[ "$shared" = 0 ] && [ -n "$so" ] && { echo "shared library installed with BUILD_SHARED_LIBS=OFF" >&2; exit 1; }
[ "$static" = 1 ] && [ -z "$archive" ] && { echo "static library not installed" >&2; exit 1; }
[ "$static" = 0 ] && [ -n "$archive" ] && { echo "static library installed with CLAIMS_BUILD_STATIC=OFF" >&2; exit 1; }
[ -n "$so" ] && export LD_LIBRARY_PATH="$(dirname "$so")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

# 1. CMake: find_package(claims) gives claims::claims (the shared library,
#    or the archive in a static-only install) and claims::claims_static
cmake -S "$src/tests/install/consumer" -B "$work/cmake-build" \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_COMPILER="$cc" \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" >/dev/null
cmake --build "$work/cmake-build" >/dev/null
"$work/cmake-build/consumer"
[ -z "$archive" ] || "$work/cmake-build/consumer_static"

# 2. pkg-config
pcdir=$(dirname "$(ls "$prefix"/lib*/pkgconfig/claims.pc)")
export PKG_CONFIG_PATH="$pcdir"
# shellcheck disable=SC2046,SC2086
if [ -n "$so" ]; then
  "$cc" $flags "$src/tests/install/consumer.c" -o "$work/consumer-pc" \
    $(pkg-config --cflags --libs claims)
  "$work/consumer-pc"
fi
if [ -n "$archive" ]; then
  # shellcheck disable=SC2046,SC2086
  "$cc" $flags "$src/tests/install/consumer.c" -o "$work/consumer-pc-static" \
    $(pkg-config --cflags claims) -DCLAIMS_STATIC "$archive" \
    $(pkg-config --libs-only-l --static claims | sed 's/-lclaims//')
  "$work/consumer-pc-static"
fi

# 3. the installed tool runs the main job on its embedded corpus, with the
#    corpus's schema embedded too: the same report as from the files (named
#    as the embedded ones are, relative to the checkout)
"$prefix/bin/claims" reconcile > "$work/report.txt"
head -n 1 "$work/report.txt"
(cd "$src" && "$prefix/bin/claims" reconcile --schema examples/schemas/seed-corpus.json \
  corpus/*.json) > "$work/report-files.txt"
cmp "$work/report.txt" "$work/report-files.txt"

# 4. the Python binding, installed with pip (offline), against the installed
#    library found through the dynamic loader
if [ -z "$so" ]; then
  echo "python: no shared library installed; binding not checked"
elif command -v python3 >/dev/null && python3 -m pip --version >/dev/null 2>&1 &&
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
echo "install: find_package, pkg-config (${so:+shared}${so:+${archive:+, }}${archive:+static}), tool: ok"
