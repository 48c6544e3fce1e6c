-- AlterTable
ALTER TABLE "Organization" ALTER COLUMN "inn" DROP NOT NULL;

-- An unknown ИНН is NULL, never an empty string: the format check still holds for every known one.
ALTER TABLE "Organization" DROP CONSTRAINT "Organization_inn_format";
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_inn_format" CHECK ("inn" IS NULL OR "inn" ~ '^[0-9]{10}$');
