/** The live Plaid connection's limits (docs/decisions.md, "Live Plaid connection"). */

/** Updates asked for per /transactions/sync call (Plaid's maximum is 500). */
export const SYNC_PAGE_SIZE = 500;
/** Restarts of an update after TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION before the sync gives up (and is retried later). */
export const SYNC_MAX_RESTARTS = 3;
/** Pages of one update at most: a runaway has_more stops here. */
export const SYNC_MAX_PAGES = 200;
/** Plaid: "reject webhooks whose iat is more than 5 minutes old" (replays). */
export const WEBHOOK_MAX_AGE_S = 5 * 60;
