-- Issue 20: the message back office (docs/decisions/074-message-workflow.md). Messages already
-- stored keep their meaning: «в работе» becomes «Принято модератором» (coordination), «ответ дан»
-- a closed message; each gets a number, the cabinet it arrived in and a planned date 14 calendar
-- days after arrival (the working-day rule applies to new messages).
-- CreateEnum
CREATE TYPE "MessageStage" AS ENUM ('MODERATION', 'COORDINATION', 'EXECUTION', 'APPROVAL', 'CLOSED');

-- CreateEnum
CREATE TYPE "MessageRejection" AS ENUM ('SPAM', 'ABUSE');

-- CreateEnum
CREATE TYPE "MessageResolution" AS ENUM ('RESOLVED', 'EXPLAINED', 'DECLINED');

-- CreateEnum
CREATE TYPE "MessageReminderKind" AS ENUM ('DUE_SOON', 'OVERDUE');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AccountRoleKind" ADD VALUE 'COORDINATOR';
ALTER TYPE "AccountRoleKind" ADD VALUE 'EXECUTOR';
ALTER TYPE "AccountRoleKind" ADD VALUE 'SUPERVISOR';

-- AlterEnum
BEGIN;
CREATE TYPE "MessageStatus_new" AS ENUM ('NEW', 'ACCEPTED', 'REDIRECTED_DOWN', 'REDIRECTED_UP', 'EXECUTOR_ASSIGNED', 'EXTENSION_REQUESTED', 'EXTENSION_APPROVED', 'EXTENSION_DECLINED', 'ON_APPROVAL', 'RETURNED', 'RE_REVIEW', 'ANSWERED', 'REJECTED');
ALTER TABLE "public"."CitizenMessage" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "CitizenMessage" ALTER COLUMN "status" TYPE "MessageStatus_new" USING ((CASE "status"::text WHEN 'IN_PROGRESS' THEN 'ACCEPTED' ELSE "status"::text END)::"MessageStatus_new");
ALTER TYPE "MessageStatus" RENAME TO "MessageStatus_old";
ALTER TYPE "MessageStatus_new" RENAME TO "MessageStatus";
DROP TYPE "public"."MessageStatus_old";
ALTER TABLE "CitizenMessage" ALTER COLUMN "status" SET DEFAULT 'NEW';
COMMIT;

-- DropIndex
DROP INDEX "CitizenMessage_cabinetId_status_createdAt_idx";

-- AlterTable
ALTER TABLE "CitizenMessage" ADD COLUMN     "answerRound" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "answerText" TEXT,
ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "coordinatorId" TEXT,
ADD COLUMN     "executorId" TEXT,
ADD COLUMN     "extensionReason" TEXT,
ADD COLUMN     "extensionUntil" DATE,
ADD COLUMN     "number" SERIAL NOT NULL,
ADD COLUMN     "plannedOn" DATE,
ADD COLUMN     "rating" INTEGER,
ADD COLUMN     "reReviews" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "receivedCabinetId" TEXT,
ADD COLUMN     "rejection" "MessageRejection",
ADD COLUMN     "resolution" "MessageResolution",
ADD COLUMN     "resolvedByCitizen" BOOLEAN,
ADD COLUMN     "stage" "MessageStage" NOT NULL DEFAULT 'MODERATION',
ADD COLUMN     "subcategory" TEXT,
ADD COLUMN     "supervisorId" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

UPDATE "CitizenMessage" SET
  "receivedCabinetId" = "cabinetId",
  "plannedOn" = ("createdAt" + INTERVAL '14 days')::date,
  "stage" = (CASE "status" WHEN 'ANSWERED' THEN 'CLOSED' WHEN 'ACCEPTED' THEN 'COORDINATION' ELSE 'MODERATION' END)::"MessageStage",
  "closedAt" = CASE WHEN "status" = 'ANSWERED' THEN "updatedAt" ELSE NULL END;
ALTER TABLE "CitizenMessage" ALTER COLUMN "plannedOn" SET NOT NULL, ALTER COLUMN "receivedCabinetId" SET NOT NULL;

