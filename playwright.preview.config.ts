import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/** The browser tests of a preview build (scripts/vercel-build-check.sh): `next start` of what `npm run vercel-build` built, on its database. */
const PORT = Number(process.env.PREVIEW_PORT || 3290);

export default defineConfig({
  ...base,
  testDir: "./e2e-preview",
  outputDir: "tmp/e2e-preview-results",
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}` },
  webServer: { command: `npx next start -H 127.0.0.1 -p ${PORT}`, url: `http://127.0.0.1:${PORT}/signin`, timeout: 120_000, reuseExistingServer: false, stdout: "ignore", stderr: "pipe" },
});
