-- AlterTable
ALTER TABLE "LoginThrottle" ADD COLUMN     "strikes" INTEGER NOT NULL DEFAULT 0;
