/** What kind of account each personal account is, for the signals (spending, savings, card, loan, investment). */
import type { CoreAccount } from "../types";
import { SAVINGS_SUBTYPES } from "./constants";

type AccountKind = "checking" | "savings" | "credit" | "loan" | "investment" | "other";

export interface AccountInfo {
  account: CoreAccount;
  kind: AccountKind;
}

export function accountKind(a: CoreAccount): AccountKind {
  if (a.type === "credit") return "credit";
  if (a.type === "loan") return "loan";
  if (a.type === "investment" || a.type === "brokerage") return "investment";
  if (a.type === "depository") {
    const st = (a.subtype ?? "").toLowerCase();
    if (SAVINGS_SUBTYPES.includes(st)) return "savings";
    // checking, prepaid, paypal, or an unknown depository subtype: a spending account.
    return "checking";
  }
  return "other";
}

/** Accounts whose rows can be spending, income or streams (not the loan or investment side). */
export function isCashOrCard(kind: AccountKind): boolean {
  return kind === "checking" || kind === "savings" || kind === "credit";
}
