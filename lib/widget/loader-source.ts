import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface TLoaderSource {
  code: string;
  etag: string;
}

let cached: TLoaderSource | null = null;

/**
 * The loader as served: full-line comments and indentation dropped (the source keeps one statement
 * per line, so this is safe), read once per process. Its ETag lets browsers revalidate cheaply.
 */
export function loaderSource(): TLoaderSource {
  if (cached) return cached;
  const source = fs.readFileSync(path.join(process.cwd(), "lib", "widget", "loader.js"), "utf8");
  const code = `${source
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("//"))
    .join("\n")}\n`;
  cached = { code, etag: `"${createHash("sha256").update(code).digest("base64url").slice(0, 22)}"` };
  return cached;
}
