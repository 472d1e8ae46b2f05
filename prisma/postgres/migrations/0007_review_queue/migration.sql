-- DropIndex
DROP INDEX "users_role_idx";

-- DropIndex
DROP INDEX "persona_assignments_primary_idx";

-- DropIndex
DROP INDEX "recommendations_status_idx";

-- DropIndex
DROP INDEX "recommendations_user_id_status_idx";

-- CreateIndex
CREATE INDEX "users_role_id_idx" ON "users"("role", "id");

-- CreateIndex
CREATE INDEX "persona_assignments_primary_user_idx" ON "persona_assignments"("primary", "user_id");

-- CreateIndex
CREATE INDEX "recommendations_queue_created_idx" ON "recommendations"("status", "created_at", "id");

-- CreateIndex
CREATE INDEX "recommendations_queue_user_idx" ON "recommendations"("status", "user_id", "window", "rank", "id");

-- CreateIndex
CREATE INDEX "recommendations_queue_kind_idx" ON "recommendations"("status", "kind", "window", "created_at", "id");

-- CreateIndex
CREATE INDEX "recommendations_queue_window_idx" ON "recommendations"("status", "window", "created_at", "id");


-- Written by hand (Prisma's schema cannot say it for both databases): the console's user search
-- (name or email containing the query, any case) through trigram indexes. pg_trgm ships with
-- PostgreSQL (contrib) and is a trusted extension on managed services. SQLite has no counterpart:
-- there the search reads the users table (docs/decisions.md, "Console at scale").
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "users_name_trgm_idx" ON "users" USING gin ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "users_email_trgm_idx" ON "users" USING gin ("email" gin_trgm_ops);
