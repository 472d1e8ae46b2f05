import { defineConfig } from "@playwright/test";

/** E2E_PORT: the port of the test server (default 3100), so two checkouts can run their suites side by side. */
const PORT = Number(process.env.E2E_PORT || 3100);

/**
 * Browser tests against a production build on 127.0.0.1:3100 (scripts/e2e-server.sh prepares a
 * fresh database, the pipeline run and the build). Debian's Chromium: the test tool's own browser
 * download does not work on these machines. Reporters: scripts/test.sh passes --reporter=list,json.
 */
export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  outputDir: "tmp/e2e-results",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: {
    command: "bash scripts/e2e-server.sh",
    url: `http://127.0.0.1:${PORT}/signin`,
    timeout: 240_000,
    // E2E_REUSE_SERVER=1: run against a server you started yourself (bash scripts/e2e-server.sh).
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
    stdout: "ignore",
    stderr: "pipe",
  },
});
