-- AlterTable
ALTER TABLE "ConnectionStatus" ADD COLUMN     "recheckAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "ConnectionStatus_recheckAt_idx" ON "ConnectionStatus"("recheckAt");

-- ─── Issue 7: the widget rule of lib/widget decides whether a widget is placed ───
-- Its answer depends on how recent the loader's last report is. A report that only moves
-- lastSeenAt is noted once a day per placement (a stale report coming back to life is always on
-- a new day), and recheckAt above brings back rows whose reports go stale with no write at all.
CREATE TRIGGER pos_status_placement_seen AFTER UPDATE OF "lastSeenAt" ON "WidgetPlacement"
  FOR EACH ROW WHEN (OLD."lastSeenAt"::date IS DISTINCT FROM NEW."lastSeenAt"::date)
  EXECUTE FUNCTION pos_status_placement_row();

-- Every row is recomputed by the rule in TypeScript (lib/status/rules.ts) on the next read.
INSERT INTO "ConnectionStatusDirty" ("organizationId") SELECT "organizationId" FROM "ConnectionStatus" ON CONFLICT DO NOTHING;
