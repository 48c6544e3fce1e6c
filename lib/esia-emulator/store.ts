// The emulator's state: browser sessions, pending authorizations, codes and tokens in memory (the
// emulator is one process, and a restart simply logs everybody out of ЕСИА); the persons' consents
// are remembered as ЕСИА remembers them, in a file when one is given, until revoked.
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface AuthorizationParams {
  clientId: string;
  redirectUri: string;
  scope: string[];
  scopeOrg?: string;
  state: string;
  accessType: "online" | "offline";
}

export interface PendingAuthorization {
  id: string;
  browserId: string;
  params: AuthorizationParams;
  createdAt: number;
}

export interface EsiaSession {
  sid: string;
  personOid: string;
  authTime: number;
}

export interface IssuedCode {
  code: string;
  clientId: string;
  redirectUri: string;
  scope: string[];
  accessType: "online" | "offline";
  personOid: string;
  sid: string;
  authTime: number;
  expiresAt: number;
  usedAt?: number;
}

export interface RefreshGrant {
  token: string;
  /** The code the grant descends from: a replay of that code revokes the whole lineage. */
  origin: string;
  clientId: string;
  scope: string[];
  personOid: string;
  sid: string;
  authTime: number;
  expiresAt: number;
  revoked: boolean;
}

/** A person's consent: these scopes to this system (for this organization, with scope_org). */
export interface ConsentGrant {
  id: string;
  personOid: string;
  clientId: string;
  orgOid?: string;
  scopes: string[];
  grantedAt: number;
}

export const CODE_TTL_MS = 5 * 60_000;
export const PENDING_TTL_MS = 30 * 60_000;
export const REFRESH_TTL_MS = 14 * 24 * 3600_000;

export class EmulatorStore {
  readonly sessions = new Map<string, EsiaSession>();
  readonly pending = new Map<string, PendingAuthorization>();
  readonly codes = new Map<string, IssuedCode>();
  readonly refresh = new Map<string, RefreshGrant>();
  readonly revokedSids = new Set<string>();
  private grants: ConsentGrant[] = [];

  /** `grantsFile`: where consents outlive a restart (absent: memory only, as in tests). */
  constructor(private readonly now: () => number = Date.now, private readonly grantsFile?: string) {
    if (grantsFile && fs.existsSync(grantsFile)) this.grants = JSON.parse(fs.readFileSync(grantsFile, "utf8")) as ConsentGrant[];
  }

  private sameHolder(g: ConsentGrant, personOid: string, clientId: string, orgOid: string | undefined) {
    return g.personOid === personOid && g.clientId === clientId && g.orgOid === orgOid;
  }

  /** The consent that already covers every one of these scopes, if the person gave it. */
  findGrant(personOid: string, clientId: string, orgOid: string | undefined, scopes: string[]): ConsentGrant | undefined {
    return this.grants.find((g) => this.sameHolder(g, personOid, clientId, orgOid) && scopes.every((s) => g.scopes.includes(s)));
  }

  /** Records a consent; scopes given before to the same system (and organization) are kept. */
  grant(personOid: string, clientId: string, orgOid: string | undefined, scopes: string[]): ConsentGrant {
    const existing = this.grants.find((g) => this.sameHolder(g, personOid, clientId, orgOid));
    if (existing) {
      existing.scopes = [...new Set([...existing.scopes, ...scopes])];
      existing.grantedAt = this.now();
    } else {
      this.grants.push({ id: randomUUID(), personOid, clientId, orgOid, scopes: [...scopes], grantedAt: this.now() });
    }
    this.saveGrants();
    return this.grants.find((g) => this.sameHolder(g, personOid, clientId, orgOid))!;
  }

  grantsOf(personOid: string): ConsentGrant[] {
    return this.grants.filter((g) => g.personOid === personOid).sort((a, b) => b.grantedAt - a.grantedAt);
  }

  /** Revokes one of the person's consents and the system's offline access that rests on it. */
  revokeGrant(personOid: string, id: string): boolean {
    const grant = this.grants.find((g) => g.id === id && g.personOid === personOid);
    if (!grant) return false;
    this.grants = this.grants.filter((g) => g !== grant);
    for (const refresh of this.refresh.values()) if (refresh.personOid === personOid && refresh.clientId === grant.clientId) refresh.revoked = true;
    this.saveGrants();
    return true;
  }

  private saveGrants(): void {
    if (!this.grantsFile) return;
    fs.mkdirSync(path.dirname(this.grantsFile), { recursive: true });
    // Whole-file replace: a crash mid-write leaves the previous consents, never half a file.
    const temporary = `${this.grantsFile}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(this.grants, null, 2));
    fs.renameSync(temporary, this.grantsFile);
  }

  newSession(personOid: string): EsiaSession {
    const session = { sid: randomUUID(), personOid, authTime: this.now() };
    this.sessions.set(session.sid, session);
    return session;
  }

  endSession(sid: string): void {
    this.sessions.delete(sid);
    this.revokedSids.add(sid);
    for (const grant of this.refresh.values()) if (grant.sid === sid) grant.revoked = true;
  }

  addPending(browserId: string, params: AuthorizationParams): PendingAuthorization {
    this.sweep();
    const entry = { id: randomBytes(16).toString("hex"), browserId, params, createdAt: this.now() };
    this.pending.set(entry.id, entry);
    return entry;
  }

  takePending(id: string, browserId: string): PendingAuthorization | undefined {
    const entry = this.pending.get(id);
    if (!entry || entry.browserId !== browserId || this.now() - entry.createdAt > PENDING_TTL_MS) return undefined;
    return entry;
  }

  issueCode(data: Omit<IssuedCode, "code" | "expiresAt">): IssuedCode {
    const code = { ...data, code: randomBytes(24).toString("base64url"), expiresAt: this.now() + CODE_TTL_MS };
    this.codes.set(code.code, code);
    return code;
  }

  issueRefresh(data: Omit<RefreshGrant, "token" | "expiresAt" | "revoked">): RefreshGrant {
    const grant = { ...data, token: randomUUID(), expiresAt: this.now() + REFRESH_TTL_MS, revoked: false };
    this.refresh.set(grant.token, grant);
    return grant;
  }

  revokeLineage(origin: string): void {
    for (const grant of this.refresh.values()) if (grant.origin === origin) grant.revoked = true;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, p] of this.pending) if (now - p.createdAt > PENDING_TTL_MS) this.pending.delete(id);
    for (const [id, c] of this.codes) if (now - c.expiresAt > PENDING_TTL_MS) this.codes.delete(id);
  }
}
