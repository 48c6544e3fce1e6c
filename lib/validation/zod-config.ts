// How zod behaves everywhere, in the browser and on the server alike:
// - its own messages (wrong type, too long, not in the list…) in Russian, for the fields whose schema
//   does not word its own: a forged or broken request still gets an answer a person can read;
// - no code generation (new Function): the Content-Security-Policy forbids eval, and zod's probe for
//   it would be reported as a violation on every page with a form.
import { z } from "zod";

z.config({ ...z.locales.ru(), jitless: true });
