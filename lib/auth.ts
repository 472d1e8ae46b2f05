/** next-auth options: email + password (Credentials), JWT sessions carrying the user's id and role. */
import type { NextAuthOptions, Session } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import type { Actor, Role } from "./db/actor";

const Credentials = z.object({ email: z.email(), password: z.string().min(1).max(200) });

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = Credentials.safeParse(raw);
        if (!parsed.success) return null;
        const { verifyCredentials } = await import("./db/users");
        const u = await verifyCredentials(parsed.data.email, parsed.data.password);
        return u ? { id: u.id, name: u.name, email: u.email, role: u.role } : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = (user as { role?: Role }).role ?? "customer";
      }
      return token;
    },
    async session({ session, token }) {
      (session as Session & { actor?: Actor }).actor = { id: String(token.uid), role: token.role === "operator" ? "operator" : "customer" };
      return session;
    },
  },
};

/** The signed-in actor in a server component, action or route handler; null when signed out. */
export async function currentActor(): Promise<Actor | null> {
  const session = (await getServerSession(authOptions)) as (Session & { actor?: Actor }) | null;
  return session?.actor ?? null;
}
