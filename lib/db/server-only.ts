// Marks modules that must never reach a client bundle. Next's "server-only" package throws when
// imported outside a React Server environment, which also breaks CLIs and tests; this check is
// the same guard for browsers without breaking Node.
if (typeof window !== "undefined") {
  throw new Error("lib/db is server-only and must not be imported from client components");
}
export {};
