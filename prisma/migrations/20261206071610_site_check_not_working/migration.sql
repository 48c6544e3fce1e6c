-- AlterEnum
ALTER TYPE "SiteCheckOutcome" ADD VALUE 'NOT_WORKING';
