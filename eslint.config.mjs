import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ["node_modules/**", ".next/**", "lib/db/generated/**", "lib/ingest/generated/**", "tmp/**", ".data/**", "next-env.d.ts", "playwright-report/**", "test-results/**"] },
  { rules: { "@typescript-eslint/no-explicit-any": "off" } },
];
export default config;
