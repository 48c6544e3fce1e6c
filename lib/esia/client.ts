// The portal's ЕСИА client, written against the real protocol: signed authorization requests,
// the code exchange with its own state, token validation, and the person's REST data.
import { randomUUID } from "node:crypto";
import type { EsiaConfig } from "./config";
import type { EsiaCrypto } from "./crypto";
import {
  ESIA_PATHS, UUID_RE, formatTimestamp, grantedOrgScope, secretMessage,
  type EsiaCollection, type EsiaContact, type EsiaGroup, type EsiaOrganization, type EsiaPerson, type EsiaRole,
} from "./protocol";

export class EsiaError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
    this.name = "EsiaError";
  }
}

export interface EsiaTokens {
  accessToken: string;
  idToken: string;
  refreshToken?: string;
  expiresIn: number;
  oid: string;
  sid: string;
  scope: string[];
}

export interface EsiaProfileOrganization {
  oid: string;
  ogrn: string;
  fullName: string;
  shortName: string;
  type: string;
  chief: boolean;
  admin: boolean;
  active: boolean;
  email?: string;
  phone?: string;
  inn?: string;
  kpp?: string;
  oktmo?: string;
  agencyType?: string;
  /** The person's access groups there; absent when ЕСИА did not grant org_grps for this organization. */
  groups?: Array<{ mnemonic: string; name: string }>;
}

/** What ЕСИА told about one organization under its org scopes (the second authorization). */
export interface EsiaOrganizationGrant {
  oid: string;
  ogrn?: string;
  inn?: string;
  kpp?: string;
  oktmo?: string;
  agencyType?: string;
  groups: Array<{ mnemonic: string; name: string }>;
}

/** One kind of authorization: its scopes, the organization (scope_org) and the registered return address. */
export interface EsiaGrantRequest {
  scope: string;
  scopeOrg?: string;
  redirectUri: string;
}

export interface EsiaProfile {
  oid: string;
  lastName: string;
  firstName: string;
  middleName?: string;
  snils?: string;
  trusted: boolean;
  email?: string;
  mobile?: string;
  organizations: EsiaProfileOrganization[];
}

type Fetch = typeof fetch;

