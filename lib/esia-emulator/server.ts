// An ЕСИА emulator that speaks the real wire protocol (lib/esia/protocol.ts): authorization with a
// ГОСТ-signed client_secret, login and consent screens (consent remembered until revoked on
// «Выданные разрешения»), codes, GOST3410_2012_256 tokens, REST collections, logout.
import http from "node:http";
import { randomBytes } from "node:crypto";
import { certificateHash, parseCertificate, type ParsedCertificate } from "../esia/certificates";
import { describeKeyKind, verifyClientSecret } from "../esia/crypto";
import { JWS_ALGORITHM } from "../esia/jws";
import {
  ESIA_ERRORS, ESIA_PATHS, ESIA_REST_ERRORS, SCOPE_DESCRIPTIONS, UUID_RE, collection, errorDescription, grantedOrgScope, isOrganizationScope,
  parseTimestamp, secretMessage,
  type EsiaContact, type EsiaErrorKey, type EsiaGroup, type EsiaOrganization, type EsiaPerson, type EsiaRole,
} from "../esia/protocol";
import { FONT_PATH, fontFile } from "./fonts";
import { ConsentScreen, DemoDirectoryScreen, ErrorScreen, GrantsScreen, InfoScreen, LoginScreen, render, type DemoEntry } from "./screens";
import { EmulatorStore, type AuthorizationParams, type EsiaSession, type PendingAuthorization } from "./store";
import { grantedScopes, issueTokens, verifyAccessToken, type TokenKeys } from "./tokens";
import { DEMO_PASSWORD } from "../demo-world/esia-world";
import { sortByName } from "../db/natural-order";
import type { EmulatorWorld, EmulatorPerson } from "./world";

export interface EmulatorClient {
  id: string;
  name: string;
  redirectUris: string[];
  /** Where /idp/ext/Logout may send the browser back to (prefix match). */
  logoutRedirectPrefixes: string[];
  certificatePem: string;
}

export interface EmulatorOptions {
  publicUrl: string;
  clients: EmulatorClient[];
  tokenKeys: TokenKeys;
  world: EmulatorWorld;
  /** Where the persons' consents are kept across restarts (memory only without it). */
  grantsFile?: string;
  /** How far the request's timestamp may be from the emulator's clock. */
  timestampToleranceMs?: number;
  now?: () => number;
  demoPanel?: boolean;
}

type Req = http.IncomingMessage;
type Res = http.ServerResponse;

class HttpError extends Error {
  constructor(readonly status: number, readonly body: unknown) {
    super(typeof body === "string" ? body : JSON.stringify(body));
  }
}

const restError = (key: keyof typeof ESIA_REST_ERRORS) => {
  const e = ESIA_REST_ERRORS[key];
  return new HttpError(e.status, { code: e.code, message: e.message });
};

function parseCookies(req: Req): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

function cookie(name: string, value: string, maxAgeSeconds?: number): string {
  return `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax${maxAgeSeconds !== undefined ? `; Max-Age=${maxAgeSeconds}` : ""}`;
}

async function readForm(req: Req): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new HttpError(413, "Слишком большой запрос");
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function sendHtml(res: Res, status: number, html: string, cookies: string[], formTargets: string) {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": `default-src 'none'; style-src 'unsafe-inline'; font-src 'self'; form-action ${formTargets}; frame-ancestors 'none'`,
    ...(cookies.length ? { "Set-Cookie": cookies } : {}),
  });
  res.end(html);
}

/** The page of this emulator a person came from (for «Назад» on the information screens). */
function sameOriginReferer(req: Req, url: URL): string | undefined {
  try {
    const from = new URL(req.headers.referer ?? "");
    return from.origin === url.origin ? from.pathname + from.search : undefined;
  } catch {
    return undefined;
  }
}

function sendJson(res: Res, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  res.end(JSON.stringify(body));
}

function redirect(res: Res, location: string, cookies: string[] = []) {
  res.writeHead(302, { Location: location, "Cache-Control": "no-store", ...(cookies.length ? { "Set-Cookie": cookies } : {}) });
  res.end();
}

/** Госуслуги' page of the consents a person gave to systems, and its sign-in form's target. */
export const SETTINGS = "/settings/agreements";
const SETTINGS_LOGIN = "/settings/login";

function withQuery(base: string, params: Record<string, string | undefined>): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

