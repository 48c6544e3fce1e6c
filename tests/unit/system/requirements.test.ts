// The test command's set-up step: a missing program leads to its install (as root) or to one
// Russian line with the exact command — never to a run of tests that all fail for want of it.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chromiumPath, planSetup, postgresBin, type SystemProbe } from "@/lib/system/requirements";

const GOST = "/usr/lib/x86_64-linux-gnu/engines-3/gost.so";
const EVERYTHING = ["/usr/bin/chromium", "/usr/lib/chromium/locales/ru.pak", "/usr/lib/postgresql/15/bin/initdb", GOST];

function machine(files: string[], over: Partial<SystemProbe> = {}): SystemProbe {
  const set = new Set(files);
  return {
    env: {},
    isRoot: false,
    hasAptGet: true,
    exists: (f) => set.has(f),
    list: (dir) => [...new Set(files.filter((f) => f.startsWith(dir + "/")).map((f) => f.slice(dir.length + 1).split("/")[0]))],
    ...over,
  };
}

describe("set-up of the test command", () => {
  it("is ready when Chromium, its Russian locale, PostgreSQL's server programs and the ГОСТ engine are there", () => {
    expect(planSetup("test", machine(EVERYTHING))).toEqual({ kind: "ready" });
  });

  it("installs the missing Debian packages when it runs as root", () => {
    const plan = planSetup("test", machine([], { isRoot: true }));
    expect(plan).toEqual({
      kind: "install",
      packages: ["chromium", "chromium-l10n", "postgresql", "libengine-gost-openssl"],
      command: ["apt-get", "install", "-y", "--no-install-recommends", "chromium", "chromium-l10n", "postgresql", "libengine-gost-openssl"],
    });
  });

  it("asks for exactly what is missing, in one Russian line with the command, when it may not install", () => {
    const plan = planSetup("test", machine(["/usr/lib/postgresql/15/bin/initdb", GOST]));
    expect(plan.kind).toBe("refuse");
    const message = (plan as { message: string }).message;
    expect(message).not.toContain("\n");
    expect(message).toContain("sudo apt-get install -y --no-install-recommends chromium chromium-l10n");
    expect(message).not.toContain("postgresql");
    expect(message).toMatch(/^Не хватает: Chromium для сквозных тестов, русский интерфейс Chromium\./);
  });

  it("names the packages without apt-get (another distribution)", () => {
    const plan = planSetup("test", machine([], { hasAptGet: false, isRoot: true }));
    expect(plan).toMatchObject({ kind: "refuse", message: expect.stringContaining("пакеты chromium, chromium-l10n, postgresql, libengine-gost-openssl") });
  });

  it("the ГОСТ engine: needed by the tests and benchmarks, wanted by `npm run dev` (RSA without it, said so)", () => {
    const noGost = EVERYTHING.filter((f) => f !== GOST);
    expect(planSetup("test", machine(noGost))).toEqual({
      kind: "refuse",
      message: "Не хватает: ГОСТ-криптография для ЕСИА. Установите: sudo apt-get install -y --no-install-recommends libengine-gost-openssl — и запустите команду снова.",
    });
    expect(planSetup("bench", machine(noGost)).kind).toBe("refuse");
    expect(planSetup("dev", machine(noGost))).toEqual({
      kind: "warn",
      message: "Не хватает: ГОСТ-криптография для ЕСИА. Установите: sudo apt-get install -y --no-install-recommends libengine-gost-openssl; пока вход через эмулятор ЕСИА идёт на RSA.",
    });
    expect(planSetup("dev", machine(noGost, { isRoot: true }))).toMatchObject({ kind: "install", packages: ["libengine-gost-openssl"] });
    // Another architecture's Debian path, or the file named by ESIA_GOST_ENGINE, is found as well.
    expect(planSetup("dev", machine(["/usr/lib/aarch64-linux-gnu/engines-3/gost.so"]))).toEqual({ kind: "ready" });
    expect(planSetup("dev", machine(["/opt/gost/gost.so"], { env: { ESIA_GOST_ENGINE: "/opt/gost/gost.so" } }))).toEqual({ kind: "ready" });
    expect(planSetup("dev", machine(EVERYTHING, { isRoot: true, env: { ESIA_GOST_ENGINE: "/opt/none.so" } }))).toEqual({
      kind: "refuse",
      message: "Проверьте настройку: ESIA_GOST_ENGINE=/opt/none.so: такого файла нет.",
    });
  });

  it("never installs over a CHROMIUM_PATH that names no file: the setting is reported", () => {
    const plan = planSetup("test", machine(EVERYTHING, { isRoot: true, env: { CHROMIUM_PATH: "/opt/nowhere/chrome" } }));
    expect(plan).toEqual({ kind: "refuse", message: "Проверьте настройку: CHROMIUM_PATH=/opt/nowhere/chrome: такого файла нет." });
  });

  it("takes a browser given by CHROMIUM_PATH and a server given by BENCH_DATABASE_URL", () => {
    const probe = machine(["/opt/chrome/chrome", GOST], { env: { CHROMIUM_PATH: "/opt/chrome/chrome", BENCH_DATABASE_URL: "postgresql://db/pos" } });
    expect(planSetup("test", probe)).toEqual({ kind: "ready" });
    expect(chromiumPath(probe)).toBe("/opt/chrome/chrome");
  });

  it("picks the newest PostgreSQL version that has its server programs", () => {
    expect(postgresBin(machine(["/usr/lib/postgresql/15/bin/initdb", "/usr/lib/postgresql/16/bin/psql"]))).toBe("/usr/lib/postgresql/15/bin");
    expect(postgresBin(machine(["/usr/lib/postgresql/15/bin/initdb", "/usr/lib/postgresql/17/bin/initdb"]))).toBe("/usr/lib/postgresql/17/bin");
    expect(postgresBin(machine([]))).toBeNull();
  });

  it("the real step stops at once with that one line, exit code 1, for a browser path that is not there", () => {
    const root = path.resolve(import.meta.dirname, "../../..");
    const run = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["lib/system/ensure-cli.ts", "test"], {
      cwd: root,
      env: { ...process.env, CHROMIUM_PATH: "/opt/nowhere/chrome" },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual(["Проверьте настройку: CHROMIUM_PATH=/opt/nowhere/chrome: такого файла нет."]);
  });
});
