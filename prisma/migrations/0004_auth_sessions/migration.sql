-- CreateTable
CREATE TABLE "sign_in_throttles" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL,
    "lock_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" DATETIME,
    "updated_at" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_users" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'customer',
    "password_hash" TEXT,
    "session_version" INTEGER NOT NULL DEFAULT 0,
    "disabled_at" DATETIME,
    "age_band" TEXT,
    "income_tier" TEXT,
    "region" TEXT,
    "demographics_json" TEXT,
    "consent_granted" BOOLEAN NOT NULL DEFAULT false,
    "consent_at" DATETIME,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_users" ("age_band", "consent_at", "consent_granted", "created_at", "demographics_json", "email", "id", "income_tier", "name", "password_hash", "region", "role") SELECT "age_band", "consent_at", "consent_granted", "created_at", "demographics_json", "email", "id", "income_tier", "name", "password_hash", "region", "role" FROM "users";
DROP TABLE "users";
ALTER TABLE "new_users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE INDEX "users_role_idx" ON "users"("role");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "sign_in_throttles_updated_at_idx" ON "sign_in_throttles"("updated_at");

