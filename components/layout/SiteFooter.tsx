import { Markup } from "@/components/ui/Markup";
import { FOOTER_CLASS, FOOTER_CONTENT } from "@/lib/ui/site-chrome";

/** The footer, one text with the pages without scripts (lib/ui/site-chrome.ts). */
export function SiteFooter() {
  return <Markup as="footer" className={FOOTER_CLASS} html={FOOTER_CONTENT} />;
}
