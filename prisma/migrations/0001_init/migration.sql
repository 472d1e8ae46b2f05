-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'customer',
    "password_hash" TEXT,
    "age_band" TEXT,
    "income_tier" TEXT,
    "region" TEXT,
    "demographics_json" TEXT,
    "consent_granted" BOOLEAN NOT NULL DEFAULT false,
    "consent_at" DATETIME,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "subtype" TEXT,
    "name" TEXT NOT NULL,
    "official_name" TEXT,
    "mask" TEXT,
    "holder_category" TEXT,
    "current_cents" INTEGER,
    "available_cents" INTEGER,
    "limit_cents" INTEGER,
    "iso_currency_code" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "transactions" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "account_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "authorized_date" TEXT,
    "amount_cents" INTEGER NOT NULL,
    "iso_currency_code" TEXT,
    "name" TEXT NOT NULL,
    "merchant_name" TEXT,
    "merchant_entity_id" TEXT,
    "payment_channel" TEXT NOT NULL,
    "pfc_primary" TEXT,
    "pfc_detailed" TEXT,
    "pending" BOOLEAN NOT NULL,
    "pending_transaction_id" TEXT,
    CONSTRAINT "transactions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "transactions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "liabilities" (
    "account_id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "is_overdue" BOOLEAN,
    "last_payment_amount_cents" INTEGER,
    "last_payment_date" TEXT,
    "last_statement_balance_cents" INTEGER,
    "last_statement_issue_date" TEXT,
    "minimum_payment_amount_cents" INTEGER,
    "next_payment_due_date" TEXT,
    "interest_rate_percentage" REAL,
    "past_due_amount_cents" INTEGER,
    "origination_principal_cents" INTEGER,
    "details_json" TEXT NOT NULL,
    CONSTRAINT "liabilities_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "liability_aprs" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "account_id" TEXT NOT NULL,
    "apr_type" TEXT NOT NULL,
    "apr_percentage" REAL NOT NULL,
    "balance_subject_to_apr_cents" INTEGER,
    "interest_charge_amount_cents" INTEGER,
    CONSTRAINT "liability_aprs_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "liabilities" ("account_id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "consent_events" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "source" TEXT NOT NULL,
    "actor_id" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "consent_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "signal_snapshots" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "window" TEXT NOT NULL,
    "as_of" TEXT NOT NULL,
    "data_json" TEXT NOT NULL,
    "computed_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "signal_snapshots_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "persona_assignments" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "window" TEXT NOT NULL,
    "as_of" TEXT NOT NULL,
    "primary" TEXT,
    "matched_json" TEXT NOT NULL,
    "overridden_by" TEXT,
    "computed_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "persona_assignments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "recommendations" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "window" TEXT NOT NULL,
    "as_of" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "disclosure" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "rank" INTEGER NOT NULL,
    "generator" TEXT NOT NULL,
    "trace_json" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "recommendations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "operator_actions" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "operator_id" TEXT NOT NULL,
    "user_id" TEXT,
    "recommendation_id" TEXT,
    "action" TEXT NOT NULL,
    "note" TEXT,
    "before_json" TEXT,
    "after_json" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "operator_actions_operator_id_fkey" FOREIGN KEY ("operator_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "operator_actions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "operator_actions_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "recommendations" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "type" TEXT NOT NULL,
    "actor_id" TEXT,
    "subject_id" TEXT,
    "details_json" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ingest_runs" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "source" TEXT NOT NULL,
    "actor_id" TEXT,
    "counts_json" TEXT NOT NULL,
    "started_at" DATETIME NOT NULL,
    "finished_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "evaluation_runs" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "as_of" TEXT NOT NULL,
    "metrics_json" TEXT NOT NULL,
    "artifacts_json" TEXT NOT NULL,
    "report_md" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_role_idx" ON "users"("role");

-- CreateIndex
CREATE INDEX "accounts_user_id_idx" ON "accounts"("user_id");

-- CreateIndex
CREATE INDEX "transactions_user_id_date_idx" ON "transactions"("user_id", "date");

-- CreateIndex
CREATE INDEX "transactions_account_id_date_idx" ON "transactions"("account_id", "date");

-- CreateIndex
CREATE INDEX "liability_aprs_account_id_idx" ON "liability_aprs"("account_id");

-- CreateIndex
CREATE INDEX "consent_events_user_id_at_idx" ON "consent_events"("user_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "signal_snapshots_user_id_window_as_of_key" ON "signal_snapshots"("user_id", "window", "as_of");

-- CreateIndex
CREATE INDEX "persona_assignments_primary_idx" ON "persona_assignments"("primary");

-- CreateIndex
CREATE UNIQUE INDEX "persona_assignments_user_id_window_as_of_key" ON "persona_assignments"("user_id", "window", "as_of");

-- CreateIndex
CREATE INDEX "recommendations_status_idx" ON "recommendations"("status");

-- CreateIndex
CREATE UNIQUE INDEX "recommendations_user_id_window_as_of_item_id_key" ON "recommendations"("user_id", "window", "as_of", "item_id");

-- CreateIndex
CREATE INDEX "operator_actions_user_id_idx" ON "operator_actions"("user_id");

-- CreateIndex
CREATE INDEX "operator_actions_at_idx" ON "operator_actions"("at");

-- CreateIndex
CREATE INDEX "audit_events_subject_id_idx" ON "audit_events"("subject_id");

