// The two codes the generator gives, each with the lines a site's own CSP needs for it: today's
// four-part code (as the real ПОС gives it: its inline script and style need their hashes) and the
// code without inline script or style (the portal's origin is enough). On the server: hashes need node:crypto.
import { classicCodeParts, noInlineCode, widgetCode, type TWidgetCodeInput } from "./banner";
import { widgetCspLines } from "./site-csp";

export interface TWidgetCode {
  code: string;
  csp: string[];
}
export interface TWidgetCodes {
  classic: TWidgetCode;
  noInline: TWidgetCode;
}

export function widgetCodes(input: TWidgetCodeInput): TWidgetCodes {
  const parts = classicCodeParts(input);
  return {
    classic: { code: widgetCode(input), csp: widgetCspLines(input.portalOrigin, { script: parts.call, style: parts.style }) },
    noInline: { code: noInlineCode(input), csp: widgetCspLines(input.portalOrigin) },
  };
}