// Over 80 lines on purpose: one closure holds the emulator's in-memory state that all its routes share.
export function createEsiaEmulator(opts: EmulatorOptions) {
  const now = opts.now ?? Date.now;
  const store = new EmulatorStore(now, opts.grantsFile);
  const tolerance = opts.timestampToleranceMs ?? 10 * 60_000;
  // Read on use: a test emulator learns its public URL (the port) only after listening.
  const issuerOf = () => `${opts.publicUrl.replace(/\/$/, "")}/`;
  const clients = new Map(opts.clients.map((c) => [c.id, { ...c, hash: certificateHash(c.certificatePem), certificate: parseCertificate(c.certificatePem) }]));
  // Forms post to the emulator, which then redirects to a client system: CSP form-action covers both.
  const formTargets = ["'self'", ...new Set(opts.clients.flatMap((c) => c.redirectUris.map((u) => new URL(u).origin)))].join(" ");
  const page = (res: Res, status: number, html: string, cookies: string[] = []) => sendHtml(res, status, html, cookies, formTargets);
  const fullName = (p: EmulatorPerson) => `${p.lastName} ${p.firstName} ${p.middleName}`;
  const entryOf = (p: EmulatorPerson, label: string): DemoEntry => ({ label, name: fullName(p), login: p.email, password: DEMO_PASSWORD });
  const demo: DemoEntry[] = opts.world.persons.filter((p) => p.demo).map((p) => entryOf(p, p.demo!.label));
  // Everyone else too, by organization: the people the guides and tests name beside the demo list.
  const directory = (() => {
    const groups = new Map<string, DemoEntry[]>();
    for (const p of opts.world.persons) {
      const first = p.memberships[0];
      const org = first ? opts.world.organizationById(first.organizationId)?.shortName ?? "Организация" : "Без организации";
      const positions = p.memberships.map((m) => m.position).join(", ");
      (groups.get(org) ?? groups.set(org, []).get(org)!).push(entryOf(p, p.demo?.label ?? (positions || "Гражданин")));
    }
    return sortByName([...groups].map(([organization, people]) => ({ organization, people })), (g) => g.organization);
  })();

  const demoPanel = opts.demoPanel === false ? [] : demo;
  const LOGIN_FAILED = "Неверные логин или пароль";

  /** What a request asks the person for: organization rights only with the organization (scope_org). */
  const askedScopes = (params: AuthorizationParams) => params.scope.filter((s) => params.scopeOrg || !isOrganizationScope(s));

  /** The person behind the login form's login and password, or null. */
  function authenticate(form: URLSearchParams): EmulatorPerson | null {
    const person = opts.world.findByLogin(form.get("login") ?? "");
    return person && opts.world.checkPassword(person, form.get("password") ?? "") ? person : null;
  }

  const organizationsOf = (person: EmulatorPerson) =>
    person.memberships.map((m) => ({ m, org: opts.world.organizationById(m.organizationId)! }));
  /** The organization with this oid if the person is its employee (scope_org must name one). */
  const employerOf = (person: EmulatorPerson, orgOid: string) => organizationsOf(person).find(({ org }) => org.esiaOid === orgOid)?.org;

  /** Checks what every signed request carries; returns the ЕСИА error key or null. */
  function checkSigned(p: URLSearchParams, client: { hash: string; certificate: ParsedCertificate }, withCode: boolean): EsiaErrorKey | null {
    const timestamp = p.get("timestamp") ?? "";
    const when = parseTimestamp(timestamp);
    if (!when || Math.abs(now() - when.getTime()) > tolerance) return "badTimestamp";
    if (!UUID_RE.test(p.get("state") ?? "")) return "missingParameter";
    // The hash names the certificate the signature is checked with (ЕСИА: 007053 when it is not the system's).
    if ((p.get("client_certificate_hash") ?? "").toUpperCase() !== client.hash) return "badSecret";
    const message = secretMessage({
      client_id: p.get("client_id")!,
      scope: p.get("scope") ?? "",
      scope_org: p.get("scope_org") ?? undefined,
      timestamp,
      state: p.get("state")!,
      redirect_uri: p.get("redirect_uri") ?? "",
      code: withCode ? (p.get("code") ?? "") : undefined,
    });
    return verifyClientSecret(message, p.get("client_secret") ?? "", client.certificate) ? null : "badSecret";
  }

  function browserId(req: Req, setCookies: string[]): string {
    const existing = parseCookies(req).esia_browser;
    if (existing) return existing;
    const id = randomBytes(16).toString("hex");
    setCookies.push(cookie("esia_browser", id));
    return id;
  }

  function currentSession(req: Req) {
    const sid = parseCookies(req).esia_sid;
    const session = sid ? store.sessions.get(sid) : undefined;
    return session && opts.world.personByOid(session.personOid) ? session : undefined;
  }

  function errorRedirect(res: Res, params: AuthorizationParams | { redirectUri: string; state?: string }, key: EsiaErrorKey, detail?: string) {
    redirect(res, withQuery(params.redirectUri, { error: ESIA_ERRORS[key].error, error_description: errorDescription(key, detail), state: params.state }));
  }

  function showConsentOrLogin(req: Req, res: Res, txId: string, setCookies: string[]) {
    const tx = store.pending.get(txId)!;
    const session = currentSession(req);
    if (!session) {
      page(res, 200, render(LoginScreen({ tx: txId, demo: demoPanel })), setCookies);
      return;
    }
    const person = opts.world.personByOid(session.personOid)!;
    const organization = tx.params.scopeOrg ? employerOf(person, tx.params.scopeOrg) : undefined;
    if (tx.params.scopeOrg && !organization) {
      store.pending.delete(txId);
      errorRedirect(res, tx.params, "notEmployee");
      return;
    }
    const client = clients.get(tx.params.clientId)!;
    const asked = askedScopes(tx.params);
    // A person who already granted these rights to this system (there) is not asked again.
    if (store.findGrant(person.esiaOid, client.id, tx.params.scopeOrg, asked)) return completeAuthorization(res, tx, session, setCookies);
    const rights = asked.map((s) => SCOPE_DESCRIPTIONS[s] ?? s);
    page(
      res,
      200,
      render(ConsentScreen({
        tx: txId, systemName: client.name, systemId: client.id, rights, personName: fullName(person),
        organization: organization && { name: organization.shortName, ogrn: organization.ogrn },
      })),
      setCookies,
    );
  }

  async function authorize(req: Req, res: Res, url: URL) {
    const p = url.searchParams;
    const client = clients.get(p.get("client_id") ?? "");
    if (!client) return page(res, 400, render(ErrorScreen({ code: ESIA_ERRORS.unauthorizedClient.code, text: ESIA_ERRORS.unauthorizedClient.text })));
    const redirectUri = p.get("redirect_uri") ?? "";
    // A redirect_uri that is not registered is never redirected to: that would leak the code.
    if (!client.redirectUris.includes(redirectUri)) return page(res, 400, render(ErrorScreen({ code: ESIA_ERRORS.badRedirectUri.code, text: ESIA_ERRORS.badRedirectUri.text })));
    const state = p.get("state") ?? undefined;
    for (const name of ["client_secret", "scope", "response_type", "state", "timestamp", "client_certificate_hash"]) {
      if (!p.get(name)) return errorRedirect(res, { redirectUri, state }, "missingParameter", name);
    }
    if (p.get("response_type") !== "code") return errorRedirect(res, { redirectUri, state }, "missingParameter", "response_type");
    const problem = checkSigned(p, client, false);
    if (problem) return errorRedirect(res, { redirectUri, state }, problem);
    const scope = p.get("scope")!.split(/\s+/).filter(Boolean);
    if (!scope.includes("openid")) return errorRedirect(res, { redirectUri, state }, "noGrants", "openid");
    const setCookies: string[] = [];
    const tx = store.addPending(browserId(req, setCookies), {
      clientId: client.id,
      redirectUri,
      scope,
      scopeOrg: p.get("scope_org") ?? undefined,
      state: state!,
      accessType: p.get("access_type") === "offline" ? "offline" : "online",
    });
    showConsentOrLogin(req, res, tx.id, setCookies);
  }

  async function login(req: Req, res: Res) {
    const form = await readForm(req);
    const setCookies: string[] = [];
    const tx = store.takePending(form.get("tx") ?? "", browserId(req, setCookies));
    if (!tx) return page(res, 400, render(ErrorScreen({ code: ESIA_ERRORS.missingParameter.code, text: "Сеанс входа устарел. Начните вход заново." })));
    const person = authenticate(form);
    if (!person) return page(res, 200, render(LoginScreen({ tx: tx.id, error: LOGIN_FAILED, login: form.get("login") ?? "", demo: demoPanel })));
    const session = store.newSession(person.esiaOid);
    setCookies.push(cookie("esia_sid", session.sid));
    // Show the consent screen through a redirect so that a reload does not resubmit the password.
    redirect(res, `/aas/oauth2/consent?tx=${tx.id}`, setCookies);
  }

  async function consentPage(req: Req, res: Res, url: URL) {
    const setCookies: string[] = [];
    const tx = store.takePending(url.searchParams.get("tx") ?? "", browserId(req, setCookies));
    if (!tx) return page(res, 400, render(ErrorScreen({ code: ESIA_ERRORS.missingParameter.code, text: "Сеанс входа устарел. Начните вход заново." })));
    showConsentOrLogin(req, res, tx.id, setCookies);
  }

  async function consent(req: Req, res: Res) {
    const form = await readForm(req);
    const setCookies: string[] = [];
    const tx = store.takePending(form.get("tx") ?? "", browserId(req, setCookies));
    const session = currentSession(req);
    if (!tx || !session) return page(res, 400, render(ErrorScreen({ code: ESIA_ERRORS.missingParameter.code, text: "Сеанс входа устарел. Начните вход заново." })));
    if (form.get("decision") !== "grant") {
      store.pending.delete(tx.id);
      return errorRedirect(res, tx.params, "denied");
    }
    const person = opts.world.personByOid(session.personOid)!;
    // The ЕСИА session may have changed hands (another tab) since the screen was shown.
    if (tx.params.scopeOrg && !employerOf(person, tx.params.scopeOrg)) {
      store.pending.delete(tx.id);
      return errorRedirect(res, tx.params, "notEmployee");
    }
    store.grant(person.esiaOid, tx.params.clientId, tx.params.scopeOrg, askedScopes(tx.params));
    completeAuthorization(res, tx, session, setCookies);
  }

  /** The authorization is granted: a code for the system, back to its redirect_uri. */
  function completeAuthorization(res: Res, tx: PendingAuthorization, session: EsiaSession, setCookies: string[]) {
    store.pending.delete(tx.id);
    const person = opts.world.personByOid(session.personOid)!;
    const code = store.issueCode({
      clientId: tx.params.clientId,
      redirectUri: tx.params.redirectUri,
      scope: tx.params.scope,
      accessType: tx.params.accessType,
      personOid: session.personOid,
      sid: session.sid,
      authTime: session.authTime,
    });
    code.scope = grantedScopes(tx.params.scope, person.esiaOid, tx.params.scopeOrg);
    redirect(res, withQuery(tx.params.redirectUri, { code: code.code, state: tx.params.state }), setCookies);
  }

  async function switchUser(req: Req, res: Res) {
    const form = await readForm(req);
    const sid = parseCookies(req).esia_sid;
    if (sid) store.endSession(sid);
    redirect(res, `/aas/oauth2/consent?tx=${encodeURIComponent(form.get("tx") ?? "")}`, [cookie("esia_sid", "", 0)]);
  }

  async function token(req: Req, res: Res) {
    const p = await readForm(req);
    const state = p.get("state") ?? undefined;
    const fail = (key: EsiaErrorKey, detail?: string) =>
      sendJson(res, 400, { error: ESIA_ERRORS[key].error, error_description: errorDescription(key, detail), state });
    const client = clients.get(p.get("client_id") ?? "");
    if (!client) return fail("unauthorizedClient");
    const grantType = p.get("grant_type");
    for (const name of ["client_secret", "state", "timestamp", "token_type", "client_certificate_hash", "scope"]) {
      if (!p.get(name)) return fail("missingParameter", name);
    }
    if (p.get("token_type") !== "Bearer") return fail("missingParameter", "token_type");
    const nowSeconds = Math.floor(now() / 1000);

    if (grantType === "authorization_code") {
      if (!p.get("code") || !p.get("redirect_uri")) return fail("missingParameter", !p.get("code") ? "code" : "redirect_uri");
      const problem = checkSigned(p, client, true);
      if (problem) return fail(problem);
      const code = store.codes.get(p.get("code")!);
      if (!code || code.clientId !== client.id) return fail("badGrant");
      if (code.usedAt !== undefined) {
        // A replayed code revokes what it produced (RFC 6749 §4.1.2).
        store.revokeLineage(code.code);
        return fail("badGrant", "код уже использован");
      }
      if (code.expiresAt < now()) return fail("badGrant", "срок действия кода истёк");
      if (code.redirectUri !== p.get("redirect_uri")) return fail("badRedirectUri");
      code.usedAt = now();
      const tokens = await issueTokens(opts.tokenKeys, { issuer: issuerOf(), clientId: client.id, personOid: code.personOid, sid: code.sid, authTime: code.authTime, scope: code.scope, nowSeconds });
      const refresh = code.accessType === "offline"
        ? store.issueRefresh({ origin: code.code, clientId: client.id, scope: code.scope, personOid: code.personOid, sid: code.sid, authTime: code.authTime })
        : undefined;
      return sendJson(res, 200, {
        access_token: tokens.access, id_token: tokens.id, refresh_token: refresh?.token, state, token_type: "Bearer", expires_in: tokens.expiresIn,
      });
    }
    if (grantType === "refresh_token") {
      const problem = checkSigned(p, client, false);
      if (problem) return fail(problem);
      const grant = store.refresh.get(p.get("refresh_token") ?? "");
      if (!grant || grant.revoked || grant.clientId !== client.id || grant.expiresAt < now()) return fail("badGrant", "refresh_token");
      grant.revoked = true; // rotation: each refresh token works once
      const next = store.issueRefresh({ origin: grant.origin, clientId: grant.clientId, scope: grant.scope, personOid: grant.personOid, sid: grant.sid, authTime: grant.authTime });
      const tokens = await issueTokens(opts.tokenKeys, { issuer: issuerOf(), clientId: client.id, personOid: grant.personOid, sid: grant.sid, authTime: grant.authTime, scope: grant.scope, nowSeconds });
      return sendJson(res, 200, { access_token: tokens.access, id_token: tokens.id, refresh_token: next.token, state, token_type: "Bearer", expires_in: tokens.expiresIn });
    }
    return fail("missingParameter", "grant_type");
  }

  async function authorizeRest(req: Req) {
    const header = req.headers.authorization ?? "";
    const claims = header.startsWith("Bearer ") ? await verifyAccessToken(opts.tokenKeys, header.slice(7), issuerOf()) : null;
    if (!claims || store.revokedSids.has(claims["urn:esia:sid"])) throw restError("invalidToken");
    return { claims, scopes: new Set(claims.scope.split(" ")) };
  }

  const notAllowed = () => restError("scopeNotAllowed");

  async function rest(req: Req, res: Res, url: URL) {
    const { claims, scopes } = await authorizeRest(req);
    const parts = url.pathname.split("/").filter(Boolean); // rs, prns|orgs, ...
    const embed = url.searchParams.get("embed") === "(elements)";
    const base = opts.publicUrl.replace(/\/$/, "");
    if (parts[1] === "prns") {
      const oid = parts[2];
      if (String(claims["urn:esia:sbj_id"]) !== oid) throw notAllowed();
      const person = opts.world.personByOid(oid);
      if (!person) throw restError("notFound");
      if (parts.length === 3) {
        if (!scopes.has(`fullname?oid=${oid}`)) throw notAllowed();
        const body: EsiaPerson = {
          stateFacts: ["EntityRoot"], firstName: person.firstName, lastName: person.lastName, middleName: person.middleName, trusted: true,
          snils: scopes.has(`snils?oid=${oid}`) ? person.snils.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, "$1-$2-$3 $4") : undefined,
          status: "REGISTERED", verifying: false, containsUpCfmCode: false, eTag: `E${oid}`,
        };
        return sendJson(res, 200, body);
      }
      if (parts[3] === "ctts") {
        const contacts: EsiaContact[] = [];
        if (scopes.has(`email?oid=${oid}`)) contacts.push({ stateFacts: ["Identifiable"], id: 1, type: "EML", vrfStu: "VERIFIED", value: person.email, eTag: `C1${oid}` });
        if (scopes.has(`mobile?oid=${oid}`)) contacts.push({ stateFacts: ["Identifiable"], id: 2, type: "MBT", vrfStu: "VERIFIED", value: person.mobile, eTag: `C2${oid}` });
        if (contacts.length === 0) throw notAllowed();
        if (parts[4]) {
          const item = contacts.find((c) => String(c.id) === parts[4]);
          if (!item) throw restError("notFound");
          return sendJson(res, 200, item);
        }
        return sendJson(res, 200, collection<EsiaContact | string>(embed ? contacts : contacts.map((c) => `${base}/rs/prns/${oid}/ctts/${c.id}`)));
      }
      if (parts[3] === "roles") {
        if (!scopes.has(`usr_org?oid=${oid}`)) throw notAllowed();
        const roles: EsiaRole[] = organizationsOf(person).map(({ m, org }) => ({
          oid: Number(org.esiaOid), prnOid: Number(oid), fullName: org.fullName, shortName: org.shortName, ogrn: org.ogrn, type: org.esiaType,
          chief: m.chief, admin: m.admin, phone: org.phone, email: org.email, active: true, hasRightOfSubstitution: false,
          hasApprovalTabAccess: false, isLiquidated: false,
        }));
        return sendJson(res, 200, collection(roles));
      }
    }
    if (parts[1] === "orgs") {
      const org = opts.world.organizationByOid(parts[2]);
      if (!org) throw restError("notFound");
      const subject = opts.world.personByOid(String(claims["urn:esia:sbj_id"]))!;
      const membership = subject.memberships.find((m) => m.organizationId === org.id);
      // Organization data only under an org scope granted for this very organization (scope_org).
      const has = (scope: string) => scopes.has(grantedOrgScope(scope, org.esiaOid));
      if (parts.length === 3) {
        if (!membership || ![...scopes].some((s) => s.endsWith(`?org_oid=${org.esiaOid}`))) throw notAllowed();
        const body: EsiaOrganization = {
          stateFacts: ["EntityRoot"], oid: Number(org.esiaOid), eTag: `O${org.esiaOid}`,
          fullName: has("org_fullname") ? org.fullName : undefined,
          shortName: has("org_shortname") ? org.shortName : undefined,
          ogrn: has("org_ogrn") ? org.ogrn : undefined,
          inn: has("org_inn") ? org.inn : undefined,
          kpp: has("org_kpp") ? org.kpp : undefined,
          type: has("org_type") ? org.esiaType : undefined,
          agencyType: has("org_agencytype") && org.esiaType === "AGENCY" ? (org.kind === "ROIV" ? "10.REG" : "10.MUN") : undefined,
          oktmo: has("org_oktmo") ? (org.oktmo ?? undefined) : undefined,
        };
        return sendJson(res, 200, body);
      }
      if (parts[3] === "emps" && parts[5] === "grps") {
        if (!has("org_grps") || parts[4] !== String(claims["urn:esia:sbj_id"])) throw notAllowed();
        if (!membership) throw restError("notFound");
        const groups: EsiaGroup[] = membership.groups.map((g) => ({ stateFacts: ["Identifiable"], grp_id: g, name: opts.world.groupName(g), itSystem: "POS" }));
        return sendJson(res, 200, collection(groups));
      }
    }
    throw restError("notFound");
  }

  // «Выданные разрешения»: the person's consents, each with «Отозвать» (Госуслуги' settings page).
  function grantsPage(req: Req, res: Res, url: URL) {
    const session = currentSession(req);
    if (!session) return page(res, 200, render(LoginScreen({ action: SETTINGS_LOGIN, demo: demoPanel })));
    const person = opts.world.personByOid(session.personOid)!;
    const grants = store.grantsOf(person.esiaOid).map((g) => {
      const organization = g.orgOid ? opts.world.organizationByOid(g.orgOid) : undefined;
      return {
        id: g.id, systemName: clients.get(g.clientId)?.name ?? g.clientId, systemId: g.clientId,
        organization: organization && { name: organization.shortName, ogrn: organization.ogrn },
        rights: g.scopes.map((s) => SCOPE_DESCRIPTIONS[s] ?? s),
        grantedAt: new Date(g.grantedAt).toLocaleString("ru-RU", { timeZone: "Europe/Moscow", dateStyle: "long", timeStyle: "short" }),
      };
    });
    page(res, 200, render(GrantsScreen({ personName: fullName(person), grants, revoked: url.searchParams.get("revoked") === "1" })));
  }

  async function settingsLogin(req: Req, res: Res) {
    const form = await readForm(req);
    const person = authenticate(form);
    if (!person) return page(res, 200, render(LoginScreen({ action: SETTINGS_LOGIN, error: LOGIN_FAILED, login: form.get("login") ?? "", demo: demoPanel })));
    redirect(res, SETTINGS, [cookie("esia_sid", store.newSession(person.esiaOid).sid)]);
  }

  async function revokeGrant(req: Req, res: Res) {
    const form = await readForm(req);
    const session = currentSession(req);
    if (!session) return redirect(res, SETTINGS);
    store.revokeGrant(session.personOid, form.get("grant") ?? "");
    redirect(res, `${SETTINGS}?revoked=1`);
  }

  function logout(req: Req, res: Res, url: URL) {
    const client = clients.get(url.searchParams.get("client_id") ?? "");
    const target = url.searchParams.get("redirect_url") ?? "";
    const sid = parseCookies(req).esia_sid;
    if (sid) store.endSession(sid);
    const clearing = [cookie("esia_sid", "", 0)];
    if (client && client.logoutRedirectPrefixes.some((prefix) => target.startsWith(prefix))) return redirect(res, target, clearing);
    page(res, 200, render(InfoScreen({ title: "Вы вышли", text: "Сеанс Госуслуг завершён." })), clearing);
  }

  const INFO: Record<string, [string, string]> = {
    recovery: ["Восстановление пароля", "В эмуляторе пароль не восстанавливается: у демо-пользователей он указан на странице входа."],
    signature: ["Вход с электронной подписью", "В эмуляторе вход по электронной подписи недоступен."],
    help: ["Не удаётся войти?", "Проверьте логин (телефон, почта или СНИЛС) и пароль. Демо-пользователи перечислены на странице входа."],
    register: ["Регистрация", "В эмуляторе новые учётные записи не регистрируются: используйте демо-пользователей."],
  };

  async function handle(req: Req, res: Res) {
    const url = new URL(req.url ?? "/", opts.publicUrl);
    const route = `${req.method} ${url.pathname}`;
    try {
      if (route === `GET ${ESIA_PATHS.authorize}`) return await authorize(req, res, url);
      if (route === "POST /aas/oauth2/login") return await login(req, res);
      if (route === "GET /aas/oauth2/consent") return await consentPage(req, res, url);
      if (route === "POST /aas/oauth2/consent") return await consent(req, res);
      if (route === "POST /aas/oauth2/switch-user") return await switchUser(req, res);
      if (route === `POST ${ESIA_PATHS.token}`) return await token(req, res);
      if (req.method === "GET" && url.pathname.startsWith("/rs/")) return await rest(req, res, url);
      if (route === `GET ${ESIA_PATHS.logout}`) return logout(req, res, url);
      if (route === `GET ${SETTINGS}`) return grantsPage(req, res, url);
      if (route === `POST ${SETTINGS_LOGIN}`) return await settingsLogin(req, res);
      if (route === `POST ${SETTINGS}/revoke`) return await revokeGrant(req, res);
      if (req.method === "GET" && url.pathname.startsWith("/info/") && INFO[url.pathname.slice(6)]) {
        const [title, text] = INFO[url.pathname.slice(6)];
        return page(res, 200, render(InfoScreen({ title, text, back: sameOriginReferer(req, url) })));
      }
      if (req.method === "GET" && url.pathname.startsWith(FONT_PATH)) {
        const font = fontFile(url.pathname.slice(FONT_PATH.length));
        if (font) {
          res.writeHead(200, { "Content-Type": "font/woff2", "Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff" });
          return res.end(font);
        }
      }
      if (route === "GET /demo/people" && opts.demoPanel !== false) {
        return page(res, 200, render(DemoDirectoryScreen({ tx: url.searchParams.get("tx") || undefined, groups: directory })));
      }
      if (route === "GET /health") {
        return sendJson(res, 200, { status: "ok", crypto: { tokens: JWS_ALGORITHM[opts.tokenKeys.kind], description: describeKeyKind(opts.tokenKeys.kind) } });
      }
      if (route === "GET /") return page(res, 200, render(InfoScreen({ title: "Эмулятор ЕСИА", text: "Сервер авторизации для демонстрации и тестов портала ПОС." })));
      throw restError("notFound");
    } catch (error) {
      if (error instanceof HttpError) return sendJson(res, error.status, error.body);
      console.error("Ошибка эмулятора ЕСИА", error);
      // The emulator's own code for its failures (not a code of the real ЕСИА).
      return sendJson(res, 500, { code: "ESIA-000000", message: "Внутренняя ошибка эмулятора" });
    }
  }

  return {
    store,
    tokenKind: opts.tokenKeys.kind,
    get issuer() {
      return issuerOf();
    },
    handler: (req: Req, res: Res) => void handle(req, res),
    /** Without a host: every interface, IPv4 and IPv6 where available. */
    listen(port: number, host?: string): Promise<http.Server> {
      const server = http.createServer((req, res) => void handle(req, res));
      return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
    },
  };
}
