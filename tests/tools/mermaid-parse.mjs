// Parse a Mermaid file with Mermaid's own parser: exit 0 and print the diagram type, or exit 1
// with Mermaid's error. `node mermaid-parse.mjs FILE`; `nox -s diagrams` installs mermaid
// beside this script. Parsing needs no DOM: without a window DOMPurify has no hooks and
// sanitizes nothing, so those are stubbed before Mermaid loads.
import { readFileSync } from "node:fs";
import DOMPurify from "dompurify";

DOMPurify.addHook ??= () => {};
DOMPurify.removeHook ??= () => {};
DOMPurify.removeAllHooks ??= () => {};
DOMPurify.sanitize ??= (text) => text;
const { default: mermaid } = await import("mermaid");

try {
  const result = await mermaid.parse(readFileSync(process.argv[2], "utf8"));
  console.log(result.diagramType);
} catch (error) {
  console.error(String(error?.message ?? error));
  process.exit(1);
}
