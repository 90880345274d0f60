#!/usr/bin/env bash
# Tessera's tokenizer and the npm package tiktoken side by side, in one run, on one corpus (about 1 MB that
# tessera-bench writes): prints both throughputs and their ratio (the target is at least 2×). Needs what
# scripts/test.sh installs (the npm package in build/dev/tiktoken or build/ci/tiktoken).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh --tests
cmake --preset ci >/dev/null
cmake --build --preset ci --target tessera-bench -j "${TESSERA_JOBS:-2}"
reference=build/ci/tiktoken
if [ ! -f "$reference/node_modules/tiktoken/package.json" ]; then
    mkdir -p "$reference"
    cp tests/tokenizer/package.json tests/tokenizer/package-lock.json "$reference/"
    (cd "$reference" && npm ci --no-audit --no-fund --loglevel=error)
fi
corpus=build/ci/tokenizer-corpus.txt
TESSERA_TOKENIZER_CORPUS="$corpus" build/ci/bench/tessera-bench --benchmark_filter='Tokenizer' \
    --benchmark_repetitions=3 --benchmark_report_aggregates_only=true --benchmark_format=json \
    --benchmark_out=build/ci/tokenizer-bench.json --benchmark_out_format=json >/dev/null
NODE_PATH="$reference/node_modules" node bench/tokenizer-npm.cjs "$corpus" >build/ci/tokenizer-npm.json
node - build/ci/tokenizer-bench.json build/ci/tokenizer-npm.json "$corpus" <<'JS'
const fs = require("node:fs");
const [benchFile, npmFile, corpusFile] = process.argv.slice(2);
const bytes = fs.statSync(corpusFile).size;
const ours = JSON.parse(fs.readFileSync(benchFile, "utf8")).benchmarks.filter((b) => b.aggregate_name === "median");
const npm = fs.readFileSync(npmFile, "utf8").trim().split("\n").map((line) => JSON.parse(line));
console.log(`corpus: ${(bytes / 1e6).toFixed(2)} MB`);
for (const theirs of npm) {
    const mine = ours.find((b) => b.label === theirs.encoding);
    const mbPerS = mine.bytes_per_second / 1e6;
    console.log(`${theirs.encoding}: Tessera ${mbPerS.toFixed(1)} MB/s (${mine.tokens} tokens), npm tiktoken ` +
        `${theirs.mb_per_s.toFixed(1)} MB/s (${theirs.tokens} tokens): ${(mbPerS / theirs.mb_per_s).toFixed(1)}×`);
    if (mine.tokens !== theirs.tokens) {
        console.log(`  the token counts differ`);
        process.exitCode = 1;
    }
}
JS
