import { randomUUID } from "node:crypto";
import { formDataToObject } from "@/lib/actions/define-action";
import { formCsp, renderMessageForm, renderRefusal, renderSent } from "@/lib/messages/form-page";
import { findWidgetCabinet, sentReceipt, submitCitizenMessage, SUBMIT_ERRORS, type TWidgetCabinet } from "@/lib/messages/submit";
import { officialOrigin, siteOrigins } from "@/lib/functioning/official-site";
import { clientAddress } from "@/lib/security/client-address";

// The widget's message form: /form?opaId=<ЛКО>. Framed only by the cabinet's official site
// (CSP frame-ancestors); submissions from any other origin are refused (docs/decisions/008-widget.md).
const MAX_BODY = 32 * 1024;

function html(body: string, status: number, frameAncestor: string | null, extra: Record<string, string> = {}) {
  return new Response(body, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": formCsp(frameAncestor),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "same-origin",
      ...extra,
    },
  });
}

/** The frame-ancestors sources: the official site and its www twin (exactly that pair), or none. */
function frameAncestors(cabinet: TWidgetCabinet): string | null {
  const forms = siteOrigins(officialOrigin(cabinet));
  return forms.length > 0 ? forms.join(" ") : null;
}

const unavailable = () => html(renderRefusal("Форма недоступна", SUBMIT_ERRORS.unavailable), 404, null);

async function cabinetOf(request: Request): Promise<{ lkoId: number; cabinet: TWidgetCabinet | null }> {
  const lkoId = Number(new URL(request.url).searchParams.get("opaId"));
  return { lkoId, cabinet: await findWidgetCabinet(lkoId) };
}

/** The page that framed the form, as the browser told us (only for display and the message's source). */
function embedder(request: Request): string | null {
  if (request.headers.get("sec-fetch-dest") !== "iframe") return null;
  try {
    return new URL(request.headers.get("referer") ?? "").origin;
  } catch {
    return null;
  }
}

export async function GET(request: Request) {
  const { lkoId, cabinet } = await cabinetOf(request);
  if (!cabinet) return unavailable();
  const frame = frameAncestors(cabinet);
  const sent = new URL(request.url).searchParams.get("sent");
  if (sent) return html(renderSent(cabinet.name, lkoId, await sentReceipt(cabinet.id, sent)), 200, frame);
  return html(renderMessageForm({ lkoId, cabinetName: cabinet.name, values: {}, idempotencyKey: randomUUID(), embeddedBy: embedder(request) }), 200, frame);
}

export async function POST(request: Request) {
  const { lkoId, cabinet } = await cabinetOf(request);
  if (!cabinet) return unavailable();
  const frame = frameAncestors(cabinet);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY) return html(renderRefusal("Сообщение слишком длинное", "Сократите текст и отправьте сообщение снова."), 413, frame);
  let values: Record<string, unknown>;
  try {
    values = formDataToObject(await request.formData());
  } catch {
    return html(renderRefusal("Сообщение не принято", SUBMIT_ERRORS.conflict), 400, frame);
  }
  const outcome = await submitCitizenMessage(lkoId, values, { origin: request.headers.get("origin"), address: clientAddress(request.headers) });
  if (outcome.ok) return new Response(null, { status: 303, headers: { Location: `/form?opaId=${lkoId}&sent=${encodeURIComponent(outcome.messageId)}`, "Cache-Control": "no-store" } });
  // The form again, with what the citizen typed (a fresh token with it).
  const formAgain = (error: string, status: number, fieldErrors?: Record<string, string[]>, extra?: Record<string, string>) =>
    html(
      renderMessageForm({
        lkoId, cabinetName: cabinet.name, values, fieldErrors, error,
        idempotencyKey: typeof values.idempotencyKey === "string" && /^[A-Za-z0-9_-]{16,64}$/.test(values.idempotencyKey) ? values.idempotencyKey : randomUUID(),
        embeddedBy: typeof values.embeddedBy === "string" ? values.embeddedBy : null,
      }),
      status, frame, extra,
    );
  switch (outcome.reason) {
    case "invalid":
      return formAgain(outcome.error, 422, outcome.fieldErrors);
    case "again":
      return formAgain(outcome.error, outcome.status, undefined, outcome.retryAfterMs ? { "Retry-After": String(Math.ceil(outcome.retryAfterMs / 1000)) } : undefined);
    case "origin":
      return html(renderRefusal("Сообщение не принято", outcome.error), 403, frame);
    case "unavailable":
      return unavailable();
    case "conflict":
      return html(renderRefusal("Сообщение не принято", outcome.error), 409, frame);
  }
}
