/**
 * One ingest: validates each element as it streams in, checks references across the bundle
 * and the database, and writes through a sink inside one database transaction. Any error means
 * a rollback: the database is left exactly as it was. Errors name each bad field's path.
 */
import type { ScannedItem, Section } from "./scan";
import { sectionPath, validateBatch, type ValidatedItem } from "./validate";
import type { FieldError } from "./rules";
import { accountRow, creditRow, mortgageRow, studentRow, transactionRow, userRow } from "../core/rows";
import type { EntityCounts, IngestSink, KnownAccount, KnownUser, OwnershipConflict } from "./sink";
import type { IngestRunRecord } from "./run-record";

/** How many field errors one answer lists at most (the total is always counted). */
export const MAX_REPORTED_ERRORS = 200;

export type IngestResult =
  | { ok: true; counts: EntityCounts; /** see CommitOutcome */ changedUsers: string[]; items: number; seconds: number }
  | { ok: false; errors: FieldError[]; error_count: number; items: number; /** the element limit the body went over */ too_many_items?: number };

const SECTION_ORDER: Record<Section, number> = { users: 0, accounts: 1, credit: 2, student: 2, mortgage: 2, transactions: 3 };

const LIABILITY_ACCOUNT_TYPE: Record<"credit" | "student" | "mortgage", string> = {
  credit: "credit",
  student: "loan",
  mortgage: "loan",
};

/** A stored transaction never moves to another account, hence never to another customer. */
function conflictError(c: OwnershipConflict): FieldError {
  return {
    path: `${sectionPath(c.section, c.index)}.account_id`,
    reason: `transaction "${c.id}" is stored under another account; a stored transaction cannot move to another account`,
  };
}

export class IngestSession {
  private errors: FieldError[] = [];
  private errorCount = 0;
  private items = 0;
  private started = 0;
  /** users seen in this bundle or looked up: id -> state */
  private users = new Map<string, KnownUser & { inBundle: boolean }>();
  private accounts = new Map<string, KnownAccount & { inBundle: boolean }>();
  private emailsInBundle = new Map<string, string>();
  private seen: Record<Section, Set<string>> = {
    users: new Set(),
    accounts: new Set(),
    transactions: new Set(),
    credit: new Set(),
    student: new Set(),
    mortgage: new Set(),
  };

  /** Elements whose reference (user or account) had not been seen yet: re-checked at the end. */
  private deferred: { item: ScannedItem; data: Record<string, never> }[] = [];

  /** run: what ingest_runs records about this ingest, in the same transaction as its data. */
  constructor(
    private readonly sink: IngestSink,
    private readonly run: IngestRunRecord,
  ) {}

  async begin(): Promise<void> {
    this.started = performance.now();
    await this.sink.begin();
  }

  private addError(e: FieldError) {
    this.errorCount++;
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(e);
  }

  /** Record an error that is not tied to an element (a malformed body). */
  fail(e: FieldError): void {
    this.addError(e);
  }

  /** The body holds more elements than allowed: one error, and the answer says which limit. */
  private tooMany: number | undefined;
  failTooLarge(limit: number): void {
    this.tooMany = limit;
    this.addError({ path: "(body)", reason: `holds more than ${limit} elements (users, accounts, transactions, liabilities); send it in parts or use the CLI` });
  }

  get failed(): boolean {
    return this.errorCount > 0;
  }

  async processBatch(batch: ScannedItem[]): Promise<void> {
    return this.processValidated(validateBatch(batch));
  }

