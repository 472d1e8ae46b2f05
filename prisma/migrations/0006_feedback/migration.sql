-- CreateTable
CREATE TABLE "suggestion_feedback" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "recommendation_id" TEXT,
    "item_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "window" TEXT NOT NULL,
    "helpful" BOOLEAN NOT NULL,
    "note" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "suggestion_feedback_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "suggestion_feedback_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "recommendations" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "suggestion_feedback_recommendation_id_key" ON "suggestion_feedback"("recommendation_id");

-- CreateIndex
CREATE INDEX "suggestion_feedback_user_id_created_at_idx" ON "suggestion_feedback"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "suggestion_feedback_item_id_idx" ON "suggestion_feedback"("item_id");

