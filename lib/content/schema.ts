/**
 * Zod schemas of the content catalog. loadCatalog validates every item and throws a
 * CatalogValidationError naming each bad item and field:
 *   Catalog item "offer-quickcash" (offers[12]) field "predatory": must be false ...
 */
import { z } from "zod";
import { PERSONA_IDS } from "../core/personas/constants";
import { GENERAL_TAG, OFFER_KINDS, SIGNAL_TAGS, type Catalog, type EducationItem, type PartnerOffer } from "../core/recommend/catalog";
import { MIN_EDUCATION } from "../core/recommend/constants";
import { PREDATORY_APR_ABOVE_PERCENT, PREDATORY_OFFER_KINDS } from "../core/guardrails/constants";

const PERSONA_TAGS = [...PERSONA_IDS, GENERAL_TAG] as const;

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lower-case slug (letters, digits, single hyphens)")
  .max(80, "must be at most 80 characters");
const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const noDigits = (max: number) =>
  text(max).refine((s) => !/\d/.test(s), "must hold no digits: it is rendered into rationales, whose numbers must all come from facts");
const uniqueList = <T extends z.ZodType>(item: T) =>
  z.array(item).refine((xs) => new Set(xs as unknown[]).size === xs.length, "must not repeat a value");
const personaTags = uniqueList(z.enum(PERSONA_TAGS, { error: `each must be one of ${PERSONA_TAGS.join(", ")}` })).min(
  1,
  `must hold at least one persona id or "${GENERAL_TAG}"`,
);
const signalTags = uniqueList(z.enum(SIGNAL_TAGS, { error: `each must be one of ${SIGNAL_TAGS.join(", ")}` }));
const fraction = z.number().min(0, "must be a fraction 0..1").max(1, "must be a fraction 0..1 (0.3 = 30%)");
const cents = z.number().int("must be integer cents").min(0, "must not be negative");

export const EducationItemSchema = z.strictObject({
  id,
  title: text(120),
  summary: text(300),
  body: z.array(text(800)).min(1, "must hold at least one paragraph").max(6, "must hold at most six short paragraphs"),
  persona_tags: personaTags,
  signal_tags: signalTags,
  reading_minutes: z.number().int("must be whole minutes").min(1).max(30),
  why: noDigits(240).optional(),
});

export const OfferEligibilitySchema = z.strictObject({
  min_monthly_income_cents: cents.optional(),
  max_utilization: fraction.optional(),
  min_utilization: fraction.optional(),
  excluded_if_holds: z.array(text(40).transform((s) => s.toLowerCase())).min(1).optional(),
  requires_no_overdue: z.boolean().optional(),
  requires_payroll: z.boolean().optional(),
  requires_credit_card: z.boolean().optional(),
});

export const PartnerOfferSchema = z.strictObject({
  id,
  partner: text(80),
  kind: z.enum(OFFER_KINDS, {
    error: (iss) =>
      (PREDATORY_OFFER_KINDS as readonly unknown[]).includes(iss.input)
        ? `"${String(iss.input)}" is a predatory product kind and is never allowed in the catalog`
        : `must be one of ${OFFER_KINDS.join(", ")}`,
  }),
  title: text(120),
  summary: text(300),
  persona_tags: personaTags,
  signal_tags: signalTags,
  eligibility: OfferEligibilitySchema,
  predatory: z.literal(false, { error: "must be false: predatory products are never allowed in the catalog" }),
  max_apr_percentage: z
    .number()
    .min(0)
    .max(PREDATORY_APR_ABOVE_PERCENT, `must be at most ${PREDATORY_APR_ABOVE_PERCENT}%: higher-cost credit is treated as predatory`)
    .optional(),
  partner_payout_cents: cents,
  why: noDigits(240).optional(),
});

export interface CatalogIssue {
  section: "education" | "offers" | "catalog";
  index: number | null;
  item_id: string | null;
  field: string;
  message: string;
}

export class CatalogValidationError extends Error {
  constructor(public readonly issues: CatalogIssue[]) {
    super(
      `Invalid content catalog:\n${issues
        .map((i) =>
          i.section === "catalog"
            ? `  ${i.message}`
            : `  Catalog item "${i.item_id ?? "(no id)"}" (${i.section}[${i.index}]) field "${i.field}": ${i.message}`,
        )
        .join("\n")}`,
    );
    this.name = "CatalogValidationError";
  }
}

function itemId(raw: unknown): string | null {
  return raw && typeof raw === "object" && typeof (raw as { id?: unknown }).id === "string" ? (raw as { id: string }).id : null;
}

function parseSection<T>(section: "education" | "offers", items: unknown, schema: z.ZodType<T>, issues: CatalogIssue[]): T[] {
  if (!Array.isArray(items)) {
    issues.push({ section: "catalog", index: null, item_id: null, field: section, message: `"${section}" must be an array` });
    return [];
  }
  const out: T[] = [];
  items.forEach((raw, index) => {
    const r = schema.safeParse(raw);
    if (r.success) {
      out.push(r.data);
      return;
    }
    for (const iss of r.error.issues) {
      issues.push({
        section,
        index,
        item_id: itemId(raw),
        field: iss.path.length ? iss.path.map(String).join(".") : "(item)",
        message:
          iss.code === "unrecognized_keys"
            ? `unknown field(s) ${iss.keys.map((k) => `"${k}"`).join(", ")}`
            : iss.message,
      });
    }
  });
  return out;
}

/** Validates raw catalog data; returns the typed catalog or throws CatalogValidationError. */
export function loadCatalog(raw: { education: unknown; offers: unknown }): Catalog {
  const issues: CatalogIssue[] = [];
  const education: EducationItem[] = parseSection("education", raw.education, EducationItemSchema, issues);
  const offers: PartnerOffer[] = parseSection("offers", raw.offers, PartnerOfferSchema, issues);

  const seen = new Map<string, string>();
  for (const [section, items] of [
    ["education", education],
    ["offers", offers],
  ] as const) {
    items.forEach((item, index) => {
      const prev = seen.get(item.id);
      if (prev) issues.push({ section, index, item_id: item.id, field: "id", message: `duplicates the id of ${prev}` });
      else seen.set(item.id, `${section}[${index}]`);
    });
  }
  if (issues.length === 0) {
    const general = education.filter((e) => e.persona_tags.includes(GENERAL_TAG)).length;
    if (general < MIN_EDUCATION) {
      issues.push({
        section: "catalog",
        index: null,
        item_id: null,
        field: "education",
        message: `The catalog needs at least ${MIN_EDUCATION} "${GENERAL_TAG}" education items (users with no persona); found ${general}.`,
      });
    }
  }
  if (issues.length) throw new CatalogValidationError(issues);
  return { education, offers };
}
