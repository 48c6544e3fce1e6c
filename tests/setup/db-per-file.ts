// Each test file runs on a fresh copy of the demo database; services reach it through `@/lib/db`,
// which takes the client placed on globalThis here.
import { afterAll } from "vitest";
import { copyTemplateDatabase } from "../helpers/db";

const database = await copyTemplateDatabase("demo");
(globalThis as { __posDb?: unknown }).__posDb = database.db;

afterAll(async () => {
  await database.close();
});
