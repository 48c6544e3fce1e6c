-- CreateEnum
CREATE TYPE "ConnectionOverall" AS ENUM ('NOT_STARTED', 'REJECTED', 'PENDING', 'IN_PROGRESS', 'CONNECTED');

-- CreateEnum
CREATE TYPE "CabinetState" AS ENUM ('NONE', 'PENDING', 'REJECTED', 'APPROVED');

-- CreateEnum
CREATE TYPE "SiteState" AS ENUM ('GIVEN', 'NO_SITE', 'MISSING');

-- CreateEnum
CREATE TYPE "WidgetState" AS ENUM ('PLACED', 'WRONG_DOMAIN', 'MISSING', 'NO_SITE');

-- CreateTable
CREATE TABLE "ConnectionStatus" (
    "organizationId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "municipalityId" TEXT,
    "parentId" TEXT,
    "name" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "ogrn" TEXT NOT NULL,
    "inn" TEXT NOT NULL,
    "cabinetState" "CabinetState" NOT NULL,
    "cabinetId" TEXT,
    "lkoId" INTEGER,
    "sphereIds" TEXT[],
    "accountsTotal" INTEGER NOT NULL DEFAULT 0,
    "accountsConfirmed" INTEGER NOT NULL DEFAULT 0,
    "accountsTrained" INTEGER NOT NULL DEFAULT 0,
    "readyAccounts" BOOLEAN NOT NULL DEFAULT false,
    "readyResponsibles" BOOLEAN NOT NULL DEFAULT false,
    "readyTraining" BOOLEAN NOT NULL DEFAULT false,
    "readyToWork" BOOLEAN NOT NULL DEFAULT false,
    "readyPoints" INTEGER NOT NULL DEFAULT 0,
    "officialSite" TEXT,
    "site" "SiteState" NOT NULL,
    "widget" "WidgetState" NOT NULL,
    "missing" TEXT[],
    "overall" "ConnectionOverall" NOT NULL,
    "remindedAt" TIMESTAMP(3),
    "refreshedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ruleVersion" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ConnectionStatus_pkey" PRIMARY KEY ("organizationId")
);

-- CreateTable
CREATE TABLE "ConnectionStatusDirty" (
    "organizationId" TEXT NOT NULL,
    "markedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConnectionStatusDirty_pkey" PRIMARY KEY ("organizationId")
);

-- CreateIndex
CREATE INDEX "ConnectionStatus_sphereIds_idx" ON "ConnectionStatus" USING GIN ("sphereIds");

-- CreateIndex
CREATE INDEX "ConnectionStatus_regionId_overall_idx" ON "ConnectionStatus"("regionId", "overall");

-- CreateIndex
CREATE INDEX "ConnectionStatus_parentId_overall_name_organizationId_idx" ON "ConnectionStatus"("parentId", "overall", "name", "organizationId");

-- CreateIndex
CREATE INDEX "ConnectionStatus_name_organizationId_idx" ON "ConnectionStatus"("name", "organizationId");

-- CreateIndex
CREATE INDEX "ConnectionStatus_overall_name_organizationId_idx" ON "ConnectionStatus"("overall", "name", "organizationId");

-- ─── Triggers: note which organizations' connection status must be recomputed ───
-- They decide nothing: lib/status/derive.ts recomputes the noted rows before it reads them.
-- Inserts and deletes are noted per statement (bulk loads stay fast), updates per row.

CREATE FUNCTION pos_status_mark(ids TEXT[]) RETURNS VOID LANGUAGE sql AS $$
  INSERT INTO "ConnectionStatusDirty" ("organizationId")
  SELECT DISTINCT id FROM unnest(ids) AS id WHERE id IS NOT NULL
  ON CONFLICT ("organizationId") DO NOTHING
$$;

