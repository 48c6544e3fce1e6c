import { vi } from "vitest";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersMock);
// Cache invalidation has no meaning outside a running Next server.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), unstable_cache: <T>(fn: T) => fn }));