export class EsiaClient {
  constructor(
    private readonly config: EsiaConfig,
    private readonly crypto: EsiaCrypto,
    private readonly fetchImpl: Fetch = fetch,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The cryptography in use, in words (lib/esia/crypto.ts). */
  get cryptoDescription(): string {
    return this.crypto.description;
  }

  /** The sign-in: person scopes only. */
  signInRequest(): EsiaGrantRequest {
    return { scope: this.config.scope, redirectUri: this.config.redirectUri };
  }

  /** The organization's rights, granted by ЕСИА only for the organization named in scope_org. */
  organizationRequest(orgOid: string): EsiaGrantRequest {
    return { scope: this.config.organizationScope, scopeOrg: orgOid, redirectUri: this.config.organizationRedirectUri };
  }

  private async signed(request: EsiaGrantRequest, fields: { state: string; code?: string }) {
    const timestamp = formatTimestamp(this.now());
    const client_secret = await this.crypto.signer.sign(
      secretMessage({
        client_id: this.config.clientId, scope: request.scope, scope_org: request.scopeOrg, timestamp, state: fields.state,
        redirect_uri: request.redirectUri, code: fields.code,
      }),
    );
    return {
      client_id: this.config.clientId, client_secret, client_certificate_hash: this.crypto.signer.certificateHash, timestamp,
      redirect_uri: request.redirectUri, scope: request.scope, ...(request.scopeOrg ? { scope_org: request.scopeOrg } : {}), state: fields.state,
    };
  }

  /** The browser goes here to sign in (or to grant an organization's rights); `state` must be a UUID that the callback checks. */
  async authorizationUrl(state: string, accessType: "online" | "offline" = "online", request = this.signInRequest()): Promise<string> {
    if (!UUID_RE.test(state)) throw new EsiaError("state must be a UUID");
    const url = new URL(ESIA_PATHS.authorize, this.config.baseUrl);
    const params = { ...(await this.signed(request, { state })), response_type: "code", access_type: accessType };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return url.toString();
  }

  /** Exchanges the code of an authorization made with the same request (scope, scope_org, redirect_uri). */
  async exchangeCode(code: string, request = this.signInRequest()): Promise<EsiaTokens> {
    const state = randomUUID();
    const body = new URLSearchParams({ ...(await this.signed(request, { state, code })), code, grant_type: "authorization_code", token_type: "Bearer" });
    const res = await this.fetchImpl(new URL(ESIA_PATHS.token, this.config.baseUrl), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body,
      cache: "no-store",
    });
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok) throw new EsiaError(String(json.error_description ?? json.error ?? `HTTP ${res.status}`), String(json.error ?? ""));
    if (json.state !== state) throw new EsiaError("Ответ ЕСИА не соответствует запросу (state)");
    return this.validateTokens(json);
  }

  private async validateTokens(json: Record<string, unknown>): Promise<EsiaTokens> {
    const accessToken = String(json.access_token ?? "");
    const idToken = String(json.id_token ?? "");
    let access, id;
    try {
      access = await this.crypto.verifier.verify(accessToken);
      id = await this.crypto.verifier.verify(idToken);
    } catch (error) {
      throw new EsiaError(`Подпись маркера ЕСИА не подтверждена: ${(error as Error).message}`);
    }
    if (access.iss !== this.config.issuer || id.iss !== this.config.issuer) throw new EsiaError("Маркер выдан другим издателем");
    if (access.client_id !== this.config.clientId) throw new EsiaError("Маркер доступа выдан другой системе");
    const aud = Array.isArray(id.aud) ? id.aud : [id.aud];
    if (!aud.includes(this.config.clientId)) throw new EsiaError("Маркер идентификации выдан другой системе");
    const oid = String(access["urn:esia:sbj_id"] ?? "");
    if (!oid || id.sub !== oid) throw new EsiaError("Маркеры относятся к разным пользователям");
    return {
      accessToken,
      idToken,
      refreshToken: typeof json.refresh_token === "string" ? json.refresh_token : undefined,
      expiresIn: Number(json.expires_in ?? 0),
      oid,
      sid: String(access["urn:esia:sid"] ?? ""),
      scope: String(access.scope ?? "").split(" ").filter(Boolean),
    };
  }

  private async rest<T>(path: string, accessToken: string): Promise<T> {
    const res = await this.fetchImpl(new URL(path, this.config.baseUrl), { headers: { Authorization: `Bearer ${accessToken}` }, cache: "no-store" });
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
      throw new EsiaError(`ЕСИА ответила ${res.status} на ${path}: ${body.code ?? ""} ${body.message ?? ""}`.trim(), body.code);
    }
    return (await res.json()) as T;
  }

  /**
   * The person, contacts and organizations behind the sign-in's tokens. An organization's
   * requisites and access groups come only under its org scopes (loadOrganization).
   */
  async loadProfile(tokens: EsiaTokens): Promise<EsiaProfile> {
    const { oid, accessToken } = tokens;
    const person = await this.rest<EsiaPerson>(ESIA_PATHS.person(oid), accessToken);
    const contacts = await this.rest<EsiaCollection<EsiaContact>>(`${ESIA_PATHS.contacts(oid)}?embed=(elements)`, accessToken);
    const roles = await this.rest<EsiaCollection<EsiaRole>>(ESIA_PATHS.roles(oid), accessToken);
    const organizations: EsiaProfileOrganization[] = [];
    for (const role of roles.elements.filter((r) => r.active !== false)) {
      const orgOid = String(role.oid);
      const grant = this.grantsOrganization(tokens, orgOid) ? await this.loadOrganization(tokens, orgOid) : null;
      organizations.push({
        oid: orgOid, ogrn: role.ogrn, fullName: role.fullName, shortName: role.shortName, type: role.type, chief: role.chief, admin: role.admin,
        active: role.active, email: role.email, phone: role.phone, inn: grant?.inn, kpp: grant?.kpp, oktmo: grant?.oktmo,
        agencyType: grant?.agencyType, groups: grant?.groups,
      });
    }
    const verified = (type: string) => contacts.elements.find((c) => c.type === type && c.vrfStu === "VERIFIED")?.value;
    return {
      oid,
      lastName: person.lastName,
      firstName: person.firstName,
      middleName: person.middleName,
      snils: person.snils?.replace(/\D/g, ""),
      trusted: person.trusted,
      email: verified("EML")?.toLowerCase(),
      mobile: verified("MBT"),
      organizations,
    };
  }

  /** Whether the tokens carry the access groups' scope for this organization. */
  grantsOrganization(tokens: EsiaTokens, orgOid: string): boolean {
    return tokens.scope.includes(grantedOrgScope("org_grps", orgOid));
  }

  /** The organization's requisites and the person's access groups there, under the org scopes of the tokens. */
  async loadOrganization(tokens: EsiaTokens, orgOid: string): Promise<EsiaOrganizationGrant> {
    if (!this.grantsOrganization(tokens, orgOid)) throw new EsiaError("ЕСИА не предоставила права в этой организации (org_grps)");
    const details = await this.rest<EsiaOrganization>(ESIA_PATHS.organization(orgOid), tokens.accessToken);
    const groups = await this.rest<EsiaCollection<EsiaGroup>>(ESIA_PATHS.employeeGroups(orgOid, tokens.oid), tokens.accessToken);
    return {
      oid: orgOid, ogrn: details.ogrn, inn: details.inn, kpp: details.kpp, oktmo: details.oktmo, agencyType: details.agencyType,
      groups: groups.elements.map((g) => ({ mnemonic: g.grp_id, name: g.name })),
    };
  }

  logoutUrl(): string {
    const url = new URL(ESIA_PATHS.logout, this.config.baseUrl);
    url.searchParams.set("client_id", this.config.clientId);
    url.searchParams.set("redirect_url", this.config.logoutReturnUrl);
    return url.toString();
  }
}
