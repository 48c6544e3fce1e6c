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
