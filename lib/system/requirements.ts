// Programs outside npm that the tests (and the run command) need, how each is found, and what to do
// when one is missing: install its Debian packages when we may (root with apt-get), otherwise stop
// at once with one Russian line naming the exact command. Pure decisions over an injected view of
// the machine, so the logic is tested without touching the real one (tests/unit/system).
import fs from "node:fs";
import path from "node:path";
import { GOST_ENGINE_PACKAGE, gostEngineCandidates } from "../esia/gost-engine";

/** What the decisions look at; `systemProbe()` reads the real machine. */
export interface SystemProbe {
  env: Record<string, string | undefined>;
  isRoot: boolean;
  hasAptGet: boolean;
  exists(file: string): boolean;
  /** Entries of a folder, [] when it does not exist. */
  list(dir: string): string[];
}

export interface Requirement {
  id: "chromium" | "chromium-l10n" | "postgresql" | "gost-engine";
  /** What it is for, in the message: «Chromium для сквозных тестов». */
  purpose: string;
  packages: string[];
  /** Where it was found, or null. An explicit but wrong setting is reported through `misconfigured`. */
  find(probe: SystemProbe): string | null;
  /** A setting that names something that is not there: never overridden by an install. */
  misconfigured?(probe: SystemProbe): string | null;
}

const DEBIAN_CHROMIUM = "/usr/bin/chromium";
const POSTGRES_ROOT = "/usr/lib/postgresql";

/** Chromium for Playwright: CHROMIUM_PATH, else Debian's. */
export function chromiumPath(probe: SystemProbe = systemProbe()): string | null {
  const configured = probe.env.CHROMIUM_PATH;
  if (configured) return probe.exists(configured) ? configured : null;
  return probe.exists(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : null;
}

/** The newest PostgreSQL server programs' folder (initdb, pg_ctl), or null. */
export function postgresBin(probe: SystemProbe = systemProbe()): string | null {
  const versions = probe
    .list(POSTGRES_ROOT)
    .filter((v) => probe.exists(path.join(POSTGRES_ROOT, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(POSTGRES_ROOT, versions[0], "bin") : null;
}

export const REQUIREMENTS: Record<Requirement["id"], Requirement> = {
  chromium: {
    id: "chromium",
    purpose: "Chromium для сквозных тестов",
    packages: ["chromium"],
    find: (p) => chromiumPath(p),
    misconfigured: (p) =>
      p.env.CHROMIUM_PATH && !p.exists(p.env.CHROMIUM_PATH) ? `CHROMIUM_PATH=${p.env.CHROMIUM_PATH}: такого файла нет` : null,
  },
  // The browser's own Russian interface (date fields as ДД.ММ.ГГГГ); only Debian's Chromium has this file.
  "chromium-l10n": {
    id: "chromium-l10n",
    purpose: "русский интерфейс Chromium",
    packages: ["chromium-l10n"],
    find: (p) => (p.env.CHROMIUM_PATH ? p.env.CHROMIUM_PATH : p.exists("/usr/lib/chromium/locales/ru.pak") ? "/usr/lib/chromium/locales/ru.pak" : null),
  },
  // A throwaway cluster for the fault test and the benchmarks, unless they are given a server.
  postgresql: {
    id: "postgresql",
    purpose: "серверные программы PostgreSQL для теста сбоев",
    packages: ["postgresql"],
    find: (p) => (p.env.BENCH_DATABASE_URL ? p.env.BENCH_DATABASE_URL : postgresBin(p)),
  },
  // OpenSSL's ГОСТ engine: ЕСИА's signatures (lib/esia/gost-engine.ts finds and loads it the same way).
  "gost-engine": {
    id: "gost-engine",
    purpose: "ГОСТ-криптография для ЕСИА",
    packages: [GOST_ENGINE_PACKAGE],
    find: (p) => gostEngineCandidates(p.env, p.list).find((file) => p.exists(file)) ?? null,
    misconfigured: (p) =>
      p.env.ESIA_GOST_ENGINE && !p.exists(p.env.ESIA_GOST_ENGINE) ? `ESIA_GOST_ENGINE=${p.env.ESIA_GOST_ENGINE}: такого файла нет` : null,
  },
};

/** What each command needs. */
export const NEEDS: Record<string, Requirement["id"][]> = {
  test: ["chromium", "chromium-l10n", "postgresql", "gost-engine"],
  e2e: ["chromium", "chromium-l10n", "postgresql", "gost-engine"],
  bench: ["postgresql", "gost-engine"],
  dev: [],
};

/**
 * What a command installs when it may, but goes on without, saying so: the demo's ЕСИА falls back
 * to RSA without the ГОСТ engine (the portal and the emulator say it again at start).
 */
export const WANTS: Record<string, Requirement["id"][]> = {
  dev: ["gost-engine"],
};

export type SetupPlan =
  | { kind: "ready" }
  | { kind: "install"; packages: string[]; command: string[] }
  | { kind: "warn"; message: string }
  | { kind: "refuse"; message: string };

/** Decides, without side effects, what the set-up step does for `command`. */
export function planSetup(task: keyof typeof NEEDS, probe: SystemProbe): SetupPlan {
  const needed = [...(NEEDS[task] ?? []), ...(WANTS[task] ?? [])].map((id) => REQUIREMENTS[id]);
  const wrong = needed.map((r) => r.misconfigured?.(probe)).filter((m): m is string => !!m);
  if (wrong.length) return { kind: "refuse", message: `Проверьте настройку: ${wrong.join("; ")}.` };
  const missing = needed.filter((r) => !r.find(probe));
  if (missing.length === 0) return { kind: "ready" };
  const packages = [...new Set(missing.flatMap((r) => r.packages))];
  const command = ["apt-get", "install", "-y", "--no-install-recommends", ...packages];
  if (probe.isRoot && probe.hasAptGet) return { kind: "install", packages, command };
  const what = missing.map((r) => r.purpose).join(", ");
  const how = probe.hasAptGet ? `sudo ${command.join(" ")}` : `пакеты ${packages.join(", ")} из вашего дистрибутива`;
  if (missing.every((r) => (WANTS[task] ?? []).includes(r.id))) {
    return { kind: "warn", message: `Не хватает: ${what}. Установите: ${how}; пока вход через эмулятор ЕСИА идёт на RSA.` };
  }
  return { kind: "refuse", message: `Не хватает: ${what}. Установите: ${how} — и запустите команду снова.` };
}

export function systemProbe(env: Record<string, string | undefined> = process.env): SystemProbe {
  return {
    env,
    isRoot: process.getuid?.() === 0,
    hasAptGet: fs.existsSync("/usr/bin/apt-get"),
    exists: (file) => fs.existsSync(file),
    list: (dir) => {
      try {
        return fs.readdirSync(dir);
      } catch {
        return [];
      }
    },
  };
}
