// Finds OpenSSL's ГОСТ engine (Debian's libengine-gost-openssl) and loads it into this Node
// process, once. Node accepts the engine by its full path only (not by the name "gost"); after
// that, node:crypto signs and hashes with ГОСТ Р 34.10/34.11-2012 (docs/decisions/013-gost-crypto.md).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** The Debian package that brings the engine. */
export const GOST_ENGINE_PACKAGE = "libengine-gost-openssl";

/** One Russian line for a machine without the engine: what to install. */
export const GOST_ENGINE_MISSING =
  `Криптография ГОСТ недоступна: установите Debian-пакет ${GOST_ENGINE_PACKAGE} (sudo apt-get install ${GOST_ENGINE_PACKAGE}) или укажите путь к gost.so в ESIA_GOST_ENGINE.`;

export type GostEngineStatus = { available: true; path: string } | { available: false; reason: string };

const listFolder = (dir: string) => {
  try {
    return fs.readdirSync(dir);
  } catch {
    return []; // a folder that is not there on this system
  }
};

/**
 * Where Debian (any architecture) and other distributions put OpenSSL 3's engines; ESIA_GOST_ENGINE
 * names the file explicitly. Shared with the commands' set-up step (lib/system/requirements.ts).
 */
export function gostEngineCandidates(env: Record<string, string | undefined> = process.env, list: (dir: string) => string[] = listFolder): string[] {
  const out: string[] = [];
  if (env.ESIA_GOST_ENGINE) return [env.ESIA_GOST_ENGINE];
  if (env.OPENSSL_ENGINES) out.push(path.join(env.OPENSSL_ENGINES, "gost.so"));
  for (const lib of ["/usr/lib", "/usr/lib64", "/usr/local/lib"]) {
    const entries = list(lib).filter((name) => name.endsWith("-linux-gnu"));
    out.push(...entries.map((arch) => path.join(lib, arch, "engines-3", "gost.so")), path.join(lib, "engines-3", "gost.so"));
  }
  return [...new Set(out)];
}

const holder = globalThis as unknown as { __posGostEngine?: GostEngineStatus };

/** Loads the engine the first time (process-wide) and says whether ГОСТ is usable here. */
export function gostEngine(env: NodeJS.ProcessEnv = process.env): GostEngineStatus {
  if (holder.__posGostEngine) return holder.__posGostEngine;
  const found = gostEngineCandidates(env).find((candidate) => fs.existsSync(candidate));
  let status: GostEngineStatus;
  if (!found) {
    status = { available: false, reason: GOST_ENGINE_MISSING };
  } else {
    try {
      crypto.setEngine(found);
      // The engine is usable only if the digest is now known to this process's OpenSSL.
      crypto.createHash("md_gost12_256").update("").digest();
      status = { available: true, path: found };
    } catch (error) {
      status = { available: false, reason: `Движок ГОСТ ${found} не загрузился (${(error as Error).message}). ${GOST_ENGINE_MISSING}` };
    }
  }
  holder.__posGostEngine = status;
  return status;
}

/** Throws the clear message when ГОСТ is needed and cannot be had. */
export function requireGostEngine(): string {
  const status = gostEngine();
  if (!status.available) throw new Error(status.reason);
  return status.path;
}

