-- CreateIndex
CREATE INDEX "recommendations_queue_persona_idx" ON "recommendations"("status", "user_id", "window", "as_of");

