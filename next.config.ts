import type { NextConfig } from "next";
import { cachedRenderRewrites } from "./lib/ui/cached-renders";

const nextConfig: NextConfig = {
  // The embedded database and the pg driver load native/WASM files at run time: keep them unbundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  typedRoutes: false,
  // The public status pages are the only renders Next keeps (decision 079): revalidated after 30 s
  // in the background, never served older than a minute (PUBLIC_EXPIRE_SECONDS), like the minute cache they replace.
  expireTime: 60,
  // proxy.ts names the cached render that answers a public address; these rewrites send it there
  // (lib/ui/cached-renders.ts: why not the proxy's own rewrite).
  rewrites: async () => ({ beforeFiles: cachedRenderRewrites(), afterFiles: [], fallback: [] }),
  experimental: {
    // Kept in memory only (bounded, least recently used out), never written under .next: a restart
    // starts fresh, and addresses asked by strangers cannot fill the disk.
    isrFlushToDisk: false,
  },
};

export default nextConfig;
