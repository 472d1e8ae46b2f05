import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "pg-copy-streams"],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() and app/forbidden.tsx: a signed-in customer opening /operator gets a 403 page.
  experimental: { authInterrupts: true },
};

export default nextConfig;
