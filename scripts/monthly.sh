#!/usr/bin/env bash
# The monthly pipeline on the committed sample data: builds Pulse (release), then runs
# pipelines/monthly-kpi.yml and publishes the sample's last month (SAMPLE_MONTH below, whatever
# today's date) under reports/YYYY-MM/. Pass e.g. --period 2026-09 to choose another month; any
# `pulse run` option is passed on. On your own exports run `pulse run` directly (from cron, say):
# without --period it reports on the last complete month before today.
set -euo pipefail
cd "$(dirname "$0")/.."
# The last month sample-data/ covers (`pulse sample` writes 24 months ending 2026-10).
SAMPLE_MONTH=2026-10
bash scripts/ensure-system-packages.sh
swift build -c release --product pulse >&2
args=("$@")
has_period=0
for arg in "$@"; do
    case "$arg" in --period|--period=*) has_period=1 ;; esac
done
if [ "$has_period" = 0 ]; then args=(--period "$SAMPLE_MONTH" "${args[@]}"); fi
exec .build/release/pulse run pipelines/monthly-kpi.yml "${args[@]}"
