#!/usr/bin/env bash
# libFuzzer on serve mode's framer, parser and dispatcher (Tests/Fuzz/ServerFuzz.swift).
#   bash Tests/Fuzz/run.sh [SECONDS]     # default 300; build and corpus under /tmp/delve-fuzz
# Builds DelveFormats, DelveCore, the families, DelveSuites, WorldCatalog and DelveProtocol with coverage
# instrumentation and AddressSanitizer, links the harness with libFuzzer, seeds
# the corpus with every request line of docs/protocol.md, and runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-300}
out=${DELVE_FUZZ_DIR:-/tmp/delve-fuzz}
mkdir -p "$out/modules" "$out/corpus"
flags=(-O -swift-version 6 -parse-as-library -sanitize=fuzzer,address -I "$out/modules")
module() {  # NAME SOURCES...
  local name=$1; shift
  swiftc "${flags[@]}" -wmo -module-name "$name" -emit-module -emit-module-path "$out/modules/$name.swiftmodule" \
    -c "$@" -o "$out/$name.o"
}
sources() { find "$@" -name '*.swift' | sort; }
# CChildProcess, a C target: its object, and a module map for Swift to import its header.
mkdir -p "$out/CChildProcess"
printf 'module CChildProcess {\n  header "%s"\n  export *\n}\n' "$PWD/Sources/CChildProcess/include/CChildProcess.h" > "$out/CChildProcess/module.modulemap"
clang -O2 -fsanitize=fuzzer-no-link,address -I Sources/CChildProcess/include -c Sources/CChildProcess/CChildProcess.c -o "$out/CChildProcess.o"
flags+=(-I "$out/CChildProcess" -I Sources/CZlib)
module DelveFormats $(sources Sources/DelveFormats)
module DelveCore $(sources Sources/DelveCore)
module GridWorld $(sources Worlds/Grid)
module CraftWorld $(sources Worlds/Craft)
module TextWorlds $(sources Worlds/Text)
module RulesWorld $(sources Worlds/Rules)
module DungeonWorld $(sources Worlds/Dungeon)
module DelveSuites $(sources Sources/DelveSuites)
module WorldCatalog $(sources Worlds/Catalog)
module DelveImage $(sources Sources/DelveImage)
module DelveProtocol $(sources Sources/DelveProtocol)
swiftc "${flags[@]}" Tests/Fuzz/ServerFuzz.swift "$out"/{CChildProcess,DelveFormats,DelveCore,GridWorld,CraftWorld,TextWorlds,RulesWorld,DungeonWorld,DelveSuites,WorldCatalog,DelveImage,DelveProtocol}.o -lm -lz -o "$out/server-fuzz"
i=0
while IFS= read -r line; do
  printf '%s\n' "$line" > "$out/corpus/spec-$i"; i=$((i + 1))
done < <(awk '/^```json (request|notification)$/{getline; print}' docs/protocol.md)
"$out/server-fuzz" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$out/corpus"
