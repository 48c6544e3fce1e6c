-- AlterTable
ALTER TABLE "CitizenMessage" ADD COLUMN     "digestId" TEXT;

-- CreateTable
CREATE TABLE "MessageDigest" (
    "id" TEXT NOT NULL,
    "cabinetId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "MessageDigest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MessageDigest_cabinetId_createdAt_idx" ON "MessageDigest"("cabinetId", "createdAt");

-- CreateIndex
CREATE INDEX "CitizenMessage_digestId_idx" ON "CitizenMessage"("digestId");

-- AddForeignKey
ALTER TABLE "CitizenMessage" ADD CONSTRAINT "CitizenMessage_digestId_fkey" FOREIGN KEY ("digestId") REFERENCES "MessageDigest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageDigest" ADD CONSTRAINT "MessageDigest_cabinetId_fkey" FOREIGN KEY ("cabinetId") REFERENCES "Cabinet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- At most one open digest per cabinet (decision 078): a message joins it with
-- INSERT … ON CONFLICT on this index, so two instances never open two at once.
CREATE UNIQUE INDEX "MessageDigest_open_cabinet_key" ON "MessageDigest"("cabinetId") WHERE "sentAt" IS NULL;
