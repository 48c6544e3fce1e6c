// Zod's own messages (wrong type, too long, not in the list…) in Russian, for the fields whose
// schema does not word its own: a forged or broken request still gets an answer a person can read.
import { z } from "zod";

z.config(z.locales.ru());
