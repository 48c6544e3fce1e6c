// Where mail goes. In development and tests the bundled catcher receives it (npm run dev starts it).
export interface MailConfig {
  /** SMTP_URL, e.g. smtp://user:pass@smtp.example.ru:587 */
  smtpUrl: string;
  /** MAIL_FROM */
  from: string;
  /** MAIL_CATCHER_URL: the local catcher's web address (outside production: the bundled one by default). */
  catcherUrl: string | null;
  /** MAIL_WORKER=off stops the in-app sender (e.g. on instances that must not send). */
  workerEnabled: boolean;
  /**
   * MAIL_LEASE_SECONDS (default 120): how long a sender owns the email it is sending. An email
   * whose sender died is sent again after this; SMTP timeouts are a quarter of it.
   */
  leaseMs: number;
}

export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const dev = env.NODE_ENV !== "production";
  const leaseSeconds = Number(env.MAIL_LEASE_SECONDS);
  return {
    smtpUrl: env.SMTP_URL || "smtp://127.0.0.1:1025",
    from: env.MAIL_FROM || '"Платформа обратной связи" <no-reply@pos.demo.test>',
    catcherUrl: env.MAIL_CATCHER_URL || (dev ? "http://127.0.0.1:1080" : null),
    workerEnabled: env.MAIL_WORKER !== "off",
    leaseMs: Number.isFinite(leaseSeconds) && leaseSeconds >= 4 ? leaseSeconds * 1000 : 120_000,
  };
}

/**
 * «Почта (демо)» (/dev/mail) shows every email the portal sent, live invitation links among them, to
 * whoever opens it: only a demo stand may have it (docs/decisions/070-demo-mailbox.md). A demo stand
 * is the demo world — the portal signs with the ЕСИА emulator's demo keys (no ESIA_CLIENT_KEY) —
 * with a mail catcher; under NODE_ENV=production it also needs the explicit DEMO_MAILBOX=1, and
 * DEMO_MAILBOX=0 turns it off anywhere.
 */
export function demoMailbox(env: NodeJS.ProcessEnv = process.env): { enabled: boolean; catcherUrl: string | null } {
  const catcherUrl = mailConfig(env).catcherUrl;
  const flag = env.DEMO_MAILBOX;
  const demoWorld = !env.ESIA_CLIENT_KEY;
  const allowed = flag === "0" ? false : env.NODE_ENV === "production" ? flag === "1" : true;
  const enabled = Boolean(catcherUrl) && demoWorld && allowed;
  return { enabled, catcherUrl: enabled ? catcherUrl : null };
}
