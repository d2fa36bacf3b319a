#!/usr/bin/env bash
# Builds Pulse and runs every test (unit, ingest on the real exports in ../shared/data, and the
# end-to-end command tests).
set -euo pipefail
cd "$(dirname "$0")/.."
PULSE_NEEDS_OPENPYXL=1 bash scripts/ensure-system-packages.sh
swift build --build-tests
exec swift test --skip-build "$@"
