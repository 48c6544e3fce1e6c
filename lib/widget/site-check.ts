import "server-only";
import { portalUrl } from "@/lib/esia/config";
import { fetchPage } from "./fetch-page";
import { judgeSite, type TSiteVerdict } from "./site-verdict";

// The placement check the regions' audit tools do, and more: open the official site's page, find the
// widget's code and judge whether it would run there (site-verdict.ts). Outcomes: correct, wrong id,
// missing, more than two widgets, code that cannot run (with its causes), unreachable.

export function siteCheckConfig(env: NodeJS.ProcessEnv = process.env): { allowPrivateHosts: boolean } {
  if (env.SITE_CHECK_ALLOW_PRIVATE === "true") return { allowPrivateHosts: true };
  if (env.SITE_CHECK_ALLOW_PRIVATE === "false") return { allowPrivateHosts: false };
  // A portal that itself runs on a local address is a developer's or a test's: local sites are fine.
  const host = new URL(portalUrl(env)).hostname;
  return { allowPrivateHosts: host === "localhost" || host === "127.0.0.1" || host === "[::1]" };
}

export async function checkSite(url: string, expectedLkoId: number, opts: { allowPrivateHosts: boolean; timeoutMs?: number }): Promise<TSiteVerdict & { url: string }> {
  const page = await fetchPage(url, { allowPrivateHosts: opts.allowPrivateHosts, timeoutMs: opts.timeoutMs });
  if (!page.ok) return { url, outcome: "UNREACHABLE", details: page.error, causes: [], widgets: 0 };
  return { url, ...judgeSite(page, { lkoId: expectedLkoId, portalOrigin: new URL(portalUrl()).origin }) };
}
