import type { NextConfig } from "next";
import { servedOverHttps } from "./lib/auth/cookie";
import { staticApiHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "pg-copy-streams", "pg-boss"],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() and app/forbidden.tsx: a signed-in customer opening /operator gets a 403 page.
  experimental: { authInterrupts: true },
  // The proxy sets the security headers everywhere else (proxy.ts); it stays off the ingest API.
  async headers() {
    return [{ source: "/api/ingest", headers: staticApiHeaders(servedOverHttps()) }];
  },
};

export default nextConfig;
