// The key that signs session cookies. Production sets NEXTAUTH_SECRET (the same on every
// instance); a single self-hosted instance gets one generated into .data on first start.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const SECRET_FILE = path.join(process.cwd(), ".data", "auth-secret");

export function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (!fs.existsSync(SECRET_FILE)) {
    fs.mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
    fs.writeFileSync(SECRET_FILE, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return fs.readFileSync(SECRET_FILE, "utf8").trim();
}