  /** A batch already validated (here or in the parse worker): cross-checks and writes. */
  async processValidated(batch: ValidatedItem[]): Promise<void> {
    this.items += batch.length;
    const valid: { item: ScannedItem; data: unknown }[] = [];
    const userIds = new Set<string>();
    const emails = new Set<string>();
    const accountIds = new Set<string>();
    for (const v of batch) {
      if (!v.ok) {
        for (const e of v.errors) this.addError(e);
        if (v.invalidKey) this.invalidIds.add(v.invalidKey);
        continue;
      }
      const d = v.data as Record<string, unknown>;
      valid.push({ item: { section: v.section, index: v.index, value: null }, data: d });
      if (v.section === "users") {
        userIds.add(d.user_id as string);
        emails.add((d.email as string).toLowerCase());
      } else if (v.section === "accounts") {
        userIds.add(d.user_id as string);
        accountIds.add(d.account_id as string);
      } else accountIds.add(d.account_id as string);
    }
    // Look up, in one query each, what this batch references and is not known yet.
    const needUsers = [...userIds].filter((id) => !this.users.has(id));
    if (needUsers.length) for (const [id, u] of await this.sink.lookupUsers(needUsers)) this.users.set(id, { ...u, inBundle: false });
    const needAccounts = [...accountIds].filter((id) => !this.accounts.has(id));
    if (needAccounts.length)
      for (const [id, a] of await this.sink.lookupAccounts(needAccounts)) this.accounts.set(id, { ...a, inBundle: false });
    const emailOwners = emails.size ? await this.sink.lookupEmails([...emails]) : new Map<string, string>();

    for (const { item, data } of valid) this.check(item, data as never, emailOwners, false);
    if (!this.failed) await this.sink.afterBatch();
  }

  /** Ids of invalid users/accounts: elements referring to them are not reported again. */
  private invalidIds = new Set<string>();
  private duplicate(section: Section, id: string, path: string, field: string): boolean {
    const set = this.seen[section];
    if (set.has(id)) {
      this.addError({ path: `${path}.${field}`, reason: `duplicate ${field} "${id}" appears more than once in the bundle` });
      return true;
    }
    set.add(id);
    return false;
  }

  /**
   * Checks one valid element against what is known and writes it. A reference not seen yet is
   * deferred (a bundle may list transactions before their accounts) and decided when final.
   */
  private check(item: ScannedItem, d: Record<string, never>, emailOwners: Map<string, string>, final: boolean): void {
    const path = sectionPath(item.section, item.index);
    switch (item.section) {
      case "users":
        return this.checkUser(d, path, emailOwners);
      case "accounts":
        return this.checkAccount(item, d, path, final);
      case "transactions":
        return this.checkTransaction(item, d, path, final);
      case "credit":
      case "student":
      case "mortgage":
        return this.checkLiability(item, item.section, d, path, final);
    }
  }

  /** A user: not a staff account, and its email not another user's (stored or earlier in the bundle). */
  private checkUser(d: Record<string, never>, path: string, emailOwners: Map<string, string>): void {
    const row = userRow(d as never);
    if (this.duplicate("users", row.id, path, "user_id")) return;
    const prior = this.users.get(row.id);
    if (prior && prior.role !== "customer") {
      this.addError({ path: `${path}.user_id`, reason: "belongs to a staff account, not a customer" });
      return;
    }
    const owner = emailOwners.get(row.email);
    const bundleOwner = this.emailsInBundle.get(row.email);
    if ((owner && owner !== row.id) || (bundleOwner && bundleOwner !== row.id)) {
      this.addError({ path: `${path}.email`, reason: "is already used by another user" });
      return;
    }
    this.emailsInBundle.set(row.email, row.id);
    this.users.set(row.id, { email: row.email, role: "customer", inBundle: true });
    if (!this.failed) this.sink.writeUser(row, (d as { consent?: boolean }).consent === true);
  }

  /** An account: its user known (in the bundle or stored), and not another user's account. */
  private checkAccount(item: ScannedItem, d: Record<string, never>, path: string, final: boolean): void {
    const row = accountRow(d as never);
    if (!final && this.duplicate("accounts", row.id, path, "account_id")) return;
    if (!this.users.has(row.user_id)) {
      if (!final) return this.defer(item, d);
      if (this.invalidIds.has(`users:${row.user_id}`)) return; // its user's own error is reported
      this.addError({ path: `${path}.user_id`, reason: `unknown user "${row.user_id}": not in this bundle's users nor stored` });
      return;
    }
    const prior = this.accounts.get(row.id);
    if (prior && prior.user_id !== row.user_id) {
      this.addError({ path: `${path}.user_id`, reason: `account "${row.id}" belongs to another user` });
      return;
    }
    this.accounts.set(row.id, { user_id: row.user_id, type: row.type, inBundle: true });
    if (!this.failed) this.sink.writeAccount(row);
  }

