-- AlterTable
ALTER TABLE "recommendations" ADD COLUMN "carried_from" TEXT;
ALTER TABLE "recommendations" ADD COLUMN "changes_json" TEXT;

-- CreateIndex
CREATE INDEX "recommendations_user_id_status_idx" ON "recommendations"("user_id", "status");

