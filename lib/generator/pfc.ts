/**
 * The slice of Plaid's personal_finance_category taxonomy the generator plants. `detailed` is always
 * the primary + "_" + a suffix, as in Plaid's taxonomy file.
 */

export const PFC_PRIMARIES = [
  "INCOME",
  "TRANSFER_IN",
  "TRANSFER_OUT",
  "LOAN_PAYMENTS",
  "BANK_FEES",
  "ENTERTAINMENT",
  "FOOD_AND_DRINK",
  "GENERAL_MERCHANDISE",
  "HOME_IMPROVEMENT",
  "MEDICAL",
  "PERSONAL_CARE",
  "GENERAL_SERVICES",
  "GOVERNMENT_AND_NON_PROFIT",
  "TRANSPORTATION",
  "TRAVEL",
  "RENT_AND_UTILITIES",
] as const;
export type PfcPrimary = (typeof PFC_PRIMARIES)[number];

export const PFC_DETAILED = [
  "INCOME_WAGES",
  "INCOME_OTHER_INCOME",
  "INCOME_INTEREST_EARNED",
  "TRANSFER_IN_DEPOSIT",
  "TRANSFER_IN_ACCOUNT_TRANSFER",
  "TRANSFER_OUT_ACCOUNT_TRANSFER",
  "TRANSFER_OUT_WITHDRAWAL",
  "TRANSFER_OUT_OTHER_TRANSFER_OUT",
  "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT",
  "LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT",
  "LOAN_PAYMENTS_MORTGAGE_PAYMENT",
  "BANK_FEES_OVERDRAFT_FEES",
  "BANK_FEES_INSUFFICIENT_FUNDS",
  "BANK_FEES_INTEREST_CHARGE",
  "BANK_FEES_OTHER_BANK_FEES",
  "ENTERTAINMENT_TV_AND_MOVIES",
  "ENTERTAINMENT_MUSIC_AND_AUDIO",
  "ENTERTAINMENT_VIDEO_GAMES",
  "ENTERTAINMENT_SPORTING_EVENTS_AMUSEMENT_PARKS_AND_MUSEUMS",
  "FOOD_AND_DRINK_GROCERIES",
  "FOOD_AND_DRINK_COFFEE",
  "FOOD_AND_DRINK_RESTAURANT",
  "FOOD_AND_DRINK_FAST_FOOD",
  "FOOD_AND_DRINK_BEER_WINE_AND_LIQUOR",
  "FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK",
  "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES",
  "GENERAL_MERCHANDISE_SUPERSTORES",
  "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES",
  "GENERAL_MERCHANDISE_ELECTRONICS",
  "GENERAL_MERCHANDISE_CONVENIENCE_STORES",
  "GENERAL_MERCHANDISE_BOOKSTORES_AND_NEWSSTANDS",
  "GENERAL_MERCHANDISE_OFFICE_SUPPLIES",
  "GENERAL_MERCHANDISE_PET_SUPPLIES",
  "HOME_IMPROVEMENT_HARDWARE",
  "MEDICAL_PHARMACIES_AND_SUPPLEMENTS",
  "MEDICAL_PRIMARY_CARE",
  "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS",
  "PERSONAL_CARE_HAIR_AND_BEAUTY",
  "GENERAL_SERVICES_INSURANCE",
  "GENERAL_SERVICES_OTHER_GENERAL_SERVICES",
  "GENERAL_SERVICES_POSTAGE_AND_SHIPPING",
  "GENERAL_SERVICES_AUTOMOTIVE",
  "TRANSPORTATION_GAS",
  "TRANSPORTATION_TAXIS_AND_RIDE_SHARES",
  "TRANSPORTATION_PUBLIC_TRANSIT",
  "TRANSPORTATION_PARKING",
  "TRAVEL_FLIGHTS",
  "TRAVEL_LODGING",
  "RENT_AND_UTILITIES_RENT",
  "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY",
  "RENT_AND_UTILITIES_INTERNET_AND_CABLE",
  "RENT_AND_UTILITIES_TELEPHONE",
] as const;
export type PfcDetailed = (typeof PFC_DETAILED)[number];

export type Confidence = "VERY_HIGH" | "HIGH" | "MEDIUM" | "LOW";

export interface PfcObject {
  primary: string;
  detailed: string;
  confidence_level: Confidence;
}

export function primaryOf(detailed: PfcDetailed): PfcPrimary {
  let best: PfcPrimary | null = null;
  for (const p of PFC_PRIMARIES) {
    if (detailed.startsWith(p + "_") && (best === null || p.length > best.length)) best = p;
  }
  if (best === null) throw new Error(`no primary for ${detailed}`);
  return best;
}

const cache = new Map<string, PfcObject>();
/** One shared frozen object per (detailed, confidence): millions of rows point at a few hundred objects. */
export function pfc(detailed: PfcDetailed, confidence: Confidence): PfcObject {
  const key = detailed + "|" + confidence;
  let o = cache.get(key);
  if (!o) {
    o = Object.freeze({ primary: primaryOf(detailed), detailed, confidence_level: confidence });
    cache.set(key, o);
  }
  return o;
}
