// Where mail goes. In development and tests the bundled catcher receives it (npm run dev starts it).
export interface MailConfig {
  /** SMTP_URL, e.g. smtp://user:pass@smtp.example.ru:587 */
  smtpUrl: string;
  /** MAIL_FROM */
  from: string;
  /** MAIL_CATCHER_URL: the catcher's web address; only set where «Почта (демо)» may be shown. */
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
