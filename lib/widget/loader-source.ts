import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { stripLoaderSource } from "./loader-strip";

export interface TLoaderSource {
  code: string;
  etag: string;
}

let cached: TLoaderSource | null = null;

/** The loader as served (see loader-strip.ts), read once per process; its ETag lets browsers revalidate cheaply. */
export function loaderSource(): TLoaderSource {
  if (cached) return cached;
  const source = fs.readFileSync(path.join(process.cwd(), "lib", "widget", "loader.js"), "utf8");
  const code = stripLoaderSource(source);
  cached = { code, etag: `"${createHash("sha256").update(code).digest("base64url").slice(0, 22)}"` };
  return cached;
}
