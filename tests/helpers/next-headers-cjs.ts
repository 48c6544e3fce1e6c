// next-auth's route handler require()s next/headers when called (CommonJS, out of vi.mock's reach):
// give it the same stand-in for Next's request scope as our own code (tests/setup/next-request.ts).
import { createRequire } from "node:module";
import { nextHeadersMock } from "./request-context";

const require = createRequire(import.meta.url);
const resolved = require.resolve("next/headers");
require.cache[resolved] = { id: resolved, filename: resolved, loaded: true, exports: nextHeadersMock } as unknown as NodeJS.Module;
