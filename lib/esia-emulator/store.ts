// The emulator's short-lived state: browser sessions, pending authorizations, codes and tokens.
// Kept in memory: the emulator is one process, and a restart simply logs everybody out of ЕСИА.
import { randomBytes, randomUUID } from "node:crypto";

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

export const CODE_TTL_MS = 5 * 60_000;
export const PENDING_TTL_MS = 30 * 60_000;
export const REFRESH_TTL_MS = 14 * 24 * 3600_000;

export class EmulatorStore {
  readonly sessions = new Map<string, EsiaSession>();
  readonly pending = new Map<string, PendingAuthorization>();
  readonly codes = new Map<string, IssuedCode>();
  readonly refresh = new Map<string, RefreshGrant>();
  readonly revokedSids = new Set<string>();

  constructor(private readonly now: () => number = Date.now) {}

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
