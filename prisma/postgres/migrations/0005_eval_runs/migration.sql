-- AlterTable
ALTER TABLE "evaluation_runs" ADD COLUMN     "actor_id" TEXT,
ADD COLUMN     "error" TEXT,
ADD COLUMN     "finished_at" TIMESTAMP(3),
ADD COLUMN     "git_commit" TEXT,
ADD COLUMN     "progress_done" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "progress_total" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "stage" TEXT NOT NULL DEFAULT 'done',
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'done',
ADD COLUMN     "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "evaluation_runs_created_at_idx" ON "evaluation_runs"("created_at");

