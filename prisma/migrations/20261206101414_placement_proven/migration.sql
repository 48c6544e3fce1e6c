-- CreateEnum
CREATE TYPE "SiteCheckTrigger" AS ENUM ('MANUAL', 'SITE_CHANGED', 'CODE_CHANGED', 'SCHEDULED');

-- AlterTable
ALTER TABLE "Cabinet" ADD COLUMN     "siteCheckClaimedUntil" TIMESTAMP(3),
ADD COLUMN     "siteCheckDueAt" TIMESTAMP(3),
ADD COLUMN     "siteCheckReason" "SiteCheckTrigger";

-- AlterTable
ALTER TABLE "SiteCheck" ADD COLUMN     "trigger" "SiteCheckTrigger" NOT NULL DEFAULT 'MANUAL';

-- CreateIndex
CREATE INDEX "Cabinet_siteCheckDueAt_idx" ON "Cabinet"("siteCheckDueAt");

-- ─── Issue 17: «Размещён» is proven by the server's own check of the official site ───
-- The loader's reports are hints now: they no longer decide the status, so they no longer note it.
DROP TRIGGER pos_status_placement_insert ON "WidgetPlacement";
DROP TRIGGER pos_status_placement_update ON "WidgetPlacement";
DROP TRIGGER pos_status_placement_delete ON "WidgetPlacement";
DROP TRIGGER pos_status_placement_seen ON "WidgetPlacement";
DROP FUNCTION pos_status_placement_row();

-- A new check (or one pruned) can change the status of its cabinet's organization.
CREATE TRIGGER pos_status_site_check_insert AFTER INSERT ON "SiteCheck"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pos_status_cabinet_column_rows();
CREATE TRIGGER pos_status_site_check_delete AFTER DELETE ON "SiteCheck"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pos_status_cabinet_column_rows();

-- A widget found on another domain is no longer a status (it is a hint): code found on the
-- official site that would not run is.
ALTER TYPE "WidgetState" RENAME VALUE 'WRONG_DOMAIN' TO 'NOT_WORKING';

-- Every cabinet with a site gets its first scheduled check within a day, spread over the day.
UPDATE "Cabinet" SET "siteCheckDueAt" = now() + random() * interval '24 hours', "siteCheckReason" = 'SCHEDULED'
WHERE "officialSite" IS NOT NULL AND NOT "noSite" AND status = 'ACTIVE';

-- Every row is recomputed by the new rule (lib/status/rules.ts) on the next read.
INSERT INTO "ConnectionStatusDirty" ("organizationId") SELECT "organizationId" FROM "ConnectionStatus" ON CONFLICT DO NOTHING;
