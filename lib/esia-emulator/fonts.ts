// The emulator's screens use the portal's font (Golos Text, the same @fontsource package) so that
// the ЕСИА steps look like the rest of the path; served from this origin, nothing external.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const FILES: Record<string, string> = {
  "golos-cyrillic-400.woff2": "golos-text-cyrillic-400-normal.woff2",
  "golos-cyrillic-700.woff2": "golos-text-cyrillic-700-normal.woff2",
  "golos-latin-400.woff2": "golos-text-latin-400-normal.woff2",
  "golos-latin-700.woff2": "golos-text-latin-700-normal.woff2",
};

export const FONT_PATH = "/static/fonts/";

const cache = new Map<string, Buffer>();

/** A font file by its public name, or null for any other name. */
export function fontFile(name: string): Buffer | null {
  const file = FILES[name];
  if (!file) return null;
  let data = cache.get(name);
  if (!data) {
    const dir = path.dirname(createRequire(import.meta.url).resolve("@fontsource/golos-text/package.json"));
    data = fs.readFileSync(path.join(dir, "files", file));
    cache.set(name, data);
  }
  return data;
}

/** @font-face rules for the screens' stylesheet. */
export const FONT_FACES = [
  ["cyrillic", "400", "U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116"],
  ["cyrillic", "700", "U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116"],
  ["latin", "400", "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD"],
  ["latin", "700", "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD"],
]
  .map(([subset, weight, range]) => `@font-face{font-family:"Golos Text";font-style:normal;font-display:swap;font-weight:${weight};src:url(${FONT_PATH}golos-${subset}-${weight}.woff2) format("woff2");unicode-range:${range}}`)
  .join("");
