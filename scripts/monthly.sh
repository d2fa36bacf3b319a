#!/usr/bin/env bash
# The monthly pipeline on the committed sample data: builds Pulse (release), then runs
# pipelines/monthly-kpi.yml and publishes the last complete month under reports/YYYY-MM/
# (pass e.g. --period 2026-10 to choose the month; any `pulse run` option is passed on).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system-packages.sh
swift build -c release --product pulse >&2
exec .build/release/pulse run pipelines/monthly-kpi.yml "$@"
