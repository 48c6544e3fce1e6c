// Starts the ЕСИА emulator on its own origin: `tsx lib/esia-emulator/main.ts`.
// ESIA_BASE_URL gives its public address (and port); PORTAL_URL the portal it serves;
// ESIA_EMULATOR_GRANTS_FILE where the persons' consents are kept (default .data/esia-emulator/).
import fs from "node:fs";
import path from "node:path";
import { describeKeyKind } from "../esia/crypto";
import { gostEngine } from "../esia/gost-engine";
import { esiaConfig } from "../esia/config";
import { demoKeyFiles, ensureDemoKeys } from "../esia/demo-keys";
import { createEsiaEmulator } from "./server";
import { tokenKeys } from "./tokens";
import { createEmulatorWorld } from "./world";

const config = esiaConfig();
const keys = await ensureDemoKeys(process.env.ESIA_DEMO_KEYS_DIR || undefined);
const emulatorKeys = demoKeyFiles(process.env.ESIA_DEMO_KEYS_DIR || undefined);
const url = new URL(config.baseUrl);
const extraOrigins = (process.env.ESIA_EMULATOR_EXTRA_PORTALS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
const portals = [config.portalUrl, ...extraOrigins];

const tokens = tokenKeys(fs.readFileSync(emulatorKeys.esiaKeyPath, "utf8"), fs.readFileSync(emulatorKeys.esiaCertPath, "utf8"));
const emulator = createEsiaEmulator({
  publicUrl: config.baseUrl,
  clients: [
    {
      id: config.clientId,
      name: "Платформа обратной связи",
      // The sign-in's and the organization authorization's return addresses, as registered in ЕСИА.
      redirectUris: portals.flatMap((p) => [`${p}/api/esia/callback`, `${p}/api/esia/organization/callback`]),
      logoutRedirectPrefixes: portals.map((p) => `${p}/`),
      certificatePem: fs.readFileSync(process.env.ESIA_CLIENT_CERT || keys.clientCertPath, "utf8"),
    },
  ],
  tokenKeys: tokens,
  world: createEmulatorWorld(),
  grantsFile: process.env.ESIA_EMULATOR_GRANTS_FILE || path.join(process.cwd(), ".data", "esia-emulator", "grants.json"),
});

const port = Number(url.port || 80);
await emulator.listen(port, process.env.ESIA_EMULATOR_HOST || undefined);
console.log(`Эмулятор ЕСИА: ${config.baseUrl} (для ${portals.join(", ")}); подпись: ${describeKeyKind(tokens.kind)}`);
if (tokens.kind === "rsa") {
  const engine = gostEngine();
  console.warn(`Эмулятор ЕСИА работает на RSA, а не на ГОСТ: ${engine.available ? "ключ эмулятора не ГОСТ" : engine.reason}`);
}
