-- Decision 077: an invitation accepted through ЕСИА membership by a person whose name differs from
-- the invitation waits for a cabinet administrator («Ожидает подтверждения администратором»).
-- AlterEnum
ALTER TYPE "AccountStatus" ADD VALUE 'AWAITING_APPROVAL';
