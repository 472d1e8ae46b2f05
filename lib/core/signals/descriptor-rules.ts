/**
 * What a raw bank descriptor (the transaction `name`) says when Plaid's enrichment is missing
 * (personal_finance_category and merchant_name null, as in a raw bank feed). One entry per rule: its name
 * (shown in traces: a stream's `descriptor_rule`, the income and fee evidence), the fact it sets, the words
 * it matches, and why the rule exists. Patterns run on the descriptor upper-cased with its digit words
 * removed (reduceDescriptor), so store numbers and references never decide. Decisions: docs/decisions.md
 * ("Feeds without enrichment").
 */

export type DescriptorFact =
  | "transfer_word"
  | "own_account_phrase"
  | "card_payment"
  | "payment_word"
  | "payroll"
  | "benefit"
  | "gig_payout"
  | "deposit"
  | "interest_earned"
  | "interest_charge"
  | "overdraft_fee"
  | "bank_fee"
  | "fee_reversal"
  | "bill"
  | "loan";

export interface DescriptorRule {
  readonly name: string;
  readonly fact: DescriptorFact;
  readonly pattern: RegExp;
  readonly reason: string;
}

const FEE_WORD = String.raw`(?:FEES?|CHG|CHARGE|SURCHARGE)`;
const PAYOUT_WORD = String.raw`(?:PAYOUTS?|PAY|PAYMENTS?|PYMNTS?|PAYMT|DEP|DEPOSIT|EARNINGS|EDI|TRANSFER)`;
const GIG_PLATFORM = String.raw`(?:UBER|LYFT|DOORDASH|GRUBHUB|INSTACART|POSTMATES|SHIPT|GOPUFF|ETSY|ROVER|TASKRABBIT|AMAZON\s+FLEX|AMZN\s+FLEX|SPARK\s+DRIVER)`;

