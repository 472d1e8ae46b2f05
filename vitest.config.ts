import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // Tests run server modules outside React's server environment: the marker resolves to its
      // empty module, as it does under Next's react-server condition and the scripts' --conditions flag.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/helpers/build-workers.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration tests share one database: run files one at a time.
    fileParallelism: false,
  },
});
