import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // The ЕСИА emulator renders whole documents outside Next.js.
    files: ["lib/esia-emulator/**"],
    rules: { "@next/next/no-head-element": "off" },
  },
  {
    ignores: [".next/**", "node_modules/**", "lib/db/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
];

export default config;
