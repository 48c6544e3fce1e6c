// Review queue and request card at scale (issue 4): a synthetic municipality with N institutions
// (BENCH_INSTITUTIONS, default 100 000, 20 управления — about 4 500 requests per управление, 500 of
// them waiting), on a fresh embedded database migrated like production, at the level of services.
//   npm run bench -- requests-queue   (bench/run.ts adds --conditions=react-server: the services
//   are server-only modules)
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { adapterForPglite, newPglite } from "../lib/db/adapter";
import { createPrismaClient } from "../lib/db/prisma";
import { migrateDeploy } from "../prisma/migrate";
import { seedDemo } from "../prisma/seed/demo";
import { seedSynthetic } from "../prisma/seed/synthetic";
import type { Actor } from "../lib/access/actor";
import { SMOKE, setting } from "./support/mode";

const institutions = setting("BENCH_INSTITUTIONS", 100_000, 1_000);
const root = path.resolve(import.meta.dirname, "..");
const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pos-bench-requests-"));
const dataDir = path.join(dir, "pglite");

let t = performance.now();
await migrateDeploy({ ...process.env, PGLITE_DIR: dataDir, DATABASE_URL: "" }, { quiet: true, cwd: root });
const pglite = newPglite(dataDir);
await pglite.waitReady;
const db = createPrismaClient(adapterForPglite(pglite));
(globalThis as { __posDb?: unknown }).__posDb = db;
await seedDemo(db);
await seedSynthetic(db, { institutions, departments: 20 });
console.log(`подготовка базы (${institutions} учреждений): ${((performance.now() - t) / 1000).toFixed(1)} с`);

const { listReviewQueue, loadRequestCard } = await import("../lib/requests/review");
const { reviewableRequestsWhere } = await import("../lib/access/policies");
const { ZRequestQueueFilter } = await import("../lib/requests/schemas");

// The administrator of Управление № 1: an active LKO_ADMIN account in its editorial cabinet.
const actor: Actor = {
  personId: "syn-person-reviewer",
  memberships: [],
  accounts: [{ accountId: "bench", cabinetId: "syn-cab-ed-syn-org-dep-1", cabinetKind: "EDITORIAL", organizationId: "syn-org-dep-1", regionId: "region-74", active: true, trainingConfirmedAt: new Date(), roles: [{ role: "LKO_ADMIN", sphereIds: [] }] }],
};
console.log(`заявок у Управления № 1: ${await db.cabinetRequest.count({ where: { reviewerOrganizationId: "syn-org-dep-1" } })}, ждут решения: ${await db.cabinetRequest.count({ where: { reviewerOrganizationId: "syn-org-dep-1", status: "PENDING" } })}`);

async function measure(name: string, fn: () => Promise<unknown>, runs = SMOKE ? 4 : 20) {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${name}: медиана ${times[Math.floor(runs / 2)].toFixed(1)} мс, p95 ${times[Math.floor(runs * 0.95) - 1].toFixed(1)} мс`);
}

const filter = (raw: Record<string, unknown>) => ZRequestQueueFilter.parse(raw);
await measure("очередь: ждут решения, стр. 1", () => listReviewQueue(actor, filter({})));
await measure("очередь: все статусы, стр. 1", () => listReviewQueue(actor, filter({ status: "ALL" })));
await measure("очередь: все статусы, последняя страница", () => listReviewQueue(actor, filter({ status: "ALL", page: 90 })));
await measure("очередь: все статусы + тип кабинета", () => listReviewQueue(actor, filter({ status: "ALL", type: "SUBORDINATE_OMSU" })));
await measure("число ожидающих в навигации", () => db.cabinetRequest.count({ where: { AND: [reviewableRequestsWhere(actor), { status: "PENDING" }] } }));
await measure("карточка заявки", () => loadRequestCard(actor, "syn-req-20"));

await db.$disconnect();
await pglite.close();
await fs.rm(dir, { recursive: true, force: true });
