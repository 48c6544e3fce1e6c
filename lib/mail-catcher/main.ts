// `npm run mail:catcher`: the local SMTP catcher (SMTP on MAIL_CATCHER_SMTP_PORT, web on
// MAIL_CATCHER_HTTP_PORT). `npm run dev` starts it; the portal's «Почта (демо)» page reads it.
import { createMailCatcher } from "./server";

const smtpPort = Number(process.env.MAIL_CATCHER_SMTP_PORT || 1025);
const httpPort = Number(process.env.MAIL_CATCHER_HTTP_PORT || 1080);
const catcher = createMailCatcher();
await catcher.listen(smtpPort, httpPort, process.env.MAIL_CATCHER_HOST || "127.0.0.1");
console.log(`Почтовый перехватчик: SMTP 127.0.0.1:${smtpPort}, письма — http://127.0.0.1:${httpPort}`);
