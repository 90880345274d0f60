// Writes resources/tokenizers/{cl100k_base,o200k_base}.tiktoken from the MIT-licensed npm package `tiktoken`
// (its encoders/*.json hold the same ranks in a compact form). Run at development time only, when the ranks are
// to be refreshed:  npm pack tiktoken@1.0.22 && tar xzf tiktoken-1.0.22.tgz && node make-tokenizer-ranks.mjs package
// Each file is checked against the SHA-256 that OpenAI publishes for it (tiktoken_ext/openai_public.py).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const expected = {
    cl100k_base: "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
    o200k_base: "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
};
const packageDir = process.argv[2];
if (!packageDir) {
    console.error("usage: node make-tokenizer-ranks.mjs PATH/TO/tiktoken/package");
    process.exit(2);
}
const out = join(dirname(fileURLToPath(import.meta.url)), "..", "resources", "tokenizers");
for (const [name, hash] of Object.entries(expected)) {
    const { bpe_ranks: compact } = JSON.parse(readFileSync(join(packageDir, "encoders", `${name}.json`), "utf8"));
    // "! START tok tok ..." groups: consecutive ranks from START, each token in base64.
    const lines = [];
    for (const group of compact.split("\n").filter(Boolean)) {
        const [, start, ...tokens] = group.split(" ");
        tokens.forEach((token, i) => lines.push(`${token} ${Number(start) + i}\n`));
    }
    const text = lines.join("");
    const actual = createHash("sha256").update(text).digest("hex");
    if (actual !== hash) {
        console.error(`${name}: SHA-256 ${actual} is not OpenAI's ${hash}`);
        process.exit(1);
    }
    writeFileSync(join(out, `${name}.tiktoken`), text);
    console.log(`${name}: ${lines.length} ranks, SHA-256 ${actual}`);
}
