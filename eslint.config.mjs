import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * The layers, kept by the linter (docs/architecture.md): each block lists what a folder may not
 * import. Relative and "@/" paths are both matched.
 */
// typescript-eslint's variant of the rule: a group built with typesOnlyOk() lets `import type` through
// (erased at build time; madge still counts it for cycles), every other import it names is an error.
const restrict = (groups, packages = []) => ({
  "@typescript-eslint/no-restricted-imports": [
    "error",
    {
      paths: packages.map(([name, message]) => ({ name, message })),
      patterns: groups.map(([group, message, allowTypeImports = false]) => ({ ...(Array.isArray(group) ? { group } : group), message, allowTypeImports })),
    },
  ],
});
const typesOnlyOk = ([group, message]) => [group, `${message} (import type is allowed)`, true];
const FRAMEWORK = [["next", "next/*", "react", "react-dom", "react/*", "next-auth", "next-auth/*"], "framework-free: no Next or React here"];
const DATABASE = [["@prisma/*", "better-sqlite3", "pg", "pg-copy-streams", "pg-boss", "**/db/generated/*", "**/lib/db/*", "**/db/*", "@/lib/db/*", "../db", "../../db"], "only lib/db touches the database"];
// Node's built-ins by exact name (a pattern like "stream" would also match a module ./stream).
const IO = [{ regex: "^(node:.*|fs|path|child_process|worker_threads|crypto|os|http|https|net|stream)(/.*)?$" }, "lib/core does no I/O: take plain data, return plain data"];
const OUTER = (...names) => [names.flatMap((n) => [`**/lib/${n}`, `**/lib/${n}/*`, `@/lib/${n}`, `@/lib/${n}/*`, `../${n}`, `../${n}/*`, `../../${n}`, `../../${n}/*`, `../../../${n}/*`]), `may not import lib/${names.join(", lib/")}`];
const UI = [["**/components/*", "@/components/*", "**/app/*", "@/app/*"], "no pages or components below the app layer"];

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ["node_modules/**", ".next/**", "lib/db/generated/**", "lib/ingest/generated/**", "tmp/**", ".data/**", "next-env.d.ts", "playwright-report/**", "test-results/**"] },
  { rules: { "@typescript-eslint/no-explicit-any": "off" } },
  {
    files: ["lib/core/**/*.ts"],
    rules: restrict([FRAMEWORK, DATABASE, IO, UI, [["@ai-sdk/*", "@aws-sdk/*"], "framework-free"], OUTER("ai", "ingest", "actions", "auth", "http", "pipeline", "content", "eval", "generator", "jobs")], [["ai", "framework-free: the AI SDK lives in lib/ai"], ["plaid", "lib/core/plaid.ts holds the bundle's own schemas"]]),
  },
  {
    files: ["lib/content/**/*.ts"],
    rules: restrict([FRAMEWORK, DATABASE, IO, UI, OUTER("ai", "ingest", "actions", "auth", "http", "pipeline", "eval", "generator")]),
  },
  {
    files: ["lib/db/**/*.ts"],
    ignores: ["lib/db/**/*.test.ts"],
    rules: restrict([FRAMEWORK, UI, OUTER("ingest", "actions", "ai", "http", "pipeline", "generator", "jobs"), typesOnlyOk(OUTER("eval"))]),
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: restrict([DATABASE, OUTER("ingest", "pipeline", "ai", "http", "jobs", "plaid"), typesOnlyOk(OUTER("eval")), [["**/app/*", "@/app/*"], "components do not import pages"]]),
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: restrict([[["@prisma/*", "better-sqlite3", "pg", "pg-copy-streams", "pg-boss", "**/db/generated/*", "@/lib/db/client", "@/lib/db/raw"], "pages and route handlers call lib/db functions, never the client"]]),
  },
];
export default config;
