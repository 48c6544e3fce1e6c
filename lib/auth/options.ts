import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { EsiaProfile, EsiaTokens } from "@/lib/esia/client";
import { esiaConfig, portalUrl } from "@/lib/esia/config";
import { getEsiaClient } from "@/lib/esia/instance";
import { authSecret } from "./secret";
import { SESSION_MAX_AGE_SECONDS, signInFromEsia } from "./profile-sync";
import { fullName } from "@/lib/ui/format";

// next-auth builds its URLs from NEXTAUTH_URL; the portal's public origin is configured once.
process.env.NEXTAUTH_URL ??= portalUrl();

/**
 * ЕСИА as a next-auth OAuth provider. Authorization goes through the portal's own route, which
 * adds ЕСИА's signed parameters (lib/auth/esia-handshake.ts); the code exchange and the person's
 * data use the ЕСИА client; next-auth keeps its own state check.
 */
function esiaProvider(): OAuthConfig<EsiaProfile> {
  const config = esiaConfig();
  return {
    id: "esia",
    name: "Госуслуги (ЕСИА)",
    type: "oauth",
    clientId: config.clientId,
    // ЕСИА has no static secret: every request carries a fresh signature (client_secret).
    clientSecret: "signed-per-request",
    checks: ["state"],
    idToken: false,
    authorization: { url: `${config.portalUrl}/api/esia/authorize`, params: { scope: config.scope } },
    token: {
      url: `${config.baseUrl}/aas/oauth2/v3/te`,
      async request({ params }) {
        const esia = await getEsiaClient();
        const tokens = await esia.exchangeCode(String(params.code ?? ""));
        return {
          tokens: {
            access_token: tokens.accessToken,
            token_type: "bearer",
            expires_at: Math.floor(Date.now() / 1000) + tokens.expiresIn,
            esia: tokens,
          } as Record<string, unknown>,
        };
      },
    },
    userinfo: {
      url: `${config.baseUrl}/rs/prns`,
      async request({ tokens }) {
        const esia = await getEsiaClient();
        return (await esia.loadProfile((tokens as unknown as { esia: EsiaTokens }).esia)) as unknown as Record<string, unknown>;
      },
    },
    profile(profile) {
      return { id: profile.oid, name: fullName(profile), email: profile.email };
    },
  };
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  providers: [esiaProvider()],
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin", error: "/signin/error" },
  callbacks: {
    async jwt({ token, account, profile }) {
      if (account?.provider === "esia" && profile) {
        const esia = (account as unknown as { esia: EsiaTokens }).esia;
        const { personId, sessionId } = await signInFromEsia(profile as unknown as EsiaProfile, esia.sid);
        // The cookie carries only these ids; roles and organizations are read from the database.
        return { sub: personId, sid: sessionId, name: token.name };
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, sid: typeof token.sid === "string" ? token.sid : undefined };
    },
    async redirect({ url, baseUrl }) {
      if (url.startsWith("/")) return `${baseUrl}${url}`;
      // Anything else stays on the portal: another origin, or a forged value that is no address at all.
      return URL.canParse(url) && new URL(url).origin === baseUrl ? url : baseUrl;
    },
  },
};
