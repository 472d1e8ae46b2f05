// Bundles the ingest's worker threads (TypeScript) into ES modules so a worker starts without a
// TypeScript loader (~50 ms instead of ~300 ms): the parse worker of the CLI and the worker that
// runs an API ingest off the request thread. Run by postinstall, `npm run build`, the tests and
// the bench; without a bundle the ingest loads the TypeScript through tsx.
import { build } from "esbuild";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
// lib/db marks its modules `import "server-only"`; a worker is server code, so that marker is empty here.
const serverOnly = {
  name: "server-only",
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "" }));
  },
};
await Promise.all(
  ["parse-worker", "ingest-worker"].map((name) =>
    build({
      entryPoints: [path.join(root, `lib/ingest/${name}.ts`)],
      outfile: path.join(root, `lib/ingest/generated/${name}.mjs`),
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      logLevel: "warning",
      plugins: [serverOnly],
    }),
  ),
);
