import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    /** The portal session (AuthSession.id); everything else is read from the database. */
    sid?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}