-- Organizations.
CREATE FUNCTION pos_status_organization_rows() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pos_status_mark(ARRAY(SELECT id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pos_status_mark(ARRAY(SELECT id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION pos_status_organization_row() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pos_status_mark(ARRAY[NEW.id]);
  RETURN NULL;
END $$;

CREATE TRIGGER pos_status_organization_insert AFTER INSERT ON "Organization"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pos_status_organization_rows();
CREATE TRIGGER pos_status_organization_delete AFTER DELETE ON "Organization"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pos_status_organization_rows();
CREATE TRIGGER pos_status_organization_update AFTER UPDATE OF "parentId", kind, "shortName", "fullName", ogrn, inn, "regionId", "municipalityId" ON "Organization"
  FOR EACH ROW EXECUTE FUNCTION pos_status_organization_row();

-- Tables that name the organization directly: Cabinet, CabinetRequest, Reminder.
CREATE FUNCTION pos_status_org_column_rows() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pos_status_mark(ARRAY(SELECT "organizationId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pos_status_mark(ARRAY(SELECT "organizationId" FROM old_rows));
  ELSE
    PERFORM pos_status_mark(ARRAY(SELECT "organizationId" FROM old_rows UNION SELECT "organizationId" FROM new_rows));
  END IF;
  RETURN NULL;
END $$;

-- Tables that name a cabinet: CabinetSphere, Account, WidgetPlacement.
CREATE FUNCTION pos_status_cabinet_column_rows() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pos_status_mark(ARRAY(SELECT c."organizationId" FROM "Cabinet" c WHERE c.id IN (SELECT "cabinetId" FROM new_rows)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pos_status_mark(ARRAY(SELECT c."organizationId" FROM "Cabinet" c WHERE c.id IN (SELECT "cabinetId" FROM old_rows)));
  ELSE
    PERFORM pos_status_mark(ARRAY(SELECT c."organizationId" FROM "Cabinet" c WHERE c.id IN (SELECT "cabinetId" FROM old_rows UNION SELECT "cabinetId" FROM new_rows)));
  END IF;
  RETURN NULL;
END $$;

-- A resubmitted revision can change the spheres of a request.
CREATE FUNCTION pos_status_revision_rows() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pos_status_mark(ARRAY(SELECT r."organizationId" FROM "CabinetRequest" r WHERE r.id IN (SELECT "requestId" FROM new_rows)));
  RETURN NULL;
END $$;

CREATE TRIGGER pos_status_cabinet_insert AFTER INSERT ON "Cabinet"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pos_status_org_column_rows();
CREATE TRIGGER pos_status_cabinet_update AFTER UPDATE ON "Cabinet"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pos_status_org_column_rows();
CREATE TRIGGER pos_status_cabinet_delete AFTER DELETE ON "Cabinet"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pos_status_org_column_rows();

CREATE TRIGGER pos_status_request_insert AFTER INSERT ON "CabinetRequest"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pos_status_org_column_rows();
CREATE TRIGGER pos_status_request_update AFTER UPDATE ON "CabinetRequest"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pos_status_org_column_rows();
CREATE TRIGGER pos_status_request_delete AFTER DELETE ON "CabinetRequest"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pos_status_org_column_rows();

CREATE TRIGGER pos_status_reminder_insert AFTER INSERT ON "Reminder"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pos_status_org_column_rows();

CREATE TRIGGER pos_status_revision_insert AFTER INSERT ON "CabinetRequestRevision"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pos_status_revision_rows();

CREATE TRIGGER pos_status_sphere_insert AFTER INSERT ON "CabinetSphere"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pos_status_cabinet_column_rows();
CREATE TRIGGER pos_status_sphere_delete AFTER DELETE ON "CabinetSphere"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pos_status_cabinet_column_rows();

CREATE TRIGGER pos_status_account_insert AFTER INSERT ON "Account"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pos_status_cabinet_column_rows();
CREATE TRIGGER pos_status_account_update AFTER UPDATE ON "Account"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pos_status_cabinet_column_rows();
CREATE TRIGGER pos_status_account_delete AFTER DELETE ON "Account"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pos_status_cabinet_column_rows();

-- A widget hit only moves lastSeenAt and hits: not noted (the dashboard reads lastSeenAt itself).
CREATE FUNCTION pos_status_placement_row() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pos_status_mark(ARRAY(SELECT c."organizationId" FROM "Cabinet" c WHERE c.id IN (OLD."cabinetId", NEW."cabinetId")));
  RETURN NULL;
END $$;

CREATE TRIGGER pos_status_placement_insert AFTER INSERT ON "WidgetPlacement"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pos_status_cabinet_column_rows();
CREATE TRIGGER pos_status_placement_update AFTER UPDATE OF origin, "cabinetId" ON "WidgetPlacement"
  FOR EACH ROW EXECUTE FUNCTION pos_status_placement_row();
CREATE TRIGGER pos_status_placement_delete AFTER DELETE ON "WidgetPlacement"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pos_status_cabinet_column_rows();

-- Rows that exist before this migration are computed on the first read.
INSERT INTO "ConnectionStatusDirty" ("organizationId") SELECT id FROM "Organization";
