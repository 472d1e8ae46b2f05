-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_evaluation_runs" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "as_of" TEXT NOT NULL,
    "metrics_json" TEXT NOT NULL,
    "artifacts_json" TEXT NOT NULL,
    "report_md" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'done',
    "stage" TEXT NOT NULL DEFAULT 'done',
    "progress_done" INTEGER NOT NULL DEFAULT 0,
    "progress_total" INTEGER NOT NULL DEFAULT 0,
    "git_commit" TEXT,
    "actor_id" TEXT,
    "error" TEXT,
    "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" DATETIME
);
INSERT INTO "new_evaluation_runs" ("artifacts_json", "as_of", "created_at", "id", "metrics_json", "report_md") SELECT "artifacts_json", "as_of", "created_at", "id", "metrics_json", "report_md" FROM "evaluation_runs";
DROP TABLE "evaluation_runs";
ALTER TABLE "new_evaluation_runs" RENAME TO "evaluation_runs";
CREATE INDEX "evaluation_runs_created_at_idx" ON "evaluation_runs"("created_at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

