#!/usr/bin/env bash
# The Python package as a user gets it (issue 22):
#
#   bash scripts/python-check.sh
#
# Makes a fresh venv under /tmp, installs Agents/python with its `gym` extra
# from the repository (gymnasium and numpy from PyPI), and, outside the
# repository so that everything comes from the installed package: runs
# Agents/python/test_delve_gym.py (check_env on every registered task with
# each observation and action option, the vector env beside SyncVectorEnv),
# plays a `delve eval` with the `delve-random-agent` console script, and runs
# the training example's quick mode. DELVE is the binary (default: swift
# build's). Exits 0 when every check passed.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
say() { echo "python-check: $*" >&2; }
if [[ -z "${DELVE:-}" ]]; then
    swift build --product delve >/dev/null
    DELVE="$(swift build --show-bin-path)/delve"
fi
export DELVE
VENV=$(mktemp -d /tmp/delve-python-check.XXXXXX)
trap 'rm -rf "$VENV"' EXIT

say "installing Agents/python[gym] into $VENV"
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet "$REPO/Agents/python[gym]"
cd "$VENV"

say "Agents/python/test_delve_gym.py against the installed package"
cp "$REPO/Agents/python/test_delve_gym.py" "$VENV/"  # run from here, not beside the checkout's package
"$VENV/bin/python" "$VENV/test_delve_gym.py" 2>&1 | tee "$VENV/gym.log" >&2
grep -q "^testing $VENV/lib/" "$VENV/gym.log" || { say "the tests did not import the installed package"; exit 1; }

say "delve eval with the delve-random-agent console script"
PATH="$VENV/bin:$PATH" "$DELVE" eval --task grid/goto --episodes 2 --agent delve-random-agent --out "$VENV/runs" >/dev/null

say "examples/python/q_learning_grid.py --quick"
"$VENV/bin/python" "$REPO/examples/python/q_learning_grid.py" --quick
say "passed"
