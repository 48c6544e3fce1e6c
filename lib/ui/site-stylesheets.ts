// The portal's compiled stylesheets (fonts, Tailwind and globals.css of the root layout), for the
// pages that are plain HTML from a route handler (./public-shell.ts, decision 079): a route handler
// cannot import CSS, so the files are taken from the build's record of the root layout's CSS.
import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const LAYOUT_KEY = '"[project]/app/layout":';
const CWD = /* turbopackIgnore: true */ process.cwd();
// `next build` writes .next/server/…, `next dev` .next/dev/server/… once the home page was compiled.
const MANIFESTS = [".next/server/app/page_client-reference-manifest.js", ".next/dev/server/app/page_client-reference-manifest.js"];
// `next dev` compiles a page when it is first asked, and a guest no longer asks for the React home
// (the guest home is HTML too): there, any compiled page's record names the root layout's files.
const DEV_PAGES = ".next/dev/server/app";
const RECORD = "page_client-reference-manifest.js";

let found: string[] | null = null;

function fromRecord(file: string): string[] | null {
  let text: string;
  try {
    text = readFileSync(path.join(CWD, file), "utf8");
  } catch {
    return null;
  }
  const at = text.indexOf(LAYOUT_KEY);
  if (at < 0) return null;
  const start = at + LAYOUT_KEY.length;
  const list = JSON.parse(text.slice(start, text.indexOf("]", start) + 1)) as Array<{ path: string }>;
  return list.map((f) => `/_next/${f.path}`);
}

function devRecords(): string[] {
  try {
    return readdirSync(path.join(CWD, DEV_PAGES), { recursive: true, encoding: "utf8" }).filter((f) => path.basename(f) === RECORD).map((f) => path.join(DEV_PAGES, f));
  } catch {
    return [];
  }
}

function read(): string[] {
  for (const file of MANIFESTS) {
    const list = fromRecord(file);
    if (list) return list;
  }
  if (process.env.NODE_ENV === "development") {
    for (const file of devRecords()) {
      const list = fromRecord(file);
      if (list) return list;
    }
  }
  return [];
}

/** Addresses of the stylesheets, in the root layout's order; empty when no build has them yet. */
export function siteStylesheets(): string[] {
  if (found === null || found.length === 0) found = read();
  return found;
}
