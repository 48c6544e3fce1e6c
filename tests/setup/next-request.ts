import { vi } from "vitest";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersMock);
// React's per-request cache, as a render on the server has it (see requestCache).
vi.mock("react", async (original) => ({ ...(await original<typeof import("react")>()), cache: (await import("../helpers/request-context")).requestCache }));
// Cache invalidation has no meaning outside a running Next server.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), unstable_cache: <T>(fn: T) => fn }));
