import "server-only";
import { db } from "./client";
import { assertSelf, assertSystem, ForbiddenError, NotFoundError, type Actor } from "./actor";

/**
 * Plaid Items (bank connections made through Plaid Link). The access token arrives here already
 * encrypted (lib/plaid/token-crypto.ts) and leaves encrypted: this layer never sees it in clear.
 */

/** A customer's consent, as the live connection checks it before any Plaid call (the customer, or the system). */
export async function plaidCustomerConsents(actor: Actor, userId: string): Promise<boolean> {
  if (actor.role !== "system") assertSelf(actor, userId);
  const u = await db().user.findUnique({ where: { id: userId }, select: { role: true, consentGranted: true } });
  if (!u || u.role !== "customer") throw new NotFoundError("no such customer");
  return u.consentGranted;
}

export interface LinkedItem {
  itemId: string;
  userId: string;
  institutionId: string | null;
  institutionName: string | null;
  accessTokenEncrypted: string;
}

/** Stores a newly linked Item (the customer themself, or the system); an Item of another user is refused. */
export async function saveLinkedItem(actor: Actor, item: LinkedItem): Promise<void> {
  if (actor.role !== "system") assertSelf(actor, item.userId);
  await db().$transaction(async (tx) => {
    const prior = await tx.plaidItem.findUnique({ where: { id: item.itemId }, select: { userId: true } });
    if (prior && prior.userId !== item.userId) throw new ForbiddenError("this Item belongs to another user");
    const data = { institutionId: item.institutionId, institutionName: item.institutionName, accessTokenEncrypted: item.accessTokenEncrypted, status: "active", statusDetail: null };
    await tx.plaidItem.upsert({ where: { id: item.itemId }, create: { id: item.itemId, userId: item.userId, ...data }, update: data });
  });
}

export interface ItemForSync {
  id: string;
  userId: string;
  accessTokenEncrypted: string;
  cursor: string | null;
  consentGranted: boolean;
}

/** One Item with what a sync needs (the system only: the token is decrypted by the caller), or null. */
export async function itemForSync(actor: Actor, itemId: string): Promise<ItemForSync | null> {
  assertSystem(actor);
  const it = await db().plaidItem.findUnique({ where: { id: itemId }, include: { user: { select: { consentGranted: true } } } });
  return it ? { id: it.id, userId: it.userId, accessTokenEncrypted: it.accessTokenEncrypted, cursor: it.cursor, consentGranted: it.user.consentGranted } : null;
}

/** The outcome of a sync: the cursor only when every page committed (`cursor` given). */
export async function recordItemSync(actor: Actor, itemId: string, outcome: { status: string; detail: string | null; cursor?: string; at: Date }): Promise<void> {
  assertSystem(actor);
  await db().plaidItem.update({
    where: { id: itemId },
    data: { status: outcome.status, statusDetail: outcome.detail, lastSyncAt: outcome.at, ...(outcome.cursor !== undefined ? { cursor: outcome.cursor } : {}) },
  });
}
