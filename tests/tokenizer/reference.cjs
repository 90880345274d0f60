// Encodes every string of a JSON array with the npm package tiktoken (encode_ordinary: special-token text is plain
// text) and prints {"cl100k_base": [[ids], ...], "o200k_base": [[ids], ...]}. The tokenizer tests compare Tessera's
// tokens with these. Usage: NODE_PATH=.../node_modules node reference.cjs corpus.json
const { readFileSync } = require("node:fs");
const { get_encoding } = require("tiktoken");

const corpus = JSON.parse(readFileSync(process.argv[2], "utf8"));
const result = {};
for (const name of ["cl100k_base", "o200k_base"]) {
    const encoding = get_encoding(name);
    result[name] = corpus.map((text) => Array.from(encoding.encode_ordinary(text)));
    encoding.free();
}
process.stdout.write(JSON.stringify(result));
