// A test that logs an unexpected console.error, or an unexpected error line in the structured log,
// fails (style.md): errors must be asserted, not printed.
import { afterEach, beforeEach, vi } from "vitest";
import { watchLog } from "@/lib/observability/log";

let errors: unknown[][] = [];
let stopWatching = () => {};
beforeEach(() => {
  errors = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
  stopWatching = watchLog((line) => {
    if (line.level === "error" || line.level === "fatal") errors.push([JSON.stringify(line)]);
    else process.stdout.write(`${JSON.stringify(line)}\n`);
  });
});
afterEach(() => {
  vi.mocked(console.error).mockRestore();
  stopWatching();
  if (errors.length > 0) {
    throw new Error(`Неожиданный console.error в тесте:\n${errors.map((a) => a.map(String).join(" ")).join("\n")}`);
  }
});
