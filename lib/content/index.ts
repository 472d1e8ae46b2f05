/**
 * The content catalog: education items and partner offers, validated at module load. A bad
 * item fails loudly (CatalogValidationError names the item and field) rather than being skipped.
 */
import type { Catalog } from "../core/recommend/catalog";
import { EDUCATION_DATA } from "./education";
import { OFFER_DATA } from "./offers";
import { loadCatalog } from "./schema";

export const CATALOG: Catalog = loadCatalog({ education: EDUCATION_DATA, offers: OFFER_DATA });

export function getCatalog(): Catalog {
  return CATALOG;
}

export { loadCatalog, CatalogValidationError } from "./schema";
