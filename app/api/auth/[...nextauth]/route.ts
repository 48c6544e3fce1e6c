import NextAuth from "next-auth";
import { withValidCallbackUrl } from "@/lib/auth/callback-url-guard";
import { authOptions } from "@/lib/auth/options";

const handler = withValidCallbackUrl(NextAuth(authOptions));

export { handler as GET, handler as POST };
