#!/usr/bin/env bash
# Set up PhysioHub and run the hub: builds a demo hub (online: 123 curated landmark studies from PubMed;
# or `./hub.sh --from FILE...` with your own exports) and serves it on http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
exec .venv/bin/physiohub demo "$@"
