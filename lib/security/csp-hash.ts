import { createHash } from "node:crypto";

export type TCspHashAlgorithm = "sha256" | "sha384" | "sha512";

/**
 * The CSP source that lets one inline block run: 'sha256-…' of its exact text. Browsers hash the
 * text as parsed, where a line break is always "\n", so the same is done here.
 */
export function cspHash(text: string, algorithm: TCspHashAlgorithm = "sha256"): string {
  return `'${algorithm}-${createHash(algorithm).update(text.replace(/\r\n?/g, "\n"), "utf8").digest("base64")}'`;
}