  /** A transaction: its account known (in the bundle or stored). */
  private checkTransaction(item: ScannedItem, d: Record<string, never>, path: string, final: boolean): void {
    const { transaction_id: id, account_id: accountId } = d as unknown as { transaction_id: string; account_id: string };
    if (!final && this.duplicate("transactions", id, path, "transaction_id")) return;
    const acct = this.accounts.get(accountId);
    if (!acct) {
      if (!final) return this.defer(item, d);
      if (this.invalidIds.has(`accounts:${accountId}`)) return;
      this.addError({ path: `${path}.account_id`, reason: `unknown account "${accountId}": not in this bundle's accounts nor stored` });
      return;
    }
    if (!this.failed) this.sink.writeTransaction(transactionRow(d as never, acct.user_id), item.index);
  }

  /** A liability: its account known, and of the type the liability needs (LIABILITY_ACCOUNT_TYPE). */
  private checkLiability(item: ScannedItem, section: keyof typeof LIABILITY_ACCOUNT_TYPE, d: Record<string, never>, path: string, final: boolean): void {
    const row = section === "credit" ? creditRow(d as never) : section === "student" ? studentRow(d as never) : mortgageRow(d as never);
    if (!final && this.duplicate(section, row.account_id, path, "account_id")) return;
    const acct = this.accounts.get(row.account_id);
    if (!acct) {
      if (!final) return this.defer(item, d);
      if (this.invalidIds.has(`accounts:${row.account_id}`)) return;
      this.addError({ path: `${path}.account_id`, reason: `unknown account "${row.account_id}": not in this bundle's accounts nor stored` });
      return;
    }
    const want = LIABILITY_ACCOUNT_TYPE[section];
    if (acct.type !== want) {
      this.addError({ path: `${path}.account_id`, reason: `a ${section} liability needs a ${want} account; "${row.account_id}" is ${acct.type}` });
      return;
    }
    if (!this.failed) this.sink.writeLiability(row);
  }

  /** Decided in finish(), once the whole bundle is known. */
  private defer(item: ScannedItem, data: Record<string, never>): void {
    this.deferred.push({ item, data });
  }

  /** Commits when every element was valid; otherwise rolls back and returns the errors. */
  async finish(): Promise<IngestResult> {
    if (this.deferred.length && this.tooMany === undefined) {
      const pending = this.deferred.sort((a, b) => SECTION_ORDER[a.item.section] - SECTION_ORDER[b.item.section]);
      this.deferred = [];
      const accountIds = [...new Set(pending.map((p) => (p.data as { account_id?: string }).account_id).filter((x): x is string => !!x))]
        .filter((id) => !this.accounts.has(id));
      if (accountIds.length) for (const [id, a] of await this.sink.lookupAccounts(accountIds)) this.accounts.set(id, { ...a, inBundle: false });
      for (const p of pending) this.check(p.item, p.data, new Map(), true);
      if (!this.failed) await this.sink.afterBatch();
    }
    if (this.failed) {
      await this.sink.rollback();
      return { ok: false, errors: this.errors, error_count: this.errorCount, items: this.items, ...(this.tooMany ? { too_many_items: this.tooMany } : {}) };
    }
    try {
      const out = await this.sink.commit(this.run);
      if (out.ok) return { ok: true, counts: out.counts, changedUsers: out.changedUsers, items: this.items, seconds: (performance.now() - this.started) / 1000 };
      for (const c of out.conflicts) this.addError(conflictError(c));
      this.errorCount += out.conflict_count - out.conflicts.length;
      return { ok: false, errors: this.errors, error_count: this.errorCount, items: this.items };
    } catch (e) {
      await this.sink.rollback().catch(() => {});
      throw e;
    }
  }

  async abort(): Promise<void> {
    await this.sink.rollback();
  }
}
