// Runs in the browser before the app's own code: zod's settings (Russian messages, no eval under
// the CSP) must be in place before any form schema is built.
import "@/lib/validation/zod-config";
