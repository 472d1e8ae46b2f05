/**
 * next-auth options: email + password (Credentials), JWT sessions carrying the user's id, role and
 * session version (lib/auth/session.ts checks the version on every request). Signing out raises
 * the version, which ends every session of the user at once.
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import type { Role } from "../db/actor";
import { currentSessionActor, endSessions } from "../db/sessions";
import { servedOverHttps } from "./cookie";
import { claimOf } from "./session";
import { clientAddress, signInWithPassword } from "./sign-in";

/** How long a session may last without a request to /api/auth/session renewing it. */
const SESSION_MAX_AGE_S = 8 * 60 * 60;

const Credentials = z.object({ email: z.email(), password: z.string().min(1).max(200) });

/** Thrown from the jwt callback for a token whose session has ended: next-auth then clears the cookie. */
class SessionEnded extends Error {}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  // Secure session cookie (named __Secure-…) when the app is served over https.
  useSecureCookies: servedOverHttps(),
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = Credentials.safeParse(raw);
        if (!parsed.success) return null;
        const u = await signInWithPassword(parsed.data.email, parsed.data.password, clientAddress(req.headers ?? {}));
        return u ? { id: u.id, name: u.name, email: u.email, role: u.role, sv: u.sessionVersion } : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as { id: string; role?: Role; sv?: number };
        return { ...token, uid: u.id, role: u.role ?? "customer", sv: u.sv ?? 0 };
      }
      // Renewals (GET /api/auth/session) check the session too, so a revoked one is not renewed.
      const claim = claimOf(token);
      if (!claim || !(await currentSessionActor(claim))) throw new SessionEnded("session ended");
      return token;
    },
  },
  events: {
    async signOut({ token }) {
      const claim = claimOf(token);
      const actor = claim ? await currentSessionActor(claim) : null;
      if (actor) await endSessions(actor, actor.id);
    },
  },
  logger: {
    error(code, metadata) {
      // An ended session reaching /api/auth/session is expected: next-auth clears its cookie.
      const err = (metadata as { error?: unknown } | undefined)?.error ?? metadata;
      if (code === "JWT_SESSION_ERROR" && err instanceof SessionEnded) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
};
