-- CreateIndex
CREATE INDEX "CabinetRequest_reviewerOrganizationId_createdAt_id_idx" ON "CabinetRequest"("reviewerOrganizationId", "createdAt", "id");
