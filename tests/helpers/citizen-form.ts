// The citizen's form as a person sends it (issue 17, finding 5): with the token the form page renders
// (issued long enough ago for a person to have filled it in), from an address of its own.
import { randomUUID } from "node:crypto";
import { issueFormToken, MIN_FILL_MS } from "@/lib/messages/form-guard";
import { CLIENT_ADDRESS_HEADER } from "@/lib/security/client-address";

/** The hidden fields of a form opened MIN_FILL_MS + 2 s ago: its idempotency key and its token. */
export function formFields(lkoId: number, idempotencyKey: string = randomUUID()): { idempotencyKey: string; formToken: string } {
  return { idempotencyKey, formToken: issueFormToken(lkoId, idempotencyKey, new Date(Date.now() - MIN_FILL_MS - 2_000)) };
}

let next = 0;
/** A fresh address each call (TEST-NET-2), so that the per-address limit is not what a test meets. */
export const citizenAddress = () => `198.51.100.${(next++ % 250) + 1}`;
/** The server's stamp of that address, as the request header. */
export const fromAddress = (address = citizenAddress()) => ({ [CLIENT_ADDRESS_HEADER]: address });
