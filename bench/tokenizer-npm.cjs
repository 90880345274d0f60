// Times the npm package tiktoken (encode_ordinary) on a corpus file, for scripts/bench-tokenizer.sh: prints one
// line of JSON per encoding with its throughput in MB/s. Usage: NODE_PATH=.../node_modules node tokenizer-npm.cjs FILE
const { readFileSync } = require("node:fs");
const { get_encoding } = require("tiktoken");

const text = readFileSync(process.argv[2], "utf8");
const bytes = Buffer.byteLength(text, "utf8");
for (const name of ["o200k_base", "cl100k_base"]) {
    const encoding = get_encoding(name);
    let tokens = encoding.encode_ordinary(text).length; // warm up
    const runs = 5;
    const start = process.hrtime.bigint();
    for (let i = 0; i < runs; ++i) {
        tokens = encoding.encode_ordinary(text).length;
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9 / runs;
    console.log(JSON.stringify({ encoding: name, tokens, ms: seconds * 1000, mb_per_s: bytes / seconds / 1e6 }));
    encoding.free();
}
