// The widget loader's weight as sites download it: raw, gzip and brotli, as served by the route
// (comments stripped). Run: npm run bench -- widget-loader. Goal: under 2.5 KB gzipped (issues 6, 21). No server needed.
import fs from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import { stripLoaderSource } from "../lib/widget/loader-strip";
import { bannerTextOf, variantById, widgetCode } from "../lib/widget/banner";

const code = stripLoaderSource(fs.readFileSync(path.join(import.meta.dirname, "..", "lib", "widget", "loader.js"), "utf8"));
const embed = widgetCode({ portalOrigin: "https://pos.example.ru", lkoId: 300123, variant: variantById(17)!, banner: bannerTextOf(null) });

function sizes(label: string, text: string) {
  const raw = Buffer.byteLength(text);
  const gzip = gzipSync(text, { level: 9 }).length;
  const brotli = brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { label, raw, gzip, brotli };
}

const rows = [sizes("загрузчик /widget/script.min.js", code), sizes("код для сайта (стиль + разметка + вызов)", embed)];
console.table(rows.map((r) => ({ "что": r.label, "байт": r.raw, "gzip -9": r.gzip, "brotli 11": r.brotli })));

// Parse + evaluate cost in this process (no DOM): a rough upper bound for the script's own work.
const runs = 2000;
const t0 = performance.now();
for (let i = 0; i < runs; i++) new Function("window", "document", code);
const parseMs = (performance.now() - t0) / runs;
console.log(`Разбор загрузчика (new Function), среднее из ${runs}: ${parseMs.toFixed(3)} мс`);

// Issue 21: the loader with the code without inline script, SPAs and the dialog stays under 2.5 KB.
const LIMIT = 2.5 * 1024;
if (rows[0].gzip > LIMIT) {
  console.error(`Загрузчик больше ${LIMIT} байт в gzip: ${rows[0].gzip}`);
  process.exit(1);
}
