import "server-only";
import { EsiaClient } from "./client";
import { esiaConfig } from "./config";
import { loadEsiaCrypto } from "./crypto";

const holder = globalThis as unknown as { __posEsia?: Promise<EsiaClient> };

/** The process's ЕСИА client, built once from configuration (keys are read on first use). */
export function getEsiaClient(): Promise<EsiaClient> {
  holder.__posEsia ??= (async () => {
    const config = esiaConfig();
    return new EsiaClient(config, await loadEsiaCrypto(config.keys));
  })();
  return holder.__posEsia;
}

/**
 * Says at start which cryptography the portal speaks to ЕСИА with: ГОСТ, or the RSA fallback (a
 * warning), or why the system's keys could not be used (sign-in will fail until that is fixed).
 */
export async function announceEsiaCrypto(): Promise<void> {
  try {
    const description = (await getEsiaClient()).cryptoDescription;
    if (description.startsWith("RSA")) console.warn(`ЕСИА: подпись запросов — ${description}.`);
    else console.log(`ЕСИА: подпись запросов — ${description}.`);
  } catch (error) {
    console.error(`ЕСИА: ключи системы не загружены, вход через ЕСИА не будет работать: ${(error as Error).message}`);
  }
}
