import "server-only";
import { EsiaClient } from "./client";
import { esiaConfig } from "./config";
import { loadEsiaCrypto } from "./crypto";
import { DEFAULT_DEMO_KEYS_DIR, ensureDemoKeys } from "./demo-keys";

const holder = globalThis as unknown as { __posEsia?: Promise<EsiaClient> };

/** The process's ЕСИА client, built once from configuration (keys are read on first use). */
export function getEsiaClient(): Promise<EsiaClient> {
  holder.__posEsia ??= (async () => {
    const config = esiaConfig();
    // Without the system's own key (the demo setup) the demo keys are made on first use, as the emulator does.
    if (!process.env.ESIA_CLIENT_KEY && !process.env.ESIA_CRYPTO_MODULE) await ensureDemoKeys(process.env.ESIA_DEMO_KEYS_DIR || DEFAULT_DEMO_KEYS_DIR);
    return new EsiaClient(config, await loadEsiaCrypto(config.keys));
  })();
  return holder.__posEsia;
}