-- Ratings are 1 to 5; a deadline is 1 to 60 working days.
ALTER TABLE "CitizenMessage" ADD CONSTRAINT "CitizenMessage_rating_range" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5);

-- CreateTable
CREATE TABLE "MessageRating" (
    "id" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "resolved" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageRating_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "MessageRating_score_range" CHECK ("score" BETWEEN 1 AND 5)
);

-- CreateTable
CREATE TABLE "MessageReminder" (
    "id" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "kind" "MessageReminderKind" NOT NULL,
    "plannedOn" DATE NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageReminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnswerTemplate" (
    "id" TEXT NOT NULL,
    "cabinetId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnswerTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageAutoRule" (
    "id" TEXT NOT NULL,
    "cabinetId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "executorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageAutoRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageDeadline" (
    "regionId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "workingDays" INTEGER NOT NULL,

    CONSTRAINT "MessageDeadline_pkey" PRIMARY KEY ("regionId","category"),
    CONSTRAINT "MessageDeadline_workingDays_range" CHECK ("workingDays" BETWEEN 1 AND 60)
);

-- CreateTable
CREATE TABLE "WorkCalendarDay" (
    "regionId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "working" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL,

    CONSTRAINT "WorkCalendarDay_pkey" PRIMARY KEY ("regionId","day")
);

-- CreateIndex
CREATE UNIQUE INDEX "MessageRating_messageId_round_key" ON "MessageRating"("messageId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "MessageReminder_messageId_kind_plannedOn_key" ON "MessageReminder"("messageId", "kind", "plannedOn");

-- CreateIndex
CREATE INDEX "AnswerTemplate_cabinetId_idx" ON "AnswerTemplate"("cabinetId");

-- CreateIndex
CREATE UNIQUE INDEX "MessageAutoRule_cabinetId_category_key" ON "MessageAutoRule"("cabinetId", "category");

-- CreateIndex
CREATE UNIQUE INDEX "CitizenMessage_number_key" ON "CitizenMessage"("number");

-- CreateIndex
CREATE INDEX "CitizenMessage_cabinetId_createdAt_idx" ON "CitizenMessage"("cabinetId", "createdAt");

-- CreateIndex
CREATE INDEX "CitizenMessage_cabinetId_stage_plannedOn_idx" ON "CitizenMessage"("cabinetId", "stage", "plannedOn");

-- CreateIndex
CREATE INDEX "CitizenMessage_executorId_stage_idx" ON "CitizenMessage"("executorId", "stage");

-- CreateIndex
CREATE INDEX "CitizenMessage_receivedCabinetId_idx" ON "CitizenMessage"("receivedCabinetId");

-- AddForeignKey
ALTER TABLE "CitizenMessage" ADD CONSTRAINT "CitizenMessage_receivedCabinetId_fkey" FOREIGN KEY ("receivedCabinetId") REFERENCES "Cabinet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CitizenMessage" ADD CONSTRAINT "CitizenMessage_coordinatorId_fkey" FOREIGN KEY ("coordinatorId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CitizenMessage" ADD CONSTRAINT "CitizenMessage_executorId_fkey" FOREIGN KEY ("executorId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CitizenMessage" ADD CONSTRAINT "CitizenMessage_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageRating" ADD CONSTRAINT "MessageRating_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "CitizenMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageReminder" ADD CONSTRAINT "MessageReminder_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "CitizenMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerTemplate" ADD CONSTRAINT "AnswerTemplate_cabinetId_fkey" FOREIGN KEY ("cabinetId") REFERENCES "Cabinet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageAutoRule" ADD CONSTRAINT "MessageAutoRule_cabinetId_fkey" FOREIGN KEY ("cabinetId") REFERENCES "Cabinet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageAutoRule" ADD CONSTRAINT "MessageAutoRule_executorId_fkey" FOREIGN KEY ("executorId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageDeadline" ADD CONSTRAINT "MessageDeadline_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkCalendarDay" ADD CONSTRAINT "WorkCalendarDay_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
