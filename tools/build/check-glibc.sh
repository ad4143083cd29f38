#!/usr/bin/env bash
# Fails when a binary needs a glibc symbol version above the oldest glibc the modules support
# (2.17, RHEL/CentOS 7 and the first aarch64 glibc), naming each symbol that needs more, or a
# shared library that is not part of glibc (a managed host may not have it).
# Reads the dynamic section and symbol table with readelf, which handles every architecture's ELF.
#   usage: check-glibc.sh [--max 2.17] BINARY...
set -euo pipefail

max=2.17
if [ "${1:-}" = --max ]; then max=$2; shift 2; fi
[ $# -gt 0 ] || { echo "usage: $0 [--max VERSION] BINARY..." >&2; exit 2; }

status=0
for bin in "$@"; do
  if ! symbols=$(readelf --dyn-syms --wide "$bin" 2>&1); then
    echo "FAIL $bin: not an ELF binary readelf can read: $symbols"
    status=1
    continue
  fi
  # Undefined symbols bound to a version, e.g. "UND log@GLIBC_2.29 (4)": an "over VERSION SYMBOL" line
  # for each one above max, then "top VERSION" (the highest version any symbol needs).
  verdict=$(awk -v max="$max" '
    function newer(a, b,   i, n, x, y) {   # is version a above version b (numeric, per component)?
      n = split(a, x, "."); split(b, y, ".")
      for (i = 1; i <= n || i in y; i++) { if (x[i] + 0 != y[i] + 0) return x[i] + 0 > y[i] + 0 }
      return 0
    }
    $7 == "UND" && $8 ~ /@GLIBC_[0-9]/ {
      v = $8; sub(/.*@GLIBC_/, "", v)
      if (newer(v, top)) top = v
      if (newer(v, max)) print "over", v, $8
    }
    END { print "top", (top == "" ? "(none)" : "GLIBC_" top) }' <<<"$symbols")
  top=$(awk '$1 == "top" { print $2 }' <<<"$verdict")
  over=$(awk '$1 == "over" { print "  " $3 }' <<<"$verdict" | sort -u)
  foreign=$(readelf --dynamic "$bin" | awk '/\(NEEDED\)/ { gsub(/[][]/, "", $NF); print $NF }' \
    | grep -Ev '^(libc|libm|libdl|libpthread|librt)\.so\.[0-9]+$|^ld-linux-(x86-64|aarch64)\.so\.[0-9]+$' || true)
  if [ -n "$over" ]; then
    echo "FAIL $bin needs $top (allowed: GLIBC_$max) for:"
    echo "$over"
    status=1
  fi
  if [ -n "$foreign" ]; then
    echo "FAIL $bin needs libraries outside glibc:" $foreign
    status=1
  fi
  if [ -z "$over$foreign" ]; then
    echo "ok   $bin needs $top at most"
  fi
done

if [ "$status" != 0 ]; then
  echo "Link against the sysroot (tools/build/sysroot.sh, make modules), bind any function named above" \
       "to an older version in tools/build/glibc/glibc_compat.c, and link other libraries statically." >&2
fi
exit "$status"
