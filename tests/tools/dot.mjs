// Graphviz's `dot -Tsvg` (the only form lzgen calls) through @viz-js/viz, Graphviz compiled to
// WebAssembly: DOT on stdin, SVG on stdout, Graphviz's errors on stderr and exit 1.
// `nox -s diagrams` installs @viz-js/viz beside this script and puts it on PATH as `dot`.
import { readFileSync } from "node:fs";
import { instance } from "@viz-js/viz";

if (process.argv.slice(2).join(" ") !== "-Tsvg") {
  console.error(`dot.mjs implements only dot -Tsvg, not: ${process.argv.slice(2).join(" ")}`);
  process.exit(2);
}
const viz = await instance();
const result = viz.render(readFileSync(0, "utf8"), { format: "svg" });
for (const error of result.errors) console.error(`${error.level}: ${error.message}`);
if (result.status !== "success") process.exit(1);
process.stdout.write(result.output);
