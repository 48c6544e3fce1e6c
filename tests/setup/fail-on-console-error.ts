// A test that logs an unexpected console.error fails (style.md): errors must be asserted, not printed.
import { afterEach, beforeEach, vi } from "vitest";

let errors: unknown[][] = [];
beforeEach(() => {
  errors = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});
afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (errors.length > 0) {
    throw new Error(`Неожиданный console.error в тесте:\n${errors.map((a) => a.map(String).join(" ")).join("\n")}`);
  }
});
