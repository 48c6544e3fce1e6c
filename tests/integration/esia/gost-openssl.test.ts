// ГОСТ cross-checked, not self-checked: every direction of the ЕСИА exchange against an independent
// implementation, the `openssl` command line with the gost engine (Debian's libengine-gost-openssl,
// which `.ci/run` and the test command install). Our signatures verify with openssl; openssl's
// signatures pass the emulator; the emulator's tokens verify with openssl; and what ЕСИА refuses,
// the emulator refuses with ЕСИА's code.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { esiaSigner, esiaTokenVerifier } from "@/lib/esia/crypto";
import { generateDemoKeys } from "@/lib/esia/demo-keys";
import { formatTimestamp, secretMessage, type SignedFields } from "@/lib/esia/protocol";
import { demoPerson } from "@/lib/demo-world/esia-world";
import { REDIRECT_URI, TestBrowser, startTestEsia, walkSignIn, type TestEsia } from "../../helpers/esia";

let esia: TestEsia;
let dir: string;
const file = (name: string) => path.join(dir, name);

/** openssl with the ГОСТ engine; throws (with openssl's words) when it fails. */
function openssl(args: string[], input?: Buffer | string): Buffer {
  return execFileSync("openssl", args, { input, stdio: ["pipe", "pipe", "pipe"] });
}
const opensslOk = (args: string[]) => {
  try {
    openssl(args);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  esia = await startTestEsia();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pos-gost-"));
  fs.writeFileSync(file("client.key"), esia.keys.client.keyPem);
  fs.writeFileSync(file("client.crt"), esia.keys.client.certPem);
  fs.writeFileSync(file("esia.crt"), esia.keys.esia.certPem);
  for (const name of ["client", "esia"]) fs.writeFileSync(file(`${name}.pub`), openssl(["x509", "-engine", "gost", "-in", file(`${name}.crt`), "-pubkey", "-noout"]));
  // Someone else's ГОСТ key and certificate, and an RSA pair, made by openssl itself.
  openssl(["req", "-engine", "gost", "-x509", "-newkey", "gost2012_256", "-pkeyopt", "paramset:A", "-nodes", "-subj", "/CN=Чужая система/O=Other", "-days", "30", "-keyout", file("other.key"), "-out", file("other.crt")]);
  openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=RSA system/O=Other", "-days", "30", "-keyout", file("rsa.key"), "-out", file("rsa.crt")]);
});
afterAll(async () => {
  await esia?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The fields of an authorization request to the test emulator, and the string ЕСИА checks. */
function authorizationFields(overrides: Partial<SignedFields> = {}) {
  const fields: SignedFields = { client_id: "POS_TEST", scope: esia.config.scope, timestamp: formatTimestamp(new Date()), state: randomUUID(), redirect_uri: REDIRECT_URI, ...overrides };
  return { fields, message: secretMessage(fields) };
}

function authorizationUrl(fields: SignedFields, clientSecret: string, certificateHash: string, clientId = fields.client_id) {
  const url = new URL("/aas/oauth2/v2/ac", esia.baseUrl);
  const params = { ...fields, client_id: clientId, client_secret: clientSecret, client_certificate_hash: certificateHash, response_type: "code", access_type: "online" };
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

/** What the emulator answers a signed authorization request: the login form, or ЕСИА's error code. */
async function emulatorAnswer(url: string): Promise<string> {
  const res = await new TestBrowser().get(url);
  if (res.status === 200) return (await res.text()).includes("Телефон / Email / СНИЛС") ? "вход" : "другая страница";
  const location = new URL(res.headers.get("location")!);
  return (location.searchParams.get("error_description") ?? "").slice(0, 11);
}

/** openssl's raw ГОСТ signature (`dgst -sign`), base64url. */
function opensslRaw(message: string, key = file("client.key"), digest = "-md_gost12_256"): string {
  fs.writeFileSync(file("message"), message);
  return openssl(["dgst", "-engine", "gost", digest, "-sign", key, file("message")]).toString("base64url");
}

/** openssl's CMS detached signature (`smime -sign -binary -outform DER`), base64url. */
function opensslCms(message: string, cert = file("client.crt"), key = file("client.key"), attributes = false): string {
  fs.writeFileSync(file("message"), message);
  const md = cert.endsWith("rsa.crt") ? "sha256" : "md_gost12_256";
  return openssl(["smime", "-engine", "gost", "-sign", "-binary", "-outform", "DER", ...(attributes ? [] : ["-noattr"]), "-md", md, "-signer", cert, "-inkey", key, "-in", file("message")]).toString("base64url");
}

/** ЕСИА's client_certificate_hash by openssl: Стрибог-256 of the DER certificate, hex in capitals. */
function opensslCertificateHash(cert: string): string {
  const der = openssl(["x509", "-in", cert, "-outform", "DER"]);
  return openssl(["dgst", "-engine", "gost", "-md_gost12_256", "-r"], der).toString().split(" ")[0].toUpperCase();
}

const flipByte = (base64url: string, at: number) => {
  const bytes = Buffer.from(base64url, "base64url");
  bytes[at] ^= 0x01;
  return bytes.toString("base64url");
};

describe("наши подписи проверяет openssl", () => {
  it("client_certificate_hash — Стрибог-256 DER-сертификата, как у openssl", () => {
    expect(esia.crypto.signer.certificateHash).toMatch(/^[0-9A-F]{64}$/);
    expect(esia.crypto.signer.certificateHash).toBe(opensslCertificateHash(file("client.crt")));
  });

  it("client_secret (64 байта ГОСТ Р 34.10-2012) проверяется `openssl dgst -verify`, испорченный — нет", async () => {
    const { message } = authorizationFields();
    const secret = await esia.crypto.signer.sign(message);
    const signature = Buffer.from(secret, "base64url");
    expect(signature).toHaveLength(64);
    fs.writeFileSync(file("message"), message);
    fs.writeFileSync(file("signature"), signature);
    const verify = () => opensslOk(["dgst", "-engine", "gost", "-md_gost12_256", "-verify", file("client.pub"), "-signature", file("signature"), file("message")]);
    expect(verify()).toBe(true);
    fs.writeFileSync(file("message"), `${message}x`);
    expect(verify()).toBe(false);
  });

  it("client_secret в формате CMS проверяется `openssl cms -verify` с сертификатом системы", async () => {
    const keys = generateDemoKeys();
    fs.writeFileSync(file("cms-signer.crt"), keys.client.certPem);
    const { message } = authorizationFields();
    const der = Buffer.from(await esiaSigner(keys.client.keyPem, keys.client.certPem, "cms").sign(message), "base64url");
    fs.writeFileSync(file("secret.p7s"), der);
    fs.writeFileSync(file("message"), message);
    const verify = () => opensslOk(["cms", "-engine", "gost", "-verify", "-binary", "-inform", "DER", "-in", file("secret.p7s"), "-content", file("message"), "-CAfile", file("cms-signer.crt"), "-out", "/dev/null"]);
    expect(verify()).toBe(true);
    fs.writeFileSync(file("message"), `${message}x`);
    expect(verify()).toBe(false);
  });
});

describe("подписи openssl принимает эмулятор", () => {
  const hash = () => esia.crypto.signer.certificateHash;

  it("сырую подпись `openssl dgst -sign` и CMS `openssl smime -sign` (с атрибутами и без)", async () => {
    for (const sign of [opensslRaw, (m: string) => opensslCms(m), (m: string) => opensslCms(m, undefined, undefined, true)]) {
      const { fields, message } = authorizationFields();
      expect(await emulatorAnswer(authorizationUrl(fields, sign(message), hash()))).toBe("вход");
    }
  });

  it("и в запросе маркера: код обменивается по подписи openssl", async () => {
    const browser = new TestBrowser();
    const back = await walkSignIn(esia, browser, await esia.client.authorizationUrl(randomUUID()), demoPerson("institutionAdmin").email);
    const code = back.searchParams.get("code")!;
    const { fields, message } = authorizationFields({ code });
    const res = await fetch(`${esia.baseUrl}/aas/oauth2/v3/te`, {
      method: "POST",
      body: new URLSearchParams({ ...fields, code, grant_type: "authorization_code", token_type: "Bearer", client_secret: opensslRaw(message), client_certificate_hash: hash() } as Record<string, string>),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).state).toBe(fields.state);
  });
});

describe("эмулятор отказывает с кодом ЕСИА", () => {
  const hash = () => esia.crypto.signer.certificateHash;

  it("испорченный байт подписи — ESIA-007053 (и в сырой подписи, и в CMS)", async () => {
    for (const sign of [opensslRaw, (m: string) => opensslCms(m)]) {
      const { fields, message } = authorizationFields();
      const secret = sign(message);
      const at = Buffer.from(secret, "base64url").length - 10; // inside the signature value
      expect(await emulatorAnswer(authorizationUrl(fields, flipByte(secret, at), hash()))).toBe("ESIA-007053");
    }
  });

  it("подпись другим сертификатом — ESIA-007053, с его хэшем или с хэшем зарегистрированного", async () => {
    const { fields, message } = authorizationFields();
    const otherHash = opensslCertificateHash(file("other.crt"));
    expect(await emulatorAnswer(authorizationUrl(fields, opensslRaw(message, file("other.key")), otherHash))).toBe("ESIA-007053");
    expect(await emulatorAnswer(authorizationUrl(fields, opensslRaw(message, file("other.key")), hash()))).toBe("ESIA-007053");
    expect(await emulatorAnswer(authorizationUrl(fields, opensslCms(message, file("other.crt"), file("other.key")), hash()))).toBe("ESIA-007053");
  });

  it("подпись, сделанная для другого client_id, — ESIA-007053; незарегистрированный client_id — ESIA-007005", async () => {
    const { fields, message } = authorizationFields({ client_id: "POS_OTHER" });
    expect(await emulatorAnswer(authorizationUrl(fields, opensslRaw(message), hash(), "POS_TEST"))).toBe("ESIA-007053");
    const res = await new TestBrowser().get(authorizationUrl(fields, opensslRaw(message), hash()));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("ESIA-007005");
  });

  it("RSA там, где ждут ГОСТ, — ESIA-007053 (сырая подпись и CMS)", async () => {
    const { fields, message } = authorizationFields();
    expect(await emulatorAnswer(authorizationUrl(fields, opensslRaw(message, file("rsa.key"), "-sha256"), hash()))).toBe("ESIA-007053");
    expect(await emulatorAnswer(authorizationUrl(fields, opensslCms(message, file("rsa.crt"), file("rsa.key")), hash()))).toBe("ESIA-007053");
  });

  it("верная подпись с несовпадающим хэшем сертификата — ESIA-007053", async () => {
    const { fields, message } = authorizationFields();
    const der = openssl(["x509", "-in", file("client.crt"), "-outform", "DER"]);
    const sha256 = openssl(["dgst", "-sha256", "-r"], der).toString().split(" ")[0];
    const pemHash = opensslCertificateHash(file("other.crt"));
    for (const wrong of [sha256, pemHash, hash().slice(0, 62)]) {
      expect(await emulatorAnswer(authorizationUrl(fields, opensslRaw(message), wrong))).toBe("ESIA-007053");
    }
    // The same request with the right hash passes: the refusals above are the hash's.
    expect(await emulatorAnswer(authorizationUrl(fields, opensslRaw(message), hash().toLowerCase()))).toBe("вход");
  });
});

describe("маркеры эмулятора проверяет openssl", () => {
  it("access и id token подписаны GOST3410_2012_256 сертификатом ЕСИА; испорченный не проходит ни openssl, ни портал", async () => {
    const back = await walkSignIn(esia, new TestBrowser(), await esia.client.authorizationUrl(randomUUID()), demoPerson("organAdmin").email);
    const tokens = await esia.client.exchangeCode(back.searchParams.get("code")!);
    for (const jwt of [tokens.accessToken, tokens.idToken]) {
      const [header, payload, signature] = jwt.split(".");
      expect(JSON.parse(Buffer.from(header, "base64url").toString())).toMatchObject({ alg: "GOST3410_2012_256", typ: "JWT" });
      fs.writeFileSync(file("jws-input"), `${header}.${payload}`);
      fs.writeFileSync(file("jws-signature"), Buffer.from(signature, "base64url"));
      const verify = (pub: string) => opensslOk(["dgst", "-engine", "gost", "-md_gost12_256", "-verify", pub, "-signature", file("jws-signature"), file("jws-input")]);
      expect(verify(file("esia.pub"))).toBe(true);
      expect(verify(file("client.pub"))).toBe(false);
      const tampered = `${header}.${payload}.${flipByte(signature, 5)}`;
      await expect(esia.crypto.verifier.verify(tampered)).rejects.toThrow(/подпись не подтверждена/);
    }
  });

  it("портал принимает маркер, подписанный openssl ключом ЕСИА, и отказывает в подписанном чужим ключом или RS256", async () => {
    const keys = generateDemoKeys();
    fs.writeFileSync(file("issuer.key"), keys.esia.keyPem);
    const verifier = esiaTokenVerifier(keys.esia.certPem);
    const now = Math.floor(Date.now() / 1000);
    const jws = (alg: string, key: string, digest: string) => {
      const input = `${Buffer.from(JSON.stringify({ alg, typ: "JWT" })).toString("base64url")}.${Buffer.from(JSON.stringify({ iss: "x", exp: now + 60, nbf: now })).toString("base64url")}`;
      fs.writeFileSync(file("jws-input"), input);
      return `${input}.${openssl(["dgst", "-engine", "gost", digest, "-sign", key, file("jws-input")]).toString("base64url")}`;
    };
    await expect(verifier.verify(jws("GOST3410_2012_256", file("issuer.key"), "-md_gost12_256"))).resolves.toMatchObject({ iss: "x" });
    await expect(verifier.verify(jws("GOST3410_2012_256", file("other.key"), "-md_gost12_256"))).rejects.toThrow(/подпись не подтверждена/);
    await expect(verifier.verify(jws("RS256", file("rsa.key"), "-sha256"))).rejects.toThrow(/алгоритм RS256 не соответствует/);
  });
});

describe("запасной вариант без ГОСТ", () => {
  it("RSA-ключи проходят вход целиком, но RSA-система не подделает ГОСТ-подпись", async () => {
    const rsa = await startTestEsia({ kind: "rsa" });
    try {
      const back = await walkSignIn(rsa, new TestBrowser(), await rsa.client.authorizationUrl(randomUUID()), demoPerson("operator").email);
      expect((await rsa.client.exchangeCode(back.searchParams.get("code")!)).oid).toBe(demoPerson("operator").esiaOid);
      expect(rsa.crypto.description).toMatch(/^RSA-SHA256 \(запасной вариант/);
      const health = await (await fetch(`${rsa.baseUrl}/health`)).json();
      expect(health).toMatchObject({ status: "ok", crypto: { tokens: "RS256" } });
    } finally {
      await rsa.close();
    }
    const health = await (await fetch(`${esia.baseUrl}/health`)).json();
    expect(health).toMatchObject({ status: "ok", crypto: { tokens: "GOST3410_2012_256" } });
    expect(health.crypto.description).toMatch(/^ГОСТ Р 34\.10-2012/);
  });
});
