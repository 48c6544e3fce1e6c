-- AlterTable
ALTER TABLE "Organization" ALTER COLUMN "kind" DROP NOT NULL;
