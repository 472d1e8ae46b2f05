// Next 16's proxy (formerly middleware): signed-in users only on /operator and /me; operators only on /operator.
import { withAuth } from "next-auth/middleware";

export default withAuth({
  pages: { signIn: "/signin" },
  callbacks: {
    authorized({ token, req }) {
      if (!token) return false;
      if (req.nextUrl.pathname.startsWith("/operator")) return token.role === "operator";
      return true;
    },
  },
});

export const config = { matcher: ["/operator/:path*", "/me/:path*"] };
