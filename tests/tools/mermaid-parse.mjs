// Parse Mermaid files with Mermaid's own parser, one line per file on stdout: "FILE: TYPE" or
// "FILE: error: MESSAGE" (the message on one line); exit 1 if any file failed.
// `node mermaid-parse.mjs FILE...` (one process for many files: Mermaid takes a second to
// load); `nox -s diagrams` installs mermaid beside this script. Parsing needs no DOM: without a window DOMPurify has no hooks and
// sanitizes nothing, so those are stubbed before Mermaid loads.
import { readFileSync } from "node:fs";
import DOMPurify from "dompurify";

DOMPurify.addHook ??= () => {};
DOMPurify.removeHook ??= () => {};
DOMPurify.removeAllHooks ??= () => {};
DOMPurify.sanitize ??= (text) => text;
const { default: mermaid } = await import("mermaid");

let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    const result = await mermaid.parse(readFileSync(file, "utf8"));
    console.log(`${file}: ${result.diagramType}`);
  } catch (error) {
    failed = true;
    console.log(`${file}: error: ${String(error?.message ?? error).replace(/\s*\n\s*/g, " ")}`);
  }
}
process.exit(failed ? 1 : 0);
