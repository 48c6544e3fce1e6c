-- The monitoring's tree of organs (lib/status/query.ts, organsCte) steps from an organ to the organs
-- under it: `parentId = … AND kind IN (organ kinds)`. The index on parentId alone holds every
-- institution too (5 000 under one управление), so PostgreSQL read all organs by kind instead.
-- Partial: only organs, a few rows per parent. Not expressible in schema.prisma (as the partial
-- unique index of the init migration).

-- CreateIndex
CREATE INDEX "Organization_organ_parentId_idx" ON "Organization" ("parentId") WHERE kind IN ('ROIV', 'OMSU', 'TERRITORIAL_ROIV');
