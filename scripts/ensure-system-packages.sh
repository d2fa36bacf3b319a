#!/usr/bin/env bash
# Makes sure what Pulse builds and runs against is present. On Debian/Ubuntu as root, missing
# packages are installed with apt-get; otherwise the exact install line is printed.
set -euo pipefail

# Debian packages the build needs (headers and libraries linked by SwiftPM targets):
# the warehouse is SQLite through GRDB.swift, linked against the system libsqlite3; the workbooks
# (kpi-review.xlsx, QBRs) are written by libxlsxwriter; pkg-config finds both.
packages=(libsqlite3-dev libxlsxwriter-dev pkg-config)

if ! command -v swift >/dev/null 2>&1; then
  echo "error: Swift 6 is not on PATH. Install the Swift 6 toolchain (swift.org) and try again." >&2
  exit 1
fi
if ! swift --version 2>/dev/null | grep -q "Swift version [6-9]"; then
  echo "error: Pulse needs Swift 6 or later; found: $(swift --version 2>&1 | head -1)" >&2
  exit 1
fi

missing=()
for p in ${packages[@]+"${packages[@]}"}; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Shift_JIS/CP932 exports are decoded through glibc's iconv converters (gconv modules).
if ! iconv -l 2>/dev/null | grep -qw "CP932"; then
  missing+=("libc-bin" "libc6")
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing system packages: ${missing[*]}" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
  else
    echo "error: missing system packages. Install them with:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

# The tests read every workbook back with a real reader (openpyxl).
if [ "${PULSE_NEEDS_OPENPYXL:-0}" = 1 ] && ! python3 -c "import openpyxl" >/dev/null 2>&1; then
  echo "installing openpyxl (the tests read workbooks back with it)" >&2
  python3 -m pip install -q openpyxl >&2 2>/dev/null \
    || { [ "$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-openpyxl >&2; } \
    || { echo "error: the tests need openpyxl: python3 -m pip install openpyxl" >&2; exit 1; }
fi
