// The portal's ЕСИА client refuses tokens it must not trust: expired, not yet valid, tampered with,
// signed by another key or by nobody ("alg": "none"), issued by another issuer or for another
// system, an access and an id token of different persons, an answer to another request (state).
// The token endpoint here is a stand-in that answers what the test says; the checks are the client's.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { EsiaClient } from "@/lib/esia/client";
import type { EsiaConfig } from "@/lib/esia/config";
import { describeKeyKind, esiaSigner, esiaTokenVerifier, type EsiaCrypto } from "@/lib/esia/crypto";
import { generateDemoKeys } from "@/lib/esia/demo-keys";
import { PORTAL_SCOPES } from "@/lib/esia/protocol";
import { issueTokens, tokenKeys, type TokenKeys } from "@/lib/esia-emulator/tokens";

const ISSUER = "https://esia.test/";
const CLIENT = "POS_TEST";
const config: EsiaConfig = {
  baseUrl: "https://esia.test", issuer: ISSUER, clientId: CLIENT, portalUrl: "https://pos.test", redirectUri: "https://pos.test/api/esia/callback",
  organizationRedirectUri: "https://pos.test/api/esia/organization/callback", organizationScope: "openid org_grps",
  logoutReturnUrl: "https://pos.test/signed-out", scope: PORTAL_SCOPES.join(" "), keys: { clientKeyPath: "", clientCertPath: "", esiaCertPath: "" },
};
let esia: TokenKeys;
let stranger: TokenKeys;
let crypto: EsiaCrypto;

beforeAll(async () => {
  const [ours, theirs] = [generateDemoKeys(), generateDemoKeys()];
  esia = tokenKeys(ours.esia.keyPem, ours.esia.certPem);
  stranger = tokenKeys(theirs.esia.keyPem, theirs.esia.certPem);
  crypto = { signer: esiaSigner(ours.client.keyPem, ours.client.certPem), verifier: esiaTokenVerifier(ours.esia.certPem), description: describeKeyKind(esia.kind) };
});

const now = () => Math.floor(Date.now() / 1000);
const tokens = (o: { keys?: TokenKeys; issuer?: string; clientId?: string; person?: string; at?: number; lifetime?: number } = {}) =>
  issueTokens(o.keys ?? esia, { issuer: o.issuer ?? ISSUER, clientId: o.clientId ?? CLIENT, personOid: o.person ?? "1000000001", sid: randomUUID(), authTime: Date.now(), scope: ["openid"], nowSeconds: o.at ?? now() }, o.lifetime ?? 3600);

/** A client whose token endpoint answers with these tokens (echoing the request's state unless told otherwise). */
function clientAnswering(answer: { access: string; id: string } | ((state: string) => Record<string, unknown>)) {
  const fetchImpl = (async (_url: unknown, init?: RequestInit) => {
    const state = new URLSearchParams(String(init?.body)).get("state")!;
    const body = typeof answer === "function" ? answer(state) : { access_token: answer.access, id_token: answer.id, state, token_type: "Bearer", expires_in: 3600 };
    return Response.json(body);
  }) as typeof fetch;
  return new EsiaClient(config, crypto, fetchImpl);
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
const parts = (jwt: string) => jwt.split(".");

describe("маркеры ЕСИА, которым портал не верит", () => {
  it("настоящие маркеры принимаются (проверка самой проверки)", async () => {
    const t = await tokens();
    await expect(clientAnswering(t).exchangeCode("code")).resolves.toMatchObject({ oid: "1000000001" });
  });

  it("просроченные и ещё не действующие", async () => {
    const expired = await tokens({ at: now() - 7200, lifetime: 3600 });
    await expect(clientAnswering(expired).exchangeCode("code")).rejects.toThrow(/Подпись маркера ЕСИА не подтверждена: срок действия маркера истёк/);
    const future = await tokens({ at: now() + 600 });
    await expect(clientAnswering(future).exchangeCode("code")).rejects.toThrow(/Подпись маркера ЕСИА не подтверждена: маркер ещё не действует/);
  });

  it("изменённые после подписи: другой человек в утверждениях, другой заголовок", async () => {
    const t = await tokens();
    const [header, payload, signature] = parts(t.access);
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    const swapped = [header, b64({ ...claims, "urn:esia:sbj_id": 1000000099 }), signature].join(".");
    await expect(clientAnswering({ ...t, access: swapped }).exchangeCode("code")).rejects.toThrow(/Подпись маркера ЕСИА не подтверждена/);
    const idParts = parts(t.id);
    const idClaims = JSON.parse(Buffer.from(idParts[1], "base64url").toString());
    await expect(clientAnswering({ ...t, id: [idParts[0], b64({ ...idClaims, sub: "1000000099" }), idParts[2]].join(".") }).exchangeCode("code")).rejects.toThrow(/Подпись/);
  });

  it("подписанные чужим ключом или без подписи (alg: none), HS256 с открытым ключом как секретом", async () => {
    const forged = await tokens({ keys: stranger });
    await expect(clientAnswering(forged).exchangeCode("code")).rejects.toThrow(/Подпись маркера ЕСИА не подтверждена/);
    const t = await tokens();
    const unsigned = (jwt: string) => [b64({ alg: "none", typ: "JWT" }), parts(jwt)[1], ""].join(".");
    await expect(clientAnswering({ access: unsigned(t.access), id: unsigned(t.id) }).exchangeCode("code")).rejects.toThrow(/Подпись маркера ЕСИА не подтверждена/);
    const hs = (jwt: string) => [b64({ alg: "HS256", typ: "JWT" }), parts(jwt)[1], parts(jwt)[2]].join(".");
    await expect(clientAnswering({ access: hs(t.access), id: hs(t.id) }).exchangeCode("code")).rejects.toThrow(/Подпись маркера ЕСИА не подтверждена/);
  });

  it("другой издатель, другая система, маркеры разных людей", async () => {
    await expect(clientAnswering(await tokens({ issuer: "https://evil.test/" })).exchangeCode("code")).rejects.toThrow("Маркер выдан другим издателем");
    await expect(clientAnswering(await tokens({ clientId: "OTHER_SYSTEM" })).exchangeCode("code")).rejects.toThrow("Маркер доступа выдан другой системе");
    const a = await tokens({ person: "1000000001" });
    const b = await tokens({ person: "1000000002" });
    await expect(clientAnswering({ access: a.access, id: b.id }).exchangeCode("code")).rejects.toThrow("Маркеры относятся к разным пользователям");
  });

  it("ответ на другой запрос (state не тот) и ответ без маркеров", async () => {
    const t = await tokens();
    await expect(clientAnswering(() => ({ access_token: t.access, id_token: t.id, state: randomUUID() })).exchangeCode("code")).rejects.toThrow(/state/);
    await expect(clientAnswering((state) => ({ state })).exchangeCode("code")).rejects.toThrow(/Подпись маркера ЕСИА не подтверждена/);
  });
});