export const DESCRIPTOR_RULES: readonly DescriptorRule[] = [
  // Own-account transfers and card payments: money moving between the user's own accounts is never spend or income.
  {
    name: "TRANSFER_WORDS",
    fact: "transfer_word",
    pattern: /\b(?:TRANSFER|XFER|TRNSFR|TFR)\b/,
    reason: "Banks word moves of money as transfers; with an own-account phrase or one of the user's masks it is between their own accounts, not income or spend.",
  },
  {
    name: "OWN_ACCOUNT_PHRASE",
    fact: "own_account_phrase",
    pattern: /\b(?:TO|FROM)\s+(?:MY\s+)?(?:SAV|SAVINGS|CHK|CHECKING|MMA|MONEY\s+MARKET|SHARE|HSA|BROKERAGE)\b/,
    reason: "\"Transfer to Savings\", \"from CHK ...1234\": the other side is one of the user's own accounts.",
  },
  {
    name: "CARD_PAYMENT",
    fact: "card_payment",
    pattern:
      /\b(?:CREDIT\s+CA?RD|CARD\s+(?:PAYMENT|PMT|PYMT)|CRCARDPMT|PAYMENT\s*-?\s*THANK\s*YOU|THANK\s+YOU\s+FOR\s+YOUR\s+PAYMENT)\b|\b(?:AMEX|AMERICAN\s+EXPRESS|CHASE|CITI|CITIBANK|CITICARDS|DISCOVER|CAPITAL\s+ONE|BARCLAYCARD|SYNCHRONY|BK\s+OF\s+AMER|BANK\s+OF\s+AMERICA)\b.*\b(?:PAYMENT|PMT|PYMT|PYMNTS|AUTOPAY|E-?PAYMENT|EPAY)\b/,
    reason: "Issuers word card payments \"PAYMENT THANK YOU\" (on the card) and \"<ISSUER> ... PMT/AUTOPAY\" (from checking): paying a card is debt, never a subscription, and not spend twice.",
  },
  {
    name: "PAYMENT_WORDS",
    fact: "payment_word",
    pattern: /(?<![/.])\b(?:PAYMENT|PMT|PYMT|AUTOPAY)\b/,
    reason: "A payment to a biller or lender is not a service one subscribes to; with a card's mask it is a card payment. A word of a web address (\"ADBL.CO/PYMT\") is not one.",
  },
  // Income: an inflow from an outside payer.
  {
    name: "PAYROLL",
    fact: "payroll",
    pattern: /\b(?:PAYROLL|PAYRL|DIR\s*DEP|DIRECT\s*DEP(?:OSIT)?|DIRECTDEP|SALARY|PAYCHECK|WAGES?|ADP|GUSTO|PAYCHEX)\b/,
    reason: "ACH payroll credits carry PAYROLL, DIRECT DEP or the processor's name (ADP, Gusto, Paychex): wages from an employer.",
  },
  {
    name: "GOV_BENEFIT_SOCIAL_SECURITY",
    fact: "benefit",
    pattern: /\b(?:SSA\s+TREAS|SSI\s+TREAS|TREAS\s+SSA|X*SOC\s+SEC|SOC\s*SEC|SOCIAL\s+SECURITY)\b/,
    reason: "Social Security and SSI arrive as \"SSA TREAS 310 XXSOC SEC\" from the US Treasury: regular income, not a transfer.",
  },
  {
    name: "GOV_BENEFIT_UNEMPLOYMENT",
    fact: "benefit",
    pattern: /\b(?:UNEMPLOYMENT|UNEMPL|UI\s+BENEFITS?|UIBENEFITS?|EDD\s+(?:UI|DIR\s*DEP)|DES\s+UI|DOL\s+UI|NYS\s+DOL|TWC\s+(?:UI|BENEFITS?)|DEPT\s+OF\s+LABOR|DEET\s+UI)\b/,
    reason: "State unemployment insurance pays by ACH named for the program or the state labor department: income while out of work.",
  },
  {
    name: "GOV_BENEFIT_OTHER",
    fact: "benefit",
    pattern: /\b(?:VA\s+BENEFITS?|VACP\s+TREAS|TREAS\s+VACP|DFAS|OPM\s+ANNUITY|PENSION|DISABILITY\s+(?:PMT|PAYMENT|BENEFITS?)|CHILD\s+SUPPORT)\b/,
    reason: "Veterans' benefits, military and civil-service pensions, disability and child-support payments are recurring income from an outside payer.",
  },
  {
    name: "GIG_PAYOUT",
    fact: "gig_payout",
    pattern: new RegExp(String.raw`\b${GIG_PLATFORM}\b.*\b${PAYOUT_WORD}\b|\b(?:DASHER|MAPLEBEAR|A\s+PLACE\s+FOR\s+ROVER|SHIPT\s+SHOPPER)\b`),
    reason: "Rideshare, delivery and marketplace platforms pay workers out as \"UBER *EATS PAYOUT\", \"DOORDASH DASHER FAST PAY\", \"LYFT INC EXPRESS PAY\": a gig worker's income. A purchase at the same platform is money out and never matches an inflow rule.",
  },
  {
    name: "PROCESSOR_PAYOUT",
    fact: "gig_payout",
    pattern: /\b(?:STRIPE\s+TRANSFER|UPWORK|FIVERR|SHOPIFY\s+PAYOUT|SQUARE\s+INC|PAYPAL\s+TRANSFER)\b/,
    reason: "Freelancers and small sellers are paid through Stripe, Upwork, Fiverr, Shopify or Square payouts: income from clients.",
  },
  {
    name: "ACH_CREDIT",
    fact: "deposit",
    pattern: /\b(?:ACH\s+(?:DEPOSIT|CREDIT)|PPD|CCD|EDI\s+PYMNTS|ACH\s+PMT|ZELLE\s+FROM|MOBILE\s+DEPOSIT|REMOTE\s+DEPOSIT)\b/,
    reason: "An ACH credit or deposit from a named company (not one of the user's accounts) is a payer paying the user: enriched feeds file these as INCOME or TRANSFER_IN_DEPOSIT.",
  },
  {
    name: "INTEREST_EARNED",
    fact: "interest_earned",
    pattern: /\b(?:INTEREST\s+(?:PAYMENT|EARNED|PAID|CREDIT)|DIVIDEND)\b/,
    reason: "Interest and dividends paid to the user are income but not pay (INCOME_INTEREST_EARNED when enriched): no pay cadence is read from them.",
  },
  // Charges that are never subscriptions.
  {
    name: "INTEREST_CHARGE",
    fact: "interest_charge",
    pattern: /\b(?:INTEREST\s+CHARGE|PURCHASE\s+INTEREST|INTEREST\s+CHARGED|FINANCE\s+CHARGE)\b/,
    reason: "Card issuers post interest as \"INTEREST CHARGE ON PURCHASES\": the card's interest signal, never a subscription.",
  },
  {
    name: "OVERDRAFT_FEE",
    fact: "overdraft_fee",
    pattern: new RegExp(String.raw`\b(?:OVERDRAFT|OD|NSF|INSUFFICIENT\s+FUNDS|RETURNED\s+ITEM|RET\s+ITEM)\b.*\b${FEE_WORD}\b|\bNSF\b`),
    reason: "\"OVERDRAFT ITEM FEE\", \"NSF RETURNED ITEM FEE\", \"INSUFFICIENT FUNDS FEE\": overdraft and NSF fees (BANK_FEES_OVERDRAFT_FEES / _INSUFFICIENT_FUNDS when enriched); an overdraft transfer without a fee word is not one.",
  },
  {
    name: "ATM_FEE",
    fact: "bank_fee",
    pattern: new RegExp(String.raw`\b(?:ATM|NON-?\s*BANK\s+ATM|FOREIGN\s+ATM|OUT\s+OF\s+NETWORK)\b.*\b${FEE_WORD}\b|\b${FEE_WORD}\b.*\bATM\b`),
    reason: "ATM operators and banks charge \"ATM FEE\" / \"NON-BANK ATM SURCHARGE\": a bank fee, not cash spent and never a subscription.",
  },
  {
    name: "MONTHLY_SERVICE_FEE",
    fact: "bank_fee",
    pattern: /\b(?:MONTHLY\s+(?:MAINTENANCE|SERVICE|ACCOUNT)\s+(?:FEE|CHARGE|CHG)|MAINTENANCE\s+FEE|SERVICE\s+CHARGE|SERVICE\s+FEE|ACCOUNT\s+FEE)\b/,
    reason: "\"MONTHLY MAINTENANCE FEE\" recurs every month at one price, like a subscription, but it is the bank's fee: never a subscription.",
  },
  {
    name: "LATE_FEE",
    fact: "bank_fee",
    pattern: /\bLATE\s+(?:PAYMENT\s+)?(?:FEE|CHARGE|CHG)\b/,
    reason: "A late fee is a penalty for a missed due date, never a service.",
  },
  {
    name: "FEE_REVERSAL",
    fact: "fee_reversal",
    pattern: /\b(?:FEE|FEES|OD|OVERDRAFT|NSF)\b.*\b(?:REVERSAL|REVERSED|REFUND|RFND|WAIVED|WAIVER|CREDIT)\b|\b(?:REVERSAL|REVERSE|REV|REFUND|RFND|COURTESY)\b.*\b(?:FEE|FEES|OD|OVERDRAFT|NSF)\b/,
    reason: "Banks refund fees (\"OVERDRAFT FEE REVERSAL\", \"NSF FEE REFUND\"): a reversal offsets the fee it refunds, so the fee no longer counts.",
  },
  {
    name: "OTHER_FEE",
    fact: "bank_fee",
    pattern: /\bFEES?\b/,
    reason: "A charge that calls itself a fee pays for a bank's or biller's service event, not a subscription.",
  },
  // Debt and bills.
  {
    name: "STUDENT_LOAN",
    fact: "loan",
    pattern: /\b(?:STUDENT\s+(?:LOAN|LN)|DEPT\s+(?:OF\s+)?EDUCATION|DEPT\s+ED|NAVIENT|NELNET|SALLIE\s+MAE|MOHELA|AIDVANTAGE|GREAT\s+LAKES|SMB\s+LOAN)\b/,
    reason: "Student-loan servicers (Nelnet, MOHELA, Aidvantage, Sallie Mae, Dept of Education): a debt payment, never a subscription.",
  },
  {
    name: "LOAN_PAYMENT",
    fact: "loan",
    pattern: /\b(?:LOAN|LN\s+PMT|AUTO\s+FINANCE|AUTO\s+LOAN|LENDING\s+CLUB|LENDINGCLUB|UPSTART|AFFIRM|LENDING)\b/,
    reason: "Installment and auto loans: a debt payment, never a subscription.",
  },
  {
    name: "RENT",
    fact: "bill",
    pattern: /\b(?:RENT|RENTPAYMENT|APPFOLIO|APTS?|APARTMENTS?|PROPERTY\s+(?:MGMT|MANAGEMENT)|PROPERTIES|LEASING|RESIDENTIAL|RES|COMMUNITIES|GREYSTAR|AVALONBAY|BILT)\b/,
    reason: "Rent through a landlord, a property manager or a rent portal (AppFolio, RentPayment, Bilt): the user's housing bill, not a subscription.",
  },
  {
    name: "MORTGAGE",
    fact: "bill",
    pattern: /\b(?:MORTGAGE|MTG|HOME\s+LENDING|HOME\s+LOANS?|MR\s*COOPER|NATIONSTAR)\b/,
    reason: "A mortgage payment is the housing bill of an owner (LOAN_PAYMENTS_MORTGAGE_PAYMENT is a bill when enriched too).",
  },
  {
    name: "UTILITY",
    fact: "bill",
    pattern:
      /\b(?:ELECTRIC|ELEC|ENERGY|ENRGY|POWER|UTILITY|UTILITIES|WATER|SEWER|EDISON|CON\s+ED|CONED|GRID|NGRID|PSEG|PSE&G|PSE|PG&E|PGANDE|XCEL|COMED|DTE|FPL|TXU|AEP|APS|PUBLIC\s+SERVICE)\b/,
    reason: "Electricity, gas and water: a utility bill, whose amount varies with use.",
  },
  {
    name: "TELECOM",
    fact: "bill",
    pattern:
      /\b(?:VERIZON|VZW|VZWRLSS|VZ\s+WIRELESS|AT&T|ATT|T-?\s*MOBILE|TMOBILE|SPRINT|COMCAST|XFINITY|SPECTRUM|CHARTER|COX|FIOS|U-VERSE|CRICKET|MINT\s+MOBILE|MINTMOBILE|BOOST\s+MOBILE|WIRELESS|TELECOM|INTERNET|CABLE|COMMUNICATIONS|COMM)\b/,
    reason: "Phone, internet and cable service: a utility bill (RENT_AND_UTILITIES_TELEPHONE / _INTERNET_AND_CABLE when enriched), not a subscription.",
  },
  {
    name: "INSURANCE",
    fact: "bill",
    pattern: /\b(?:INSURANCE|INS|INS\s+PREM|GEICO|STATE\s+FARM|PROGRESSIVE|PROG|ALLSTATE|LEMONADE|LIBERTY\s+MUTUAL|FARMERS|NATIONWIDE|USAA)\b/,
    reason: "Insurance premiums: a bill (GENERAL_SERVICES_INSURANCE is a bill when enriched), not a subscription.",
  },
];

/** The rules a descriptor (upper case, digit words removed) matches, in table order. */
export function matchingRules(upper: string): DescriptorRule[] {
  return DESCRIPTOR_RULES.filter((r) => r.pattern.test(upper));
}
