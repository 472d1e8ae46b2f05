/**
 * Raw bank descriptors (the transaction `name`) from templates.
 *
 * Tokens:
 *   {d4} {a9}    digits / upper-case alphanumerics fixed when the template is bound to a user's stream
 *                or favourite store (a phone number, a PPD ID, a store number);
 *   {vd4} {va9}  digits / alphanumerics that change on every transaction (an order ref, a transfer number);
 *   {CITY} {ST} {MASK} {EMP} {CLIENT} {LOCAL} {FRIEND}  context strings, bound with the template;
 *   {DATE}       the transaction's authorized date as MM/DD, rendered per transaction.
 */
import type { Rng } from "./rng";

export interface DescriptorContext {
  CITY?: string;
  ST?: string;
  MASK?: string;
  EMP?: string;
  CLIENT?: string;
  LOCAL?: string;
  FRIEND?: string;
}

const TOKEN = /\{(v?)([da])(\d+)\}|\{([A-Z]+)\}/g;

/** Fills the fixed tokens (and the context), leaving {v..} and {DATE} for each transaction. */
export function bindTemplate(template: string, rng: Rng, ctx: DescriptorContext): string {
  if (template.indexOf("{") < 0) return template;
  return template.replace(TOKEN, (whole, vary: string, kind: string, n: string, name: string | undefined) => {
    if (name !== undefined) {
      if (name === "DATE") return whole;
      const v = ctx[name as keyof DescriptorContext];
      if (v === undefined) throw new Error(`descriptor token {${name}} has no value in ${template}`);
      return v;
    }
    if (vary) return whole;
    return kind === "d" ? rng.digits(Number(n)) : rng.alnum(Number(n));
  });
}

/** Renders the per-transaction tokens of a bound template. */
export function renderDescriptor(bound: string, rng: Rng, dateMmdd: string): string {
  if (bound.indexOf("{") < 0) return bound;
  return bound.replace(TOKEN, (whole, _vary: string, kind: string, n: string, name: string | undefined) => {
    if (name !== undefined) return name === "DATE" ? dateMmdd : whole;
    return kind === "d" ? rng.digits(Number(n)) : rng.alnum(Number(n));
  });
}
