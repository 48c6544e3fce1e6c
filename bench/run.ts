// `npm run bench -- <name>` runs bench/<name>.bench.ts (see bench/README.md).
import fs from "node:fs";
import path from "node:path";

const name = process.argv[2];
const available = fs.readdirSync(import.meta.dirname).filter((f) => f.endsWith(".bench.ts")).map((f) => f.replace(".bench.ts", ""));
if (!name || !available.includes(name)) {
  console.error(`Укажите замер: npm run bench -- <${available.join("|")}>`);
  process.exit(2);
}
await import(path.join(import.meta.dirname, `${name}.bench.ts`));
