#!/usr/bin/env bash
# Set up PhysioHub with its test tools and run the test suite (extra pytest arguments pass through).
set -euo pipefail
cd "$(dirname "$0")"
PHYSIOHUB_TEST=1 scripts/setup.sh
exec .venv/bin/python -m pytest -q "$@"
