import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The embedded database and the pg driver load native/WASM files at run time: keep them unbundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
