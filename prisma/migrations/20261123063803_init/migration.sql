-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('ROIV', 'OMSU', 'TERRITORIAL_ROIV', 'SUBORDINATE_ROIV', 'SUBORDINATE_OMSU');

-- CreateEnum
CREATE TYPE "CabinetKind" AS ENUM ('EDITORIAL', 'WORK');

-- CreateEnum
CREATE TYPE "CabinetType" AS ENUM ('ROIV', 'OMSU', 'TERRITORIAL_ROIV', 'SUBORDINATE_ROIV', 'SUBORDINATE_OMSU');

-- CreateEnum
CREATE TYPE "CabinetStatus" AS ENUM ('ACTIVE', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "AccountStatus" AS ENUM ('INVITED', 'CONFIRMED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "AccountRoleKind" AS ENUM ('LKO_ADMIN', 'CURATOR', 'MODERATOR', 'OBSERVER', 'CONNECTION_MONITOR', 'REGION_OPERATOR');

-- CreateEnum
CREATE TYPE "MessageStatus" AS ENUM ('NEW', 'IN_PROGRESS', 'ANSWERED');

-- CreateEnum
CREATE TYPE "SiteCheckOutcome" AS ENUM ('CORRECT', 'WRONG_ID', 'MISSING', 'TOO_MANY', 'UNREACHABLE');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "Region" (
    "id" TEXT NOT NULL,
    "code" INTEGER NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Municipality" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "oktmo" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "connectionDeadline" DATE,

    CONSTRAINT "Municipality_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "esiaOid" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "ogrn" TEXT NOT NULL,
    "inn" TEXT NOT NULL,
    "kpp" TEXT,
    "kind" "OrganizationKind" NOT NULL,
    "regionId" TEXT NOT NULL,
    "municipalityId" TEXT,
    "parentId" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "esiaOid" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "middleName" TEXT,
    "snils" TEXT,
    "email" TEXT,
    "mobile" TEXT,
    "trusted" BOOLEAN NOT NULL DEFAULT true,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessGroup" (
    "id" TEXT NOT NULL,
    "mnemonic" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "AccessGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "chief" BOOLEAN NOT NULL DEFAULT false,
    "admin" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" TEXT,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MembershipGroup" (
    "membershipId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,

    CONSTRAINT "MembershipGroup_pkey" PRIMARY KEY ("membershipId","groupId")
);

-- CreateTable
CREATE TABLE "Sphere" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Sphere_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cabinet" (
    "id" TEXT NOT NULL,
    "lkoId" SERIAL NOT NULL,
    "kind" "CabinetKind" NOT NULL,
    "type" "CabinetType" NOT NULL,
    "name" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "editorialCabinetId" TEXT,
    "status" "CabinetStatus" NOT NULL DEFAULT 'ACTIVE',
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "dataConfirmedAt" TIMESTAMP(3),
    "dataConfirmedById" TEXT,
    "officialSite" TEXT,
    "noSite" BOOLEAN NOT NULL DEFAULT false,
    "noSiteReason" TEXT,
    "readyAccounts" BOOLEAN NOT NULL DEFAULT false,
    "readyResponsibles" BOOLEAN NOT NULL DEFAULT false,
    "readyTraining" BOOLEAN NOT NULL DEFAULT false,
    "readyToWork" BOOLEAN NOT NULL DEFAULT false,
    "readinessUpdatedAt" TIMESTAMP(3),
    "widgetVariant" INTEGER,
    "widgetBannerText" TEXT,
    "widgetGeneratedAt" TIMESTAMP(3),

    CONSTRAINT "Cabinet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CabinetSphere" (
    "cabinetId" TEXT NOT NULL,
    "sphereId" TEXT NOT NULL,

    CONSTRAINT "CabinetSphere_pkey" PRIMARY KEY ("cabinetId","sphereId")
);

-- CreateTable
CREATE TABLE "CabinetRequest" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" "CabinetKind" NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'PENDING',
    "applicantId" TEXT NOT NULL,
    "reviewerOrganizationId" TEXT NOT NULL,
    "currentRevision" INTEGER NOT NULL DEFAULT 1,
    "rejectionReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "cabinetId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CabinetRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CabinetRequestRevision" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "type" "CabinetType" NOT NULL,
    "editorialCabinetId" TEXT,
    "sphereIds" TEXT[],
    "email" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decision" "RequestStatus",
    "reason" TEXT,
    "reviewerId" TEXT,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "CabinetRequestRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RejectionReasonTemplate" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RejectionReasonTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "cabinetId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "middleName" TEXT,
    "phone" TEXT,
    "position" TEXT NOT NULL,
    "status" "AccountStatus" NOT NULL DEFAULT 'INVITED',
    "personId" TEXT,
    "statusBeforeArchive" "AccountStatus",
    "confirmedAt" TIMESTAMP(3),
    "trainingConfirmedAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountRole" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "role" "AccountRoleKind" NOT NULL,

    CONSTRAINT "AccountRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountRoleSphere" (
    "accountRoleId" TEXT NOT NULL,
    "sphereId" TEXT NOT NULL,

    CONSTRAINT "AccountRoleSphere_pkey" PRIMARY KEY ("accountRoleId","sphereId")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "sentTo" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthSession" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "selectedOrganizationId" TEXT,
    "esiaSid" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "CitizenMessage" (
    "id" TEXT NOT NULL,
    "cabinetId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "consentAt" TIMESTAMP(3) NOT NULL,
    "origin" TEXT,
    "status" "MessageStatus" NOT NULL DEFAULT 'NEW',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "idempotencyKey" TEXT,

    CONSTRAINT "CitizenMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WidgetPlacement" (
    "id" TEXT NOT NULL,
    "cabinetId" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "hits" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "WidgetPlacement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SiteCheck" (
    "id" TEXT NOT NULL,
    "cabinetId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "outcome" "SiteCheckOutcome" NOT NULL,
    "details" TEXT,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SiteCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentById" TEXT,
    "missing" JSONB NOT NULL,

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusSnapshot" (
    "id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "organId" TEXT NOT NULL,
    "counts" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorPersonId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "cabinetId" TEXT,
    "organizationId" TEXT,
    "data" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "messageId" TEXT NOT NULL,
    "dedupeKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Region_code_key" ON "Region"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Municipality_oktmo_key" ON "Municipality"("oktmo");

-- CreateIndex
CREATE INDEX "Municipality_regionId_idx" ON "Municipality"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_esiaOid_key" ON "Organization"("esiaOid");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_ogrn_key" ON "Organization"("ogrn");

-- CreateIndex
CREATE INDEX "Organization_parentId_idx" ON "Organization"("parentId");

-- CreateIndex
CREATE INDEX "Organization_regionId_kind_idx" ON "Organization"("regionId", "kind");

-- CreateIndex
CREATE INDEX "Organization_municipalityId_idx" ON "Organization"("municipalityId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_esiaOid_key" ON "Person"("esiaOid");

-- CreateIndex
CREATE UNIQUE INDEX "Person_snils_key" ON "Person"("snils");

-- CreateIndex
CREATE UNIQUE INDEX "AccessGroup_mnemonic_key" ON "AccessGroup"("mnemonic");

-- CreateIndex
CREATE INDEX "Membership_organizationId_idx" ON "Membership"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_personId_organizationId_key" ON "Membership"("personId", "organizationId");

-- CreateIndex
CREATE INDEX "MembershipGroup_groupId_idx" ON "MembershipGroup"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "Sphere_code_key" ON "Sphere"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Sphere_name_key" ON "Sphere"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Cabinet_lkoId_key" ON "Cabinet"("lkoId");

-- CreateIndex
CREATE INDEX "Cabinet_editorialCabinetId_idx" ON "Cabinet"("editorialCabinetId");

-- CreateIndex
CREATE INDEX "Cabinet_regionId_kind_type_idx" ON "Cabinet"("regionId", "kind", "type");

-- CreateIndex
CREATE UNIQUE INDEX "Cabinet_organizationId_kind_key" ON "Cabinet"("organizationId", "kind");

-- CreateIndex
CREATE INDEX "CabinetSphere_sphereId_idx" ON "CabinetSphere"("sphereId");

-- CreateIndex
CREATE UNIQUE INDEX "CabinetRequest_cabinetId_key" ON "CabinetRequest"("cabinetId");

-- CreateIndex
CREATE INDEX "CabinetRequest_reviewerOrganizationId_status_createdAt_idx" ON "CabinetRequest"("reviewerOrganizationId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "CabinetRequest_organizationId_kind_idx" ON "CabinetRequest"("organizationId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "CabinetRequestRevision_requestId_number_key" ON "CabinetRequestRevision"("requestId", "number");

-- CreateIndex
CREATE INDEX "RejectionReasonTemplate_organizationId_idx" ON "RejectionReasonTemplate"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_email_key" ON "Account"("email");

-- CreateIndex
CREATE INDEX "Account_cabinetId_status_idx" ON "Account"("cabinetId", "status");

-- CreateIndex
CREATE INDEX "Account_personId_idx" ON "Account"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_cabinetId_personId_key" ON "Account"("cabinetId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "AccountRole_accountId_role_key" ON "AccountRole"("accountId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_accountId_idx" ON "Invitation"("accountId");

-- CreateIndex
CREATE INDEX "AuthSession_personId_idx" ON "AuthSession"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "CitizenMessage_idempotencyKey_key" ON "CitizenMessage"("idempotencyKey");

-- CreateIndex
CREATE INDEX "CitizenMessage_cabinetId_status_createdAt_idx" ON "CitizenMessage"("cabinetId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WidgetPlacement_cabinetId_origin_key" ON "WidgetPlacement"("cabinetId", "origin");

-- CreateIndex
CREATE INDEX "SiteCheck_cabinetId_checkedAt_idx" ON "SiteCheck"("cabinetId", "checkedAt");

-- CreateIndex
CREATE INDEX "Reminder_organizationId_sentAt_idx" ON "Reminder"("organizationId", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "StatusSnapshot_day_organId_key" ON "StatusSnapshot"("day", "organId");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_cabinetId_at_idx" ON "AuditEvent"("cabinetId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_at_idx" ON "AuditEvent"("organizationId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEmail_messageId_key" ON "OutboxEmail"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEmail_dedupeKey_key" ON "OutboxEmail"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxEmail_status_nextAttemptAt_idx" ON "OutboxEmail"("status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipGroup" ADD CONSTRAINT "MembershipGroup_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipGroup" ADD CONSTRAINT "MembershipGroup_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "AccessGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cabinet" ADD CONSTRAINT "Cabinet_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cabinet" ADD CONSTRAINT "Cabinet_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cabinet" ADD CONSTRAINT "Cabinet_editorialCabinetId_fkey" FOREIGN KEY ("editorialCabinetId") REFERENCES "Cabinet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CabinetSphere" ADD CONSTRAINT "CabinetSphere_cabinetId_fkey" FOREIGN KEY ("cabinetId") REFERENCES "Cabinet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CabinetSphere" ADD CONSTRAINT "CabinetSphere_sphereId_fkey" FOREIGN KEY ("sphereId") REFERENCES "Sphere"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CabinetRequest" ADD CONSTRAINT "CabinetRequest_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CabinetRequest" ADD CONSTRAINT "CabinetRequest_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CabinetRequest" ADD CONSTRAINT "CabinetRequest_reviewerOrganizationId_fkey" FOREIGN KEY ("reviewerOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CabinetRequest" ADD CONSTRAINT "CabinetRequest_cabinetId_fkey" FOREIGN KEY ("cabinetId") REFERENCES "Cabinet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CabinetRequestRevision" ADD CONSTRAINT "CabinetRequestRevision_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "CabinetRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CabinetRequestRevision" ADD CONSTRAINT "CabinetRequestRevision_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CabinetRequestRevision" ADD CONSTRAINT "CabinetRequestRevision_editorialCabinetId_fkey" FOREIGN KEY ("editorialCabinetId") REFERENCES "Cabinet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CabinetRequestRevision" ADD CONSTRAINT "CabinetRequestRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CabinetRequestRevision" ADD CONSTRAINT "CabinetRequestRevision_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RejectionReasonTemplate" ADD CONSTRAINT "RejectionReasonTemplate_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_cabinetId_fkey" FOREIGN KEY ("cabinetId") REFERENCES "Cabinet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountRole" ADD CONSTRAINT "AccountRole_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountRoleSphere" ADD CONSTRAINT "AccountRoleSphere_accountRoleId_fkey" FOREIGN KEY ("accountRoleId") REFERENCES "AccountRole"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountRoleSphere" ADD CONSTRAINT "AccountRoleSphere_sphereId_fkey" FOREIGN KEY ("sphereId") REFERENCES "Sphere"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_selectedOrganizationId_fkey" FOREIGN KEY ("selectedOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CitizenMessage" ADD CONSTRAINT "CitizenMessage_cabinetId_fkey" FOREIGN KEY ("cabinetId") REFERENCES "Cabinet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WidgetPlacement" ADD CONSTRAINT "WidgetPlacement_cabinetId_fkey" FOREIGN KEY ("cabinetId") REFERENCES "Cabinet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteCheck" ADD CONSTRAINT "SiteCheck_cabinetId_fkey" FOREIGN KEY ("cabinetId") REFERENCES "Cabinet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ─── Constraints Prisma's schema language cannot express ───

-- Уникальный номер ЛКО: new cabinets get numbers from 300000, the demo's are below.
ALTER SEQUENCE "Cabinet_lkoId_seq" RESTART WITH 300000;

-- One open (pending or rejected, awaiting resubmission) request per organization and cabinet kind.
CREATE UNIQUE INDEX "CabinetRequest_open_per_organization_kind"
    ON "CabinetRequest" ("organizationId", "kind") WHERE "status" IN ('PENDING', 'REJECTED');

-- A rejected request carries its reason; a decided one its time.
ALTER TABLE "CabinetRequest" ADD CONSTRAINT "CabinetRequest_rejected_has_reason"
    CHECK ("status" <> 'REJECTED' OR length(btrim("rejectionReason")) > 0);
ALTER TABLE "CabinetRequest" ADD CONSTRAINT "CabinetRequest_decided_has_time"
    CHECK ("status" = 'PENDING' OR "decidedAt" IS NOT NULL);
ALTER TABLE "CabinetRequest" ADD CONSTRAINT "CabinetRequest_approved_has_cabinet"
    CHECK ("status" <> 'APPROVED' OR "cabinetId" IS NOT NULL);

-- Account emails are unique regardless of case: store them lower-case only.
ALTER TABLE "Account" ADD CONSTRAINT "Account_email_lower_case" CHECK ("email" = lower("email"));

-- One live invitation per account: a resend revokes the previous link.
CREATE UNIQUE INDEX "Invitation_one_live_per_account"
    ON "Invitation" ("accountId") WHERE "usedAt" IS NULL AND "revokedAt" IS NULL;

-- A work cabinet is bound to an editorial cabinet, an editorial cabinet is not bound.
ALTER TABLE "Cabinet" ADD CONSTRAINT "Cabinet_work_bound_to_editorial"
    CHECK (("kind" = 'WORK') = ("editorialCabinetId" IS NOT NULL));

-- ОГРН is 13 digits, ИНН of an organization 10, КПП 9, СНИЛС 11.
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_ogrn_format" CHECK ("ogrn" ~ '^[0-9]{13}$');
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_inn_format" CHECK ("inn" ~ '^[0-9]{10}$');
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_kpp_format" CHECK ("kpp" IS NULL OR "kpp" ~ '^[0-9]{9}$');
ALTER TABLE "Person" ADD CONSTRAINT "Person_snils_format" CHECK ("snils" IS NULL OR "snils" ~ '^[0-9]{11}$');
