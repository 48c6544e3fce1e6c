// The portal's compiled stylesheets (fonts, Tailwind and globals.css of the root layout), for the
// pages that are plain HTML from a route handler (./public-shell.ts, decision 079): a route handler
// cannot import CSS, so the files are taken from the build's record of the root layout's CSS.
import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

const LAYOUT_KEY = '"[project]/app/layout":';
// `next build` writes .next/server/…, `next dev` .next/dev/server/… (once the home page was compiled).
const MANIFESTS = [".next/server/app/page_client-reference-manifest.js", ".next/dev/server/app/page_client-reference-manifest.js"];

let found: string[] | null = null;

function read(): string[] {
  for (const file of MANIFESTS) {
    let text: string;
    try {
      text = readFileSync(path.join(/* turbopackIgnore: true */ process.cwd(), file), "utf8");
    } catch {
      continue;
    }
    const at = text.indexOf(LAYOUT_KEY);
    if (at < 0) continue;
    const start = at + LAYOUT_KEY.length;
    const list = JSON.parse(text.slice(start, text.indexOf("]", start) + 1)) as Array<{ path: string }>;
    return list.map((f) => `/_next/${f.path}`);
  }
  return [];
}

/** Addresses of the stylesheets, in the root layout's order; empty when no build has them yet. */
export function siteStylesheets(): string[] {
  if (found === null || found.length === 0) found = read();
  return found;
}
