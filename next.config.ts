import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "pg-copy-streams"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
