#!/usr/bin/env bash
# The monthly pipeline on the committed sample data. Today Pulse has its extract stage, so this
# validates every input of pipelines/monthly-kpi.yml; later stages make it the full run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system-packages.sh
swift build -c release --product pulse >&2
exec .build/release/pulse validate pipelines/monthly-kpi.yml "$@"
