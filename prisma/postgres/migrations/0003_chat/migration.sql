-- CreateTable
CREATE TABLE "chat_turns" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL DEFAULT '',
    "outcome" TEXT NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "model_id" TEXT,
    "tools_json" TEXT NOT NULL DEFAULT '[]',
    "checks_json" TEXT NOT NULL DEFAULT '[]',
    "disclosure" BOOLEAN NOT NULL DEFAULT false,
    "first_token_ms" INTEGER,
    "answer_ms" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_turns_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "chat_turns_user_id_created_at_idx" ON "chat_turns"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "chat_turns_conversation_id_idx" ON "chat_turns"("conversation_id");

-- CreateIndex
CREATE INDEX "chat_turns_outcome_idx" ON "chat_turns"("outcome");

-- AddForeignKey
ALTER TABLE "chat_turns" ADD CONSTRAINT "chat_turns_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

