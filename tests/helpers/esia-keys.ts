// Demo ЕСИА keys in a temporary folder, for tests that call the portal's sign-in routes (the ЕСИА
// client signs its authorization request with them).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { ensureDemoKeys } from "@/lib/esia/demo-keys";

export function withTemporaryEsiaKeys() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pos-esia-keys-"));
  beforeAll(async () => {
    process.env.ESIA_DEMO_KEYS_DIR = dir;
    await ensureDemoKeys(dir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
}
