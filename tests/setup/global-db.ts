import type { TestProject } from "vitest/node";
import { buildTemplates, type TemplateInfo } from "./template-db";

declare module "vitest" {
  export interface ProvidedContext {
    dbTemplates: TemplateInfo;
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const { info, cleanup } = await buildTemplates();
  console.log(`Шаблон тестовой базы (${info.kind}) готов за ${Date.now() - started} мс`);
  project.provide("dbTemplates", info);
  return cleanup;
}
