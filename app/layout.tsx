import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import "@fontsource/golos-text/cyrillic-400.css";
import "@fontsource/golos-text/cyrillic-500.css";
import "@fontsource/golos-text/cyrillic-700.css";
import "@fontsource/golos-text/latin-400.css";
import "@fontsource/golos-text/latin-700.css";
import "./globals.css";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { UserMenu } from "@/components/layout/UserMenu";
import { PortalNav } from "@/components/layout/PortalNav";
import { navigationFor } from "@/lib/access/navigation";
import { getSignedIn } from "@/lib/auth/session";
import { ACTIONS, NAV } from "@/lib/ui/strings";
import { isLowVision, VISION_COOKIE } from "@/lib/ui/vision";
import { MAIN_CLASS, SIGN_IN_LINK_CLASS, SITE_DESCRIPTION, SKIP_LINK_CLASS } from "@/lib/ui/site-chrome";

export const metadata: Metadata = {
  title: { default: "ПОС — Платформа обратной связи", template: "%s — ПОС" },
  description: SITE_DESCRIPTION,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const signedIn = await getSignedIn();
  const session = signedIn?.session;
  const navigation = signedIn ? await navigationFor(signedIn) : [];
  const lowVision = isLowVision((await cookies()).get(VISION_COOKIE)?.value);
  return (
    <html lang="ru" data-vision={lowVision ? "low" : undefined}>
      <body className="flex min-h-screen flex-col">
        <a href="#main" className={SKIP_LINK_CLASS}>
          {NAV.skipToContent}
        </a>
        <SiteHeader lowVision={lowVision}>
          {session ? <UserMenu session={session} /> : <a href="/signin" className={SIGN_IN_LINK_CLASS}>{ACTIONS.signIn}</a>}
        </SiteHeader>
        <PortalNav items={navigation} />
        <main id="main" tabIndex={-1} className={MAIN_CLASS}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
