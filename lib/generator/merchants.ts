/**
 * The merchant catalog, as data: who users pay and get paid by, the raw descriptors each one shows up
 * under (several variants per merchant, as real feeds do), its Plaid category and channel, and the
 * prices of subscription plans. Amounts are integer cents. Descriptor templates use the tokens of
 * ./descriptors.ts.
 */
import type { Frequency } from "../core/signals/types";
import type { PfcDetailed } from "./pfc";
import { stableId } from "./rng";

export type Channel = "online" | "in store" | "other";

export interface MerchantDef {
  key: string;
  /** merchant_name when Plaid enriches the row; null = the feed only ever has the raw descriptor. */
  name: string | null;
  /** Plaid merchant_entity_id (stable per merchant) or null. */
  entityId: string | null;
  /** Raw descriptor variants; the first is the most common. */
  descriptors: readonly string[];
  pfc: PfcDetailed;
  channel: Channel;
}

function m(
  key: string,
  name: string | null,
  descriptors: readonly string[],
  pfc: PfcDetailed,
  channel: Channel,
  entity = true,
): MerchantDef {
  return { key, name, entityId: entity && name ? stableId(`merchant:${key}`) : null, descriptors, pfc, channel };
}

// ---------------------------------------------------------------------------------------------
// Geography
// ---------------------------------------------------------------------------------------------

export const REGIONS = ["Northeast", "Midwest", "South", "West"] as const;
export type Region = (typeof REGIONS)[number];

export interface City {
  city: string;
  st: string;
  /** A transit agency whose fares show up as small fixed charges, or null. */
  transit: MerchantDef | null;
}

const T = (key: string, name: string, d: string[]) => m(key, name, d, "TRANSPORTATION_PUBLIC_TRANSIT", "in store");
const MTA = T("mta", "MTA", ["MTA*NYCT PAYGO", "MTA*NYCT PAYGO NEW YORK NY", "MTA NYCT OMNY"]);
const MBTA = T("mbta", "MBTA", ["MBTA CHARLIECARD", "MBTA-CHARLIE TICKET"]);
const SEPTA = T("septa", "SEPTA", ["SEPTA KEY CARD", "SEPTA KEY"]);
const CTA = T("cta", "CTA", ["CTA VENTRA {d6}", "VENTRA CTA"]);
const CLIPPER = T("clipper", "Clipper", ["BART-CLIPPER {d6}", "CLIPPER SERVICE"]);
const LAMETRO = T("lametro", "LA Metro", ["LA METRO TAP", "METRO TAP {d4}"]);
const ORCA = T("orca", "ORCA", ["ORCA CARD {d6}", "SOUND TRANSIT ORCA"]);

export const CITIES: Record<Region, readonly City[]> = {
  Northeast: [
    { city: "NEW YORK", st: "NY", transit: MTA },
    { city: "BOSTON", st: "MA", transit: MBTA },
    { city: "PHILADELPHIA", st: "PA", transit: SEPTA },
    { city: "HARTFORD", st: "CT", transit: null },
    { city: "NEWARK", st: "NJ", transit: null },
  ],
  Midwest: [
    { city: "CHICAGO", st: "IL", transit: CTA },
    { city: "COLUMBUS", st: "OH", transit: null },
    { city: "MINNEAPOLIS", st: "MN", transit: null },
    { city: "DETROIT", st: "MI", transit: null },
    { city: "KANSAS CITY", st: "MO", transit: null },
  ],
  South: [
    { city: "ATLANTA", st: "GA", transit: null },
    { city: "HOUSTON", st: "TX", transit: null },
    { city: "MIAMI", st: "FL", transit: null },
    { city: "CHARLOTTE", st: "NC", transit: null },
    { city: "NASHVILLE", st: "TN", transit: null },
    { city: "AUSTIN", st: "TX", transit: null },
  ],
  West: [
    { city: "LOS ANGELES", st: "CA", transit: LAMETRO },
    { city: "SEATTLE", st: "WA", transit: ORCA },
    { city: "DENVER", st: "CO", transit: null },
    { city: "PHOENIX", st: "AZ", transit: null },
    { city: "SAN FRANCISCO", st: "CA", transit: CLIPPER },
    { city: "PORTLAND", st: "OR", transit: null },
  ],
};

/** Transit fares are flat: the amounts a tap costs. */
export const TRANSIT_FARES_CENTS = [275, 290, 250, 225] as const;

// ---------------------------------------------------------------------------------------------
// Subscriptions
// ---------------------------------------------------------------------------------------------

export type SubscriptionGroup =
  | "video"
  | "music"
  | "software"
  | "cloud"
  | "gym"
  | "news"
  | "gaming"
  | "meal_kit"
  | "membership";

export interface SubscriptionDef extends MerchantDef {
  group: SubscriptionGroup;
  frequency: Frequency;
  /** Plan prices (cents); a user picks one. */
  prices: readonly number[];
  /** A typical price rise (cents) when the provider raises prices mid-year. */
  rise: number;
}

function sub(
  key: string,
  name: string,
  descriptors: readonly string[],
  pfcCode: PfcDetailed,
  group: SubscriptionGroup,
  frequency: Frequency,
  prices: readonly number[],
  rise: number,
  channel: Channel = "online",
): SubscriptionDef {
  return { ...m(key, name, descriptors, pfcCode, channel), group, frequency, prices, rise };
}

const TV = "ENTERTAINMENT_TV_AND_MOVIES";
const MUSIC = "ENTERTAINMENT_MUSIC_AND_AUDIO";
const SERVICES = "GENERAL_SERVICES_OTHER_GENERAL_SERVICES";
const GYM = "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS";
const NEWS = "GENERAL_MERCHANDISE_BOOKSTORES_AND_NEWSSTANDS";

export const SUBSCRIPTIONS: readonly SubscriptionDef[] = [
  sub("netflix", "Netflix", ["NETFLIX.COM 866-579-7172 CA", "Netflix.com", "NETFLIX INC", "NETFLIX.COM NETFLIX.COM CA"], TV, "video", "MONTHLY", [799, 1799, 2499], 200),
  sub("hulu", "Hulu", ["HULU 877-8244858 CA", "Hulu LLC", "HLU*HULU {d10}"], TV, "video", "MONTHLY", [999, 1899], 200),
  sub("disney_plus", "Disney+", ["DISNEY PLUS 888-905-7888 CA", "DisneyPLUS", "DISNEY PLUS BURBANK CA"], TV, "video", "MONTHLY", [999, 1599], 200),
  sub("max", "Max", ["MAX.COM 855-442-6629 NY", "HBO Max", "WWW.MAX.COM"], TV, "video", "MONTHLY", [999, 1699], 100),
  sub("peacock", "Peacock", ["PEACOCK 3A2B4 PREMIUM", "Peacock TV", "PEACOCKTV.COM"], TV, "video", "MONTHLY", [799, 1399], 300),
  sub("paramount_plus", "Paramount+", ["PARAMOUNT+ 888-274-5343 CA", "Paramount Plus", "CBS INTERACTIVE PARAMNT"], TV, "video", "MONTHLY", [799, 1299], 200),
  sub("youtube_premium", "YouTube Premium", ["GOOGLE *YouTubePremium g.co/helppay#", "YOUTUBE PREMIUM", "Google YouTube"], TV, "video", "MONTHLY", [1399], 0),
  sub("spotify", "Spotify", ["Spotify USA", "SPOTIFY P{a9}", "SPOTIFY 877-778-1161 NY", "SPOTIFY USA NEW YORK NY"], MUSIC, "music", "MONTHLY", [1199, 1699, 1999], 100),
  sub("apple_music", "Apple Music", ["APPLE.COM/BILL 866-712-7753 CA", "APPLE.COM/BILL", "Apple Services"], MUSIC, "music", "MONTHLY", [1099, 1699], 0),
  sub("siriusxm", "SiriusXM", ["SIRIUSXM RADIO 888-635-5144 NY", "SIRIUS XM RADIO INC", "SXM*SIRIUSXM.COM/ACCT"], MUSIC, "music", "MONTHLY", [999, 1899], 100),
  sub("audible", "Audible", ["Audible*{a9}", "AUDIBLE US ADBL.CO/PYMT NJ", "AUDIBLE INC"], MUSIC, "music", "MONTHLY", [1495], 0),
  sub("adobe", "Adobe", ["ADOBE *CREATIVE CLOUD 800-833-6687 CA", "ADOBE *ADOBE 408-536-6000 CA", "Adobe Inc"], SERVICES, "software", "MONTHLY", [2299, 5999], 300),
  sub("microsoft_365", "Microsoft 365", ["MICROSOFT*MICROSOFT 365 P 800-642-7676 WA", "MSFT * E0{d9}", "Microsoft 365"], SERVICES, "software", "MONTHLY", [999, 1299], 0),
  sub("chatgpt", "OpenAI", ["OPENAI *CHATGPT SUBSCR OPENAI.COM CA", "OPENAI", "CHATGPT SUBSCRIPTION"], SERVICES, "software", "MONTHLY", [2000], 0),
  sub("nordvpn", "NordVPN", ["NORDVPN* {d8}", "NORD SECURITY", "NORDVPN.COM"], SERVICES, "software", "MONTHLY", [1299], 0),
  sub("icloud", "Apple iCloud", ["APPLE.COM/BILL 866-712-7753 CA", "APPLE.COM/BILL ONE APPLE PARK WAY CA", "Apple iCloud"], SERVICES, "cloud", "MONTHLY", [99, 299, 999], 0),
  sub("google_one", "Google One", ["GOOGLE *Google One g.co/helppay#", "GOOGLE*GOOGLE STORAGE", "Google One"], SERVICES, "cloud", "MONTHLY", [199, 299, 999], 0),
  sub("dropbox", "Dropbox", ["DROPBOX*{a10} DROPBOX.COM CA", "Dropbox", "DROPBOX 855-237-6726"], SERVICES, "cloud", "MONTHLY", [1199, 1999], 0),
  sub("planet_fitness", "Planet Fitness", ["PLANET FITNESS {CITY} {ST}", "PLANET FIT CLUB FEES", "PF CLUB DUES {d6}"], GYM, "gym", "MONTHLY", [1500, 2499], 500, "other"),
  sub("la_fitness", "LA Fitness", ["LA FITNESS {d6} {ST}", "LA FITNESS INTL", "FITNESS INTERNATIONAL LLC"], GYM, "gym", "MONTHLY", [3999, 4499], 0, "other"),
  sub("peloton", "Peloton", ["PELOTON* MEMBERSHIP 866-679-9129 NY", "PELOTON INTERACTIVE", "Peloton App"], GYM, "gym", "MONTHLY", [1299, 4400], 0),
  sub("equinox", "Equinox", ["EQUINOX {d3} {CITY} {ST}", "EQUINOX HOLDINGS", "EQX MEMBERSHIP DUES"], GYM, "gym", "MONTHLY", [23000, 26000], 1000, "other"),
  sub("classpass", "ClassPass", ["CLASSPASS* MONTHLY", "CLASSPASS INC 888-493-5953", "ClassPass"], GYM, "gym", "MONTHLY", [4900, 7900], 0),
  sub("nytimes", "The New York Times", ["NYTIMES*NYTIMES 800-698-4637 NY", "NYT DIGITAL SUBSCRIPTION", "The New York Times"], NEWS, "news", "MONTHLY", [1700, 2500], 400),
  sub("wsj", "The Wall Street Journal", ["WSJ DIGITAL 800-568-7625", "DOW JONES WSJ", "WALL ST JOURNAL"], NEWS, "news", "MONTHLY", [3899], 0),
  sub("washington_post", "The Washington Post", ["WASHINGTON POST 800-477-4679", "WP DIGITAL SUBSCRIPTION", "The Washington Post"], NEWS, "news", "MONTHLY", [1200], 0),
  sub("substack", "Substack", ["SUBSTACK *{a8}", "SUBSTACK INC", "Substack"], NEWS, "news", "MONTHLY", [500, 800, 1000], 0),
  sub("xbox", "Xbox Game Pass", ["MICROSOFT*XBOX 800-642-7676 WA", "XBOX GAME PASS", "MSFT *XBOX"], "ENTERTAINMENT_VIDEO_GAMES", "gaming", "MONTHLY", [1199, 1999], 300),
  sub("playstation", "PlayStation Plus", ["PLAYSTATION NETWORK 800-345-7669 CA", "SONY PLAYSTATION", "PlayStation Plus"], "ENTERTAINMENT_VIDEO_GAMES", "gaming", "MONTHLY", [999, 1799], 0),
  // Weekly: meal kits bill every week.
  sub("hellofresh", "HelloFresh", ["HELLOFRESH 646-846-3663 NY", "HELLOFRESH US", "HelloFresh"], "FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK", "meal_kit", "WEEKLY", [6999, 8999], 200),
  sub("factor", "Factor", ["FACTOR75 888-882-3450 IL", "FACTOR MEALS", "Factor_"], "FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK", "meal_kit", "WEEKLY", [7499, 10999], 0),
  sub("blue_apron", "Blue Apron", ["BLUE APRON 888-278-4349 NY", "BLUEAPRON.COM", "Blue Apron"], "FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK", "meal_kit", "WEEKLY", [5999], 0),
  // Annual memberships (one charge a year: in a 12-month feed they never form a stream).
  sub("amazon_prime", "Amazon Prime", ["Amazon Prime*{va9}", "AMAZON PRIME MEMBERSHIP AMZN.COM/BILL WA", "AMAZON PRIME*{va9} AMZN.COM/BILL WA"], "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES", "membership", "ANNUALLY", [13900], 0),
  sub("costco_membership", "Costco", ["COSTCO *ANNUAL RENEWAL 800-774-2678 WA", "COSTCO WHOLESALE MEMBERSHIP"], "GENERAL_MERCHANDISE_SUPERSTORES", "membership", "ANNUALLY", [6500, 13000], 0),
  sub("microsoft_365_annual", "Microsoft 365", ["MICROSOFT*MICROSOFT 365 F 800-642-7676 WA", "Microsoft 365 Family"], SERVICES, "software", "ANNUALLY", [9999, 12999], 0),
  sub("walmart_plus", "Walmart+", ["WALMART+ ANNUAL MEMBERSHIP", "WMT PLUS {d6}"], "GENERAL_MERCHANDISE_SUPERSTORES", "membership", "ANNUALLY", [9800], 0),
  // Monthly memberships that are services too.
  sub("amazon_prime_monthly", "Amazon Prime", ["Amazon Prime*{va9}", "AMAZON PRIME*{va9} AMZN.COM/BILL WA"], "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES", "membership", "MONTHLY", [1499], 0),
  sub("dashpass", "DoorDash DashPass", ["DOORDASH DASHPASS", "DD *DASHPASS 855-973-1040", "DoorDash DashPass"], "FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK", "membership", "MONTHLY", [999], 0),
  sub("uber_one", "Uber One", ["UBER *ONE MEMBERSHIP", "UBER ONE HELP.UBER.COM CA", "Uber One"], "TRANSPORTATION_TAXIS_AND_RIDE_SHARES", "membership", "MONTHLY", [999], 0),
];

// ---------------------------------------------------------------------------------------------
// Bills (recurring, not subscriptions)
// ---------------------------------------------------------------------------------------------

export const UTILITIES: Record<Region, readonly MerchantDef[]> = {
  Northeast: [
    m("con_edison", "Con Edison", ["CON ED OF NY INTELL CK", "CONED BILL PAYMENT", "CON EDISON WEB PAY"], "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "other"),
    m("eversource", "Eversource", ["EVERSOURCE ENERGY PAYMENT", "EVERSOURCE ELEC WEB PMT", "NSTAR EVERSOURCE"], "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "other"),
    m("national_grid", "National Grid", ["NATIONAL GRID US PAYMENT", "NGRID BILLPAY {d8}", "NATL GRID"], "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "other"),
    m("pseg", "PSE&G", ["PSEG ONLINE PMT", "PUBLIC SERVICE ELEC & GAS", "PSE&G WEB PAY"], "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "other"),
  ],
  Midwest: [
    m("comed", "ComEd", ["COMED PAYMENT {d10}", "COMMONWEALTH EDISON", "COMED ONLINE PYMT"], "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "other"),
    m("dte", "DTE Energy", ["DTE ENERGY PAYMENT", "DTE ENERGY CO BILL PYMT", "DTE WEB PAY"], "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "other"),
    m("xcel", "Xcel Energy", ["XCEL ENERGY-NSP", "XCEL ENERGY PAYMENT", "NSP XCEL ENERGY WEB"], "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "other"),
    m("aep", "AEP Ohio", ["AEP OHIO BILL PAY", "AMERICAN ELECTRIC POWER", "AEP OH ONLINE PMT"], "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "other"),
  ],
  South: [
    m("duke", "Duke Energy", ["DUKE ENERGY PAYMENT", "DUKE-ENERGY BILL PAY {d6}", "DUKEENERGY WEB"], "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "other"),
    m("georgia_power", "Georgia Power", ["GEORGIA POWER CO", "GA POWER BILL PAYMT", "GEORGIA POWER ONLINE"], "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "other"),
    m("fpl", "Florida Power & Light", ["FPL DIRECT DEBIT", "FLORIDA POWER & LIGHT", "FPL PAYMENT {d10}"], "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "other"),
    m("txu", "TXU Energy", ["TXU ENERGY RETAIL", "TXU ENERGY PAYMENT", "TXU ENRGY WEB PMT"], "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "other"),
  ],
  West: [
    m("pge", "PG&E", ["PGANDE WEB ONLINE", "PG&E", "PACIFIC GAS & ELEC WEB PMT"], "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "other"),
    m("sce", "Southern California Edison", ["SCE BILL PAYMENT", "SO CAL EDISON CO", "SCE ONLINE PMT {d8}"], "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "other"),
    m("pse", "Puget Sound Energy", ["PUGET SOUND ENERGY", "PSE BILL PAY", "PUGET SOUND ENRGY WEB"], "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "other"),
    m("aps", "APS", ["APS ELECTRIC PMT", "ARIZONA PUBLIC SERVICE", "APS BILL PAY {d8}"], "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "other"),
  ],
};

export const PHONE_CARRIERS: readonly MerchantDef[] = [
  m("verizon_wireless", "Verizon", ["VERIZON WIRELESS PAYMENTS", "VZWRLSS*APOCC VISB", "VZ WIRELESS VE {d8}"], "RENT_AND_UTILITIES_TELEPHONE", "other"),
  m("tmobile", "T-Mobile", ["T-MOBILE PCS SVC", "TMOBILE*AUTO PAY", "T-MOBILE {d8} WA"], "RENT_AND_UTILITIES_TELEPHONE", "other"),
  m("att_wireless", "AT&T", ["ATT*BILL PAYMENT 800-288-2020 TX", "AT&T MOBILITY", "ATT PAYMENT {d10}"], "RENT_AND_UTILITIES_TELEPHONE", "other"),
  m("mint_mobile", "Mint Mobile", ["MINT MOBILE 800-683-7392 CA", "MINTMOBILE.COM"], "RENT_AND_UTILITIES_TELEPHONE", "online"),
  m("cricket", "Cricket Wireless", ["CRICKET WIRELESS {d6}", "CRICKET WIRELESS AUTOPAY"], "RENT_AND_UTILITIES_TELEPHONE", "other"),
];

export const INTERNET_PROVIDERS: readonly MerchantDef[] = [
  m("comcast", "Xfinity", ["COMCAST CABLE COMM", "COMCAST 800-COMCAST", "XFINITY AUTOPAY {d8}"], "RENT_AND_UTILITIES_INTERNET_AND_CABLE", "other"),
  m("spectrum", "Spectrum", ["SPECTRUM 855-707-7328", "CHARTER COMMUNICATIONS", "SPECTRUM AUTOPAY"], "RENT_AND_UTILITIES_INTERNET_AND_CABLE", "other"),
  m("fios", "Verizon Fios", ["VERIZON*FIOS {d8}", "VERIZON FIOS PAYMENT"], "RENT_AND_UTILITIES_INTERNET_AND_CABLE", "other"),
  m("cox", "Cox Communications", ["COX COMM {ST}", "COX COMMUNICATIONS PAYMENT"], "RENT_AND_UTILITIES_INTERNET_AND_CABLE", "other"),
  m("att_internet", "AT&T Internet", ["ATT*INTERNET 800-288-2020 TX", "AT&T U-VERSE"], "RENT_AND_UTILITIES_INTERNET_AND_CABLE", "other"),
];

export const INSURERS: readonly MerchantDef[] = [
  m("geico", "GEICO", ["GEICO *AUTO 800-841-3000 DC", "GEICO AUTO", "GEICO PAYMENT {d10}"], "GENERAL_SERVICES_INSURANCE", "other"),
  m("state_farm", "State Farm", ["STATE FARM RO 27 SFPP", "STATE FARM INSURANCE", "STATE FARM  RO {d2} SFPP"], "GENERAL_SERVICES_INSURANCE", "other"),
  m("progressive", "Progressive", ["PROGRESSIVE *INSURANCE", "PROG DIRECT INS", "PROGRESSIVE INS {d8}"], "GENERAL_SERVICES_INSURANCE", "other"),
  m("allstate", "Allstate", ["ALLSTATE INS CO PREM", "ALLSTATE PAYMENT", "ALLSTATE {d9}"], "GENERAL_SERVICES_INSURANCE", "other"),
  m("lemonade", "Lemonade", ["LEMONADE INSURANCE", "LEMONADE INC {d6}"], "GENERAL_SERVICES_INSURANCE", "online"),
];

export const LANDLORDS: readonly MerchantDef[] = [
  m("greystar", "Greystar", ["GREYSTAR RENT PMT {d8}", "GREYSTAR PROPERTIES WEB PMTS", "GREYSTAR RES"], "RENT_AND_UTILITIES_RENT", "other"),
  m("avalon", "AvalonBay Communities", ["AVALONBAY COMM WEB PMTS", "AVALON COMMUNITIES ACH", "AVALONBAY {d7}"], "RENT_AND_UTILITIES_RENT", "other"),
  m("equity_residential", "Equity Residential", ["EQUITY RESIDENTIAL RENT", "EQR RENT PAYMENT {d6}"], "RENT_AND_UTILITIES_RENT", "other"),
  m("bilt", "Bilt Rewards", ["BILT RENT {d8}", "BILT REWARDS RENT PMT"], "RENT_AND_UTILITIES_RENT", "online"),
  m("appfolio", null, ["APPFOLIO *{LOCAL} APTS", "WEB PMTS APPFOLIO {d6}"], "RENT_AND_UTILITIES_RENT", "other", false),
  m("rentpayment", null, ["RENTPAYMENT.COM {d8}", "RENT PAYMENT {LOCAL} LLC"], "RENT_AND_UTILITIES_RENT", "other", false),
];
/** Small landlords named in rent descriptors ({LOCAL}). */
export const APARTMENT_NAMES = ["PARKSIDE", "OAK GROVE", "THE MERIDIAN", "RIVERVIEW", "MAPLE COURT", "SUMMIT POINTE", "HARBOR LOFTS"];

export const MORTGAGE_SERVICERS: readonly MerchantDef[] = [
  m("rocket", "Rocket Mortgage", ["ROCKET MORTGAGE PAYMENT", "ROCKET MORTGAGE {d10}", "QUICKEN LOANS MTG PMT"], "LOAN_PAYMENTS_MORTGAGE_PAYMENT", "other"),
  m("wells_mortgage", "Wells Fargo Home Mortgage", ["WELLS FARGO HOME MTG AUTO PAY", "WF HOME MTG {d10}", "WELLS FARGO MORTGAGE"], "LOAN_PAYMENTS_MORTGAGE_PAYMENT", "other"),
  m("mr_cooper", "Mr. Cooper", ["MR. COOPER MTG PMT", "NATIONSTAR MORTGAGE MR COOPER", "MR COOPER {d8}"], "LOAN_PAYMENTS_MORTGAGE_PAYMENT", "other"),
  m("chase_mortgage", "Chase Home Lending", ["CHASE MORTGAGE PAYMENT", "CHASE HOME LENDING {d8}", "JPMORGAN CHASE MTG"], "LOAN_PAYMENTS_MORTGAGE_PAYMENT", "other"),
];

export const STUDENT_SERVICERS: readonly MerchantDef[] = [
  m("nelnet", "Nelnet", ["NELNET STUDENT LOAN", "NELNET LNS {d10}", "NELNET PAYMENT"], "LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT", "other"),
  m("mohela", "MOHELA", ["MOHELA ED PAYMENT", "DEPT EDUCATION STUDENT LN", "MOHELA {d10}"], "LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT", "other"),
  m("aidvantage", "Aidvantage", ["AIDVANTAGE DEPT ED", "DEPT EDUCATION STUDENT LN", "AIDVANTAGE PMT {d8}"], "LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT", "other"),
  m("sallie_mae", "Sallie Mae", ["SALLIE MAE BANK PAYMENT", "SALLIE MAE {d10}", "SMB LOAN PMT"], "LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT", "other"),
];

// ---------------------------------------------------------------------------------------------
// Banks, card issuers, own-account transfers, fees, interest
// ---------------------------------------------------------------------------------------------

export interface DepositoryProduct {
  name: string;
  official: string | null;
}

export const CHECKING_PRODUCTS: readonly DepositoryProduct[] = [
  { name: "Total Checking", official: "Chase Total Checking" },
  { name: "Everyday Checking", official: "Wells Fargo Everyday Checking" },
  { name: "Advantage Plus Banking", official: "Bank of America Advantage Plus Banking" },
  { name: "360 Checking", official: "Capital One 360 Checking" },
  { name: "Spend Account", official: null },
];
export const SAVINGS_PRODUCTS: readonly DepositoryProduct[] = [
  { name: "Chase Savings", official: "Chase Savings" },
  { name: "Way2Save Savings", official: "Wells Fargo Way2Save Savings" },
  { name: "360 Performance Savings", official: "Capital One 360 Performance Savings" },
  { name: "High Yield Savings", official: "Ally Online Savings Account" },
];
export const MONEY_MARKET_PRODUCTS: readonly DepositoryProduct[] = [
  { name: "Money Market Savings", official: "Premier Money Market Savings" },
  { name: "Money Market", official: "Ally Money Market Account" },
];
export const HSA_PRODUCTS: readonly DepositoryProduct[] = [
  { name: "Health Savings Account", official: "HealthEquity HSA" },
  { name: "HSA", official: "Fidelity Health Savings Account" },
];
export const BUSINESS_CHECKING_PRODUCTS: readonly DepositoryProduct[] = [
  { name: "Business Complete Checking", official: "Chase Business Complete Banking" },
  { name: "Initiate Business Checking", official: "Wells Fargo Initiate Business Checking" },
];

export interface CardIssuer {
  key: string;
  products: readonly string[];
  /** The payment as the checking account shows it ({MASK} = the card's mask). */
  checkingDescriptors: readonly string[];
  /** The payment as the card shows it. */
  cardDescriptors: readonly string[];
  displayName: string;
}

export const CARD_ISSUERS: readonly CardIssuer[] = [
  {
    key: "chase",
    displayName: "Chase Card Payment",
    products: ["Chase Freedom Unlimited", "Chase Sapphire Preferred", "Chase Freedom Flex"],
    checkingDescriptors: ["CHASE CREDIT CRD AUTOPAY PPD ID: {d10}", "Payment to Chase card ending in {MASK} {DATE}", "CHASE CREDIT CRD EPAY {vd7}"],
    cardDescriptors: ["AUTOMATIC PAYMENT - THANK YOU", "Payment Thank You-Mobile", "Payment Thank You - Web"],
  },
  {
    key: "citi",
    displayName: "Citi Card Payment",
    products: ["Citi Double Cash Card", "Citi Custom Cash Card", "Citi Simplicity Card"],
    checkingDescriptors: ["CITI AUTOPAY PAYMENT {vd12}", "CITI CARD ONLINE PAYMENT {vd10}", "CITICARDS PAYMENT"],
    cardDescriptors: ["AUTOPAY {vd12}RAUTOPAY AUTO-PMT", "ONLINE PAYMENT, THANK YOU", "PAYMENT THANK YOU"],
  },
  {
    key: "capital_one",
    displayName: "Capital One Card Payment",
    products: ["Quicksilver", "SavorOne", "Platinum Card"],
    checkingDescriptors: ["CAPITAL ONE MOBILE PMT {vd10}", "CAPITAL ONE CRCARDPMT {vd10}", "CAPITAL ONE ONLINE PMT"],
    cardDescriptors: ["CAPITAL ONE MOBILE PYMT", "CAPITAL ONE AUTOPAY PYMT", "PAYMENT/CREDIT"],
  },
  {
    key: "discover",
    displayName: "Discover Card Payment",
    products: ["Discover it Cash Back", "Discover it Chrome"],
    checkingDescriptors: ["DISCOVER E-PAYMENT {vd4}", "DISCOVER DC PYMNTS {vd10}", "DISCOVER CARD PAYMENT"],
    cardDescriptors: ["INTERNET PAYMENT - THANK YOU", "DIRECTPAY FULL BALANCE", "AUTOMATIC PAYMENT - THANK YOU"],
  },
  {
    key: "amex",
    displayName: "American Express Payment",
    products: ["Blue Cash Everyday", "Gold Card", "Blue Cash Preferred"],
    checkingDescriptors: ["AMERICAN EXPRESS ACH PMT {vd10}", "AMEX EPAYMENT ACH PMT", "AMERICAN EXPRESS AUTOPAY"],
    cardDescriptors: ["ONLINE PAYMENT - THANK YOU", "AUTOPAY PAYMENT - THANK YOU", "MOBILE PAYMENT - THANK YOU"],
  },
  {
    key: "bofa",
    displayName: "Bank of America Card Payment",
    products: ["Customized Cash Rewards", "Unlimited Cash Rewards", "BankAmericard"],
    checkingDescriptors: ["BK OF AMER VISA ONLINE PMT", "BANK OF AMERICA CREDIT CARD BILL PAYMENT", "BA ELECTRONIC PAYMENT {vd8}"],
    cardDescriptors: ["PAYMENT - THANK YOU", "BA ELECTRONIC PAYMENT", "ONLINE PAYMENT THANK YOU"],
  },
];

export const SAVINGS_TRANSFER = {
  checkingOut: ["Online Transfer to SAV ...{MASK} transaction#: {vd11}", "ONLINE TRANSFER TO SAVINGS XXXXXX{MASK}", "Transfer to Savings {MASK} {DATE}"],
  savingsIn: ["Online Transfer from CHK ...{MASK} transaction#: {vd11}", "ONLINE TRANSFER FROM CHECKING XXXXXX{MASK}", "Transfer from Checking {MASK} {DATE}"],
  savingsOut: ["Online Transfer to CHK ...{MASK} transaction#: {vd11}", "ONLINE TRANSFER TO CHECKING XXXXXX{MASK}"],
  checkingIn: ["Online Transfer from SAV ...{MASK} transaction#: {vd11}", "ONLINE TRANSFER FROM SAVINGS XXXXXX{MASK}"],
} as const;

export const INTEREST_EARNED_DESCRIPTORS = ["INTEREST PAYMENT", "Interest Earned", "INTEREST PAID"] as const;
export const CARD_INTEREST_DESCRIPTORS = ["INTEREST CHARGE ON PURCHASES", "PURCHASE INTEREST CHARGE", "INTEREST CHARGED ON PURCHASES"] as const;
export const LATE_FEE_DESCRIPTORS = ["LATE FEE", "LATE PAYMENT FEE"] as const;
export const OVERDRAFT_DESCRIPTORS = ["OVERDRAFT ITEM FEE", "OVERDRAFT FEE FOR A TRANSACTION POSTED ON {DATE}", "OD ITEM FEE"] as const;
export const NSF_DESCRIPTORS = ["NSF RETURNED ITEM FEE", "INSUFFICIENT FUNDS FEE", "RETURNED ITEM FEE {DATE}"] as const;
export const MAINTENANCE_FEE_DESCRIPTORS = ["MONTHLY MAINTENANCE FEE", "MONTHLY SERVICE FEE"] as const;
export const HSA_CONTRIBUTION_DESCRIPTORS = ["HSA CONTRIBUTION EMPLOYER", "HSA CONTRIB {vd6}"] as const;

// ---------------------------------------------------------------------------------------------
// Income
// ---------------------------------------------------------------------------------------------

export const EMPLOYERS = [
  "Acme Corp", "Globex Corporation", "Initech", "Umbrella Health", "Northwind Traders", "Contoso Ltd",
  "Stark Industries", "Wayne Enterprises", "Hooli", "Vandelay Industries", "Dunder Mifflin", "Soylent Foods",
  "Wonka Industries", "Cyberdyne Systems", "Tyrell Corp", "Massive Dynamic", "Bluth Company",
  "Riverside Hospital", "Lakeside School District", "Summit Logistics", "Evergreen Credit Union",
  "Pinecrest Manufacturing", "Harbor Freight Lines", "Blue Ridge Health", "Metro Transit Authority",
  "Cedar Valley Foods", "Ironwood Software", "Silverline Retail", "Redwood Insurance", "Granite State Bank",
] as const;

/** Payroll descriptor templates ({EMP} = the employer upper-cased; {d10} its ACH company id). */
export const PAYROLL_DESCRIPTORS = [
  "{EMP} PAYROLL PPD ID: {d10}",
  "ACH DEPOSIT {EMP} PAYROLL PPD ID: {d10}",
  "{EMP} DIRECT DEP",
  "DIRECT DEPOSIT {EMP}",
  "{EMP} DES:PAYROLL ID:{d9}",
] as const;
/** Payroll through a processor: the descriptor names the processor, not the employer. */
export const PAYROLL_PROCESSOR_DESCRIPTORS = ["GUSTO PAY {d6}", "ADP WAGE PAY {EMP}", "PAYCHEX {EMP} PAYROLL"] as const;

export interface GigPlatform {
  merchant: MerchantDef;
  /** Typical payout (cents) and spread. */
  median: number;
  sigma: number;
}

function gig(key: string, name: string, d: string[], pfcCode: PfcDetailed, median: number, sigma: number): GigPlatform {
  return { merchant: m(key, name, d, pfcCode, "other"), median, sigma };
}

/** Platforms that pay gig workers out at irregular intervals. */
export const GIG_PLATFORMS: readonly GigPlatform[] = [
  gig("doordash_pay", "DoorDash", ["DOORDASH DASHER FAST PAY", "DOORDASH, INC. DIRECT DEP {vd6}", "DOORDASH INC PAYMENTS"], "INCOME_OTHER_INCOME", 16000, 0.55),
  gig("uber_pay", "Uber", ["UBER USA 6787 EDI PYMNTS", "UBER PRO CARD INSTANT PAY", "Uber Technologies PAYMENT"], "TRANSFER_IN_DEPOSIT", 22000, 0.6),
  gig("lyft_pay", "Lyft", ["LYFT INC EXPRESS PAY", "LYFT DIRECT DEP {vd6}"], "INCOME_WAGES", 19000, 0.55),
  gig("instacart_pay", "Instacart", ["INSTACART SHOPPERS PAYOUT", "MAPLEBEAR INC INSTACART {vd6}"], "INCOME_OTHER_INCOME", 14000, 0.5),
  gig("etsy_pay", "Etsy", ["ETSY INC DEPOSIT {vd8}", "ETSY PAYMENTS"], "TRANSFER_IN_DEPOSIT", 12000, 0.8),
  gig("amazon_flex_pay", "Amazon Flex", ["AMAZON FLEX PAYMT {vd6}", "AMZN FLEX PAYOUT"], "INCOME_OTHER_INCOME", 18000, 0.4),
  gig("rover_pay", "Rover", ["ROVER.COM PAYOUT", "A PLACE FOR ROVER {vd6}"], "INCOME_OTHER_INCOME", 9000, 0.6),
];

/** Freelance clients (fictional companies) that pay invoices by ACH. */
export const FREELANCE_CLIENTS = [
  "Brightside Media", "Keystone Analytics", "Foxglove Studio", "Northpeak Partners", "Lumen Labs",
  "Orchard Digital", "Copperline Events", "Tidewater Design", "Bramble & Co", "Quarry Ventures",
] as const;
export const FREELANCE_DESCRIPTORS = [
  "ACH DEPOSIT {CLIENT} PPD ID: {d10}",
  "{CLIENT} ACH PMT {vd6}",
  "ZELLE FROM {CLIENT}",
  "STRIPE TRANSFER ST-{va12}",
  "PAYPAL TRANSFER {vd10}",
  "UPWORK ESCROW INC {vd8}",
] as const;

// ---------------------------------------------------------------------------------------------
// Everyday spending (irregular; never a stream)
// ---------------------------------------------------------------------------------------------

export type SpendCategoryKey =
  | "groceries"
  | "coffee"
  | "restaurant"
  | "fast_food"
  | "delivery"
  | "gas"
  | "rideshare"
  | "transit"
  | "online"
  | "superstore"
  | "clothing"
  | "pharmacy"
  | "convenience"
  | "entertainment"
  | "personal_care"
  | "alcohol"
  | "hardware"
  | "pet"
  | "parking"
  | "atm"
  | "p2p"
  | "electronics"
  | "travel"
  | "office"
  | "advertising"
  | "shipping";

export interface SpendCategoryDef {
  key: SpendCategoryKey;
  /** Typical amount (cents) and log-space spread; draws are clamped to [min, max]. */
  median: number;
  sigma: number;
  min: number;
  max: number;
  merchants: readonly MerchantDef[];
  /** Amounts that are not scaled to the budget (cash withdrawals in $20s, flat fares). */
  fixedAmounts?: readonly number[];
  /** Can be refunded (a negative amount at the same merchant). */
  refundable: boolean;
  /** Share of rows that also appear first as a pending twin. */
  pendingTwinRate: number;
  /** The pending authorization is smaller than what posts (a tip or a fuel pre-authorization). */
  pendingDiffers: boolean;
  /** Only debit (checking) accounts: cash and person-to-person payments. */
  debitOnly: boolean;
  /** A big ticket, used to absorb large budgets. */
  bigTicket: boolean;
}

const LOCAL_COFFEE = ["BLUE BOTTLE", "DAILY GRIND", "BEAN THERE CAFE", "RISE & GRIND", "COMMON GROUNDS", "THE DRIP"];
const LOCAL_RESTAURANTS = ["JOE'S PIZZA", "EL TORO TAQUERIA", "PHO 88", "THE LOCAL TAVERN", "SAKURA SUSHI", "BELLA NAPOLI", "GOLDEN DRAGON", "BLUE PLATE DINER", "SMOKEHOUSE BBQ", "THAI BASIL"];
const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s'&-])([a-z])/g, (_x, p: string, c: string) => p + c.toUpperCase());

/** Local shops: some are known to the enrichment (merchant_name set), others only by descriptor. */
function locals(prefix: string, names: readonly string[], pfcCode: PfcDetailed, templates: readonly string[]): MerchantDef[] {
  return names.map((n, i) =>
    m(`${prefix}_${n.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`, i % 3 !== 2 ? titleCase(n) : null, templates.map((t) => t.replace("{X}", n)), pfcCode, "in store", false),
  );
}

export const SPEND_CATEGORIES: Record<SpendCategoryKey, SpendCategoryDef> = {
  groceries: {
    key: "groceries", median: 5800, sigma: 0.6, min: 400, max: 32000, refundable: false, pendingTwinRate: 0.12, pendingDiffers: false, debitOnly: false, bigTicket: false,
    merchants: [
      m("whole_foods", "Whole Foods Market", ["WHOLEFDS {a3} #{d5}", "WHOLE FOODS MARKET #{d5} {CITY} {ST}", "Whole Foods"], "FOOD_AND_DRINK_GROCERIES", "in store"),
      m("trader_joes", "Trader Joe's", ["TRADER JOE S #{d3} {CITY} {ST}", "TRADER JOES #{d3}", "Trader Joe's"], "FOOD_AND_DRINK_GROCERIES", "in store"),
      m("kroger", "Kroger", ["KROGER #{d3}", "KROGER {d4} {CITY} {ST}", "KROGER.COM"], "FOOD_AND_DRINK_GROCERIES", "in store"),
      m("safeway", "Safeway", ["SAFEWAY #{d4}", "SAFEWAY STORE {d4} {CITY} {ST}"], "FOOD_AND_DRINK_GROCERIES", "in store"),
      m("aldi", "Aldi", ["ALDI {d5} {CITY} {ST}", "ALDI #{d3}"], "FOOD_AND_DRINK_GROCERIES", "in store"),
      m("publix", "Publix", ["PUBLIX #{d4} {CITY} {ST}", "PUBLIX SUPER MAR {d4}"], "FOOD_AND_DRINK_GROCERIES", "in store"),
      m("heb", "H-E-B", ["H-E-B #{d3} {CITY} {ST}", "HEB ONLINE"], "FOOD_AND_DRINK_GROCERIES", "in store"),
      m("instacart", "Instacart", ["INSTACART*{va8}", "Instacart"], "FOOD_AND_DRINK_GROCERIES", "online"),
    ],
  },
  coffee: {
    key: "coffee", median: 625, sigma: 0.35, min: 250, max: 2400, refundable: false, pendingTwinRate: 0.1, pendingDiffers: true, debitOnly: false, bigTicket: false,
    merchants: [
      m("starbucks", "Starbucks", ["STARBUCKS STORE {d5}", "STARBUCKS {d5} {CITY} {ST}", "Starbucks"], "FOOD_AND_DRINK_COFFEE", "in store"),
      m("dunkin", "Dunkin'", ["DUNKIN #{d6} Q35", "DUNKIN #{d6}"], "FOOD_AND_DRINK_COFFEE", "in store"),
      m("peets", "Peet's Coffee", ["PEETS {d5} {CITY} {ST}", "PEET'S COFFEE #{d4}"], "FOOD_AND_DRINK_COFFEE", "in store"),
      ...locals("coffee", LOCAL_COFFEE, "FOOD_AND_DRINK_COFFEE", ["SQ *{X} {d4}", "TST* {X}", "{X} {CITY} {ST}"]),
    ],
  },
  restaurant: {
    key: "restaurant", median: 3400, sigma: 0.55, min: 900, max: 25000, refundable: false, pendingTwinRate: 0.25, pendingDiffers: true, debitOnly: false, bigTicket: false,
    merchants: [
      m("olive_garden", "Olive Garden", ["OLIVE GARDEN {d4} {CITY} {ST}", "OLIVE GARDEN #{d4}"], "FOOD_AND_DRINK_RESTAURANT", "in store"),
      m("cheesecake_factory", "The Cheesecake Factory", ["CHEESECAKE FACTORY #{d4}", "THE CHEESECAKE FACTORY {CITY}"], "FOOD_AND_DRINK_RESTAURANT", "in store"),
      m("chilis", "Chili's", ["CHILI'S {d4} {CITY} {ST}", "CHILIS #{d4}"], "FOOD_AND_DRINK_RESTAURANT", "in store"),
      m("panera", "Panera Bread", ["PANERA BREAD #{d6}", "PANERA BREAD {d6} {CITY} {ST}"], "FOOD_AND_DRINK_RESTAURANT", "in store"),
      ...locals("restaurant", LOCAL_RESTAURANTS, "FOOD_AND_DRINK_RESTAURANT", ["TST* {X}", "SQ *{X}", "{X} {CITY} {ST}"]),
    ],
  },
  fast_food: {
    key: "fast_food", median: 1150, sigma: 0.4, min: 300, max: 4500, refundable: false, pendingTwinRate: 0.12, pendingDiffers: false, debitOnly: false, bigTicket: false,
    merchants: [
      m("mcdonalds", "McDonald's", ["MCDONALD'S F{d5}", "MCDONALDS {d5} {CITY} {ST}", "McDonald's"], "FOOD_AND_DRINK_FAST_FOOD", "in store"),
      m("chick_fil_a", "Chick-fil-A", ["CHICK-FIL-A #{d5}", "CHICK-FIL-A {CITY} {ST}"], "FOOD_AND_DRINK_FAST_FOOD", "in store"),
      m("taco_bell", "Taco Bell", ["TACO BELL #{d6}", "TACO BELL {d6} {CITY} {ST}"], "FOOD_AND_DRINK_FAST_FOOD", "in store"),
      m("chipotle", "Chipotle Mexican Grill", ["CHIPOTLE {d4}", "CHIPOTLE ONLINE", "CHIPOTLE MEX GR ONLINE"], "FOOD_AND_DRINK_FAST_FOOD", "in store"),
      m("subway", "Subway", ["SUBWAY {d8}", "SUBWAY #{d5} {CITY} {ST}"], "FOOD_AND_DRINK_FAST_FOOD", "in store"),
      m("wendys", "Wendy's", ["WENDYS #{d4}", "WENDY'S {d5}"], "FOOD_AND_DRINK_FAST_FOOD", "in store"),
    ],
  },
  delivery: {
    key: "delivery", median: 3600, sigma: 0.4, min: 1200, max: 12000, refundable: false, pendingTwinRate: 0.2, pendingDiffers: true, debitOnly: false, bigTicket: false,
    merchants: [
      m("doordash", "DoorDash", ["DOORDASH*{LOCAL}", "DD *DOORDASH {LOCAL}", "DoorDash"], "FOOD_AND_DRINK_RESTAURANT", "online"),
      m("uber_eats", "Uber Eats", ["UBER *EATS {va6} HELP.UBER.COM CA", "UBER EATS", "Uber Eats"], "FOOD_AND_DRINK_RESTAURANT", "online"),
      m("grubhub", "Grubhub", ["GRUBHUB*{LOCAL}", "GRUBHUB HOLDINGS"], "FOOD_AND_DRINK_RESTAURANT", "online"),
    ],
  },
  gas: {
    key: "gas", median: 4300, sigma: 0.3, min: 1200, max: 11000, refundable: false, pendingTwinRate: 0.3, pendingDiffers: true, debitOnly: false, bigTicket: false,
    merchants: [
      m("shell", "Shell", ["SHELL OIL {d11}", "SHELL SERVICE STATION {CITY} {ST}", "Shell"], "TRANSPORTATION_GAS", "in store"),
      m("chevron", "Chevron", ["CHEVRON {d7}", "CHEVRON {d7} {CITY} {ST}"], "TRANSPORTATION_GAS", "in store"),
      m("exxon", "ExxonMobil", ["EXXONMOBIL {d8}", "EXXON {d8} {CITY} {ST}"], "TRANSPORTATION_GAS", "in store"),
      m("bp", "BP", ["BP#{d7}", "BP {d7} {CITY} {ST}"], "TRANSPORTATION_GAS", "in store"),
      m("wawa", "Wawa", ["WAWA {d4}", "WAWA {d4} {CITY} {ST}"], "TRANSPORTATION_GAS", "in store"),
    ],
  },
  rideshare: {
    key: "rideshare", median: 1900, sigma: 0.5, min: 600, max: 9000, refundable: false, pendingTwinRate: 0.3, pendingDiffers: true, debitOnly: false, bigTicket: false,
    merchants: [
      m("uber", "Uber", ["UBER *TRIP {va6} HELP.UBER.COM CA", "UBER *TRIP", "Uber"], "TRANSPORTATION_TAXIS_AND_RIDE_SHARES", "online"),
      m("lyft", "Lyft", ["LYFT *RIDE {va4}", "LYFT *1 RIDE", "Lyft"], "TRANSPORTATION_TAXIS_AND_RIDE_SHARES", "online"),
    ],
  },
  transit: {
    key: "transit", median: 290, sigma: 0, min: 225, max: 290, refundable: false, pendingTwinRate: 0, pendingDiffers: false, debitOnly: false, bigTicket: false,
    fixedAmounts: TRANSIT_FARES_CENTS,
    merchants: [], // the user's city's agency
  },
  online: {
    key: "online", median: 3200, sigma: 0.8, min: 500, max: 40000, refundable: true, pendingTwinRate: 0.15, pendingDiffers: false, debitOnly: false, bigTicket: false,
    merchants: [
      m("amazon", "Amazon", ["AMZN Mktp US*{va9}", "Amazon.com*{va9}", "AMAZON MKTPL*{va9}", "AMZN Mktp US"], "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES", "online"),
      m("etsy", "Etsy", ["ETSY.COM - {va8}", "Etsy.com"], "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES", "online"),
      m("ebay", "eBay", ["EBAY O*{vd2}-{vd5}-{vd5}", "eBay"], "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES", "online"),
    ],
  },
  superstore: {
    key: "superstore", median: 4800, sigma: 0.7, min: 500, max: 35000, refundable: true, pendingTwinRate: 0.12, pendingDiffers: false, debitOnly: false, bigTicket: false,
    merchants: [
      m("target", "Target", ["TARGET {d8} {CITY} {ST}", "TARGET T-{d4}", "TARGET.COM *"], "GENERAL_MERCHANDISE_SUPERSTORES", "in store"),
      m("walmart", "Walmart", ["WAL-MART #{d4}", "WALMART SUPERCENTER #{d4}", "WM SUPERCENTER #{d4}", "Walmart"], "GENERAL_MERCHANDISE_SUPERSTORES", "in store"),
      m("costco", "Costco", ["COSTCO WHSE #{d4}", "COSTCO WHSE #{d4} {CITY} {ST}"], "GENERAL_MERCHANDISE_SUPERSTORES", "in store"),
    ],
  },
  clothing: {
    key: "clothing", median: 5500, sigma: 0.6, min: 1000, max: 30000, refundable: true, pendingTwinRate: 0.1, pendingDiffers: false, debitOnly: false, bigTicket: false,
    merchants: [
      m("old_navy", "Old Navy", ["OLD NAVY US {d4}", "OLDNAVY.COM"], "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES", "in store"),
      m("hm", "H&M", ["H&M {d4}", "H & M {d4} {CITY} {ST}"], "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES", "in store"),
      m("nike", "Nike", ["NIKE.COM", "NIKE FACTORY STORE {d3}"], "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES", "online"),
      m("tjmaxx", "TJ Maxx", ["TJMAXX #{d4}", "T.J. MAXX #{d4} {CITY} {ST}"], "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES", "in store"),
      m("uniqlo", "Uniqlo", ["UNIQLO USA {d4}", "UNIQLO.COM"], "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES", "in store"),
    ],
  },
  pharmacy: {
    key: "pharmacy", median: 1800, sigma: 0.6, min: 300, max: 15000, refundable: false, pendingTwinRate: 0.1, pendingDiffers: false, debitOnly: false, bigTicket: false,
    merchants: [
      m("cvs", "CVS Pharmacy", ["CVS/PHARMACY #{d5}", "CVS/PHARMACY #{d5} {CITY} {ST}"], "MEDICAL_PHARMACIES_AND_SUPPLEMENTS", "in store"),
      m("walgreens", "Walgreens", ["WALGREENS #{d5}", "WALGREENS STORE {CITY} {ST}"], "MEDICAL_PHARMACIES_AND_SUPPLEMENTS", "in store"),
    ],
  },
  convenience: {
    key: "convenience", median: 900, sigma: 0.5, min: 200, max: 4000, refundable: false, pendingTwinRate: 0.08, pendingDiffers: false, debitOnly: false, bigTicket: false,
    merchants: [
      m("seven_eleven", "7-Eleven", ["7-ELEVEN {d5}", "7-ELEVEN {d5} {CITY} {ST}"], "GENERAL_MERCHANDISE_CONVENIENCE_STORES", "in store"),
      m("circle_k", "Circle K", ["CIRCLE K {d5}", "CIRCLE K # {d7}"], "GENERAL_MERCHANDISE_CONVENIENCE_STORES", "in store"),
    ],
  },
  entertainment: {
    key: "entertainment", median: 3000, sigma: 0.6, min: 800, max: 30000, refundable: false, pendingTwinRate: 0.1, pendingDiffers: false, debitOnly: false, bigTicket: false,
    merchants: [
      m("amc", "AMC Theatres", ["AMC {d4} ONLINE", "AMC THEATRES {CITY}"], "ENTERTAINMENT_TV_AND_MOVIES", "in store"),
      m("ticketmaster", "Ticketmaster", ["TICKETMASTER *{va9}", "Ticketmaster"], "ENTERTAINMENT_SPORTING_EVENTS_AMUSEMENT_PARKS_AND_MUSEUMS", "online"),
      m("steam", "Steam", ["STEAMGAMES.COM {d10}", "STEAM PURCHASE"], "ENTERTAINMENT_VIDEO_GAMES", "online"),
    ],
  },
  personal_care: {
    key: "personal_care", median: 3800, sigma: 0.5, min: 1200, max: 20000, refundable: false, pendingTwinRate: 0.1, pendingDiffers: true, debitOnly: false, bigTicket: false,
    merchants: [
      m("great_clips", "Great Clips", ["GREAT CLIPS #{d4}", "GREAT CLIPS {CITY} {ST}"], "PERSONAL_CARE_HAIR_AND_BEAUTY", "in store"),
      m("sephora", "Sephora", ["SEPHORA #{d4}", "SEPHORA.COM"], "PERSONAL_CARE_HAIR_AND_BEAUTY", "in store"),
      m("ulta", "Ulta Beauty", ["ULTA #{d3}", "ULTA BEAUTY {d4} {CITY} {ST}"], "PERSONAL_CARE_HAIR_AND_BEAUTY", "in store"),
    ],
  },
  alcohol: {
    key: "alcohol", median: 2600, sigma: 0.5, min: 600, max: 15000, refundable: false, pendingTwinRate: 0.08, pendingDiffers: false, debitOnly: false, bigTicket: false,
    merchants: [
      m("total_wine", "Total Wine & More", ["TOTAL WINE AND MORE {d4}", "TOTAL WINE {CITY} {ST}"], "FOOD_AND_DRINK_BEER_WINE_AND_LIQUOR", "in store"),
      m("local_liquor", null, ["{CITY} LIQUORS", "SQ *CORNER WINE SHOP"], "FOOD_AND_DRINK_BEER_WINE_AND_LIQUOR", "in store", false),
    ],
  },
  hardware: {
    key: "hardware", median: 4500, sigma: 0.7, min: 500, max: 40000, refundable: true, pendingTwinRate: 0.1, pendingDiffers: false, debitOnly: false, bigTicket: false,
    merchants: [
      m("home_depot", "The Home Depot", ["THE HOME DEPOT #{d4}", "HOMEDEPOT.COM", "THE HOME DEPOT {d4} {CITY} {ST}"], "HOME_IMPROVEMENT_HARDWARE", "in store"),
      m("lowes", "Lowe's", ["LOWE'S #{d4}", "LOWES #{d5}* {CITY} {ST}"], "HOME_IMPROVEMENT_HARDWARE", "in store"),
    ],
  },
  pet: {
    key: "pet", median: 3800, sigma: 0.5, min: 800, max: 20000, refundable: true, pendingTwinRate: 0.1, pendingDiffers: false, debitOnly: false, bigTicket: false,
    merchants: [
      m("petco", "Petco", ["PETCO {d4}", "PETCO {d4} {CITY} {ST}"], "GENERAL_MERCHANDISE_PET_SUPPLIES", "in store"),
      m("petsmart", "PetSmart", ["PETSMART # {d4}", "PETSMART INC {d4}"], "GENERAL_MERCHANDISE_PET_SUPPLIES", "in store"),
      m("chewy", "Chewy", ["CHEWY.COM 800-672-4399 FL", "Chewy"], "GENERAL_MERCHANDISE_PET_SUPPLIES", "online"),
    ],
  },
  parking: {
    key: "parking", median: 1200, sigma: 0.5, min: 300, max: 6000, refundable: false, pendingTwinRate: 0.1, pendingDiffers: false, debitOnly: false, bigTicket: false,
    merchants: [
      m("parkmobile", "ParkMobile", ["PARKMOBILE", "PARKMOBILE {vd6}"], "TRANSPORTATION_PARKING", "online"),
      m("sp_plus", "SP+", ["SP+ PARKING {d4}", "SP PLUS {CITY} {ST}"], "TRANSPORTATION_PARKING", "in store"),
    ],
  },
  atm: {
    key: "atm", median: 8000, sigma: 0, min: 2000, max: 30000, refundable: false, pendingTwinRate: 0, pendingDiffers: false, debitOnly: true, bigTicket: false,
    fixedAmounts: [2000, 4000, 6000, 8000, 10000, 12000, 20000],
    merchants: [
      m("atm", null, ["ATM WITHDRAWAL {d6} {CITY} {ST}", "ATM CASH WITHDRAWAL #{vd6}", "NON-BANK ATM WITHDRAW {d4} {CITY}"], "TRANSFER_OUT_WITHDRAWAL", "in store", false),
    ],
  },
  p2p: {
    key: "p2p", median: 4000, sigma: 0, min: 500, max: 25000, refundable: false, pendingTwinRate: 0, pendingDiffers: false, debitOnly: true, bigTicket: false,
    fixedAmounts: [1000, 1500, 2000, 2500, 3000, 4000, 5000, 6000, 7500, 10000, 15000],
    merchants: [
      m("venmo", "Venmo", ["VENMO PAYMENT {vd10}", "VENMO *{FRIEND}"], "TRANSFER_OUT_OTHER_TRANSFER_OUT", "other"),
      m("zelle", null, ["ZELLE PAYMENT TO {FRIEND} {vd11}", "Zelle payment to {FRIEND} Conf# {va9}"], "TRANSFER_OUT_OTHER_TRANSFER_OUT", "other", false),
      m("cash_app", "Cash App", ["CASH APP*{FRIEND}", "SQ *CASH APP {FRIEND}"], "TRANSFER_OUT_OTHER_TRANSFER_OUT", "other"),
    ],
  },
  electronics: {
    key: "electronics", median: 16000, sigma: 0.7, min: 2000, max: 180000, refundable: true, pendingTwinRate: 0.1, pendingDiffers: false, debitOnly: false, bigTicket: true,
    merchants: [
      m("best_buy", "Best Buy", ["BEST BUY {d8}", "BESTBUY.COM {d8}"], "GENERAL_MERCHANDISE_ELECTRONICS", "in store"),
      m("apple_store", "Apple", ["APPLE STORE #R{d3}", "APPLE.COM/US {d9}"], "GENERAL_MERCHANDISE_ELECTRONICS", "in store"),
    ],
  },
  travel: {
    key: "travel", median: 32000, sigma: 0.6, min: 6000, max: 220000, refundable: true, pendingTwinRate: 0.05, pendingDiffers: false, debitOnly: false, bigTicket: true,
    merchants: [
      m("delta", "Delta Air Lines", ["DELTA AIR {d10}", "DELTA AIR LINES ATLANTA"], "TRAVEL_FLIGHTS", "online"),
      m("united", "United Airlines", ["UNITED {d10}", "UNITED AIRLINES HOUSTON TX"], "TRAVEL_FLIGHTS", "online"),
      m("southwest", "Southwest Airlines", ["SOUTHWES {d10}", "SOUTHWEST AIRLINES DALLAS"], "TRAVEL_FLIGHTS", "online"),
      m("marriott", "Marriott", ["MARRIOTT {CITY}", "MARRIOTT HOTELS {d6}"], "TRAVEL_LODGING", "in store"),
      m("airbnb", "Airbnb", ["AIRBNB * {va10}", "AIRBNB HMXYZ{va6}"], "TRAVEL_LODGING", "online"),
    ],
  },
  office: {
    key: "office", median: 6500, sigma: 0.7, min: 800, max: 60000, refundable: true, pendingTwinRate: 0.08, pendingDiffers: false, debitOnly: false, bigTicket: false,
    merchants: [
      m("staples", "Staples", ["STAPLES {d8}", "STAPLES.COM"], "GENERAL_MERCHANDISE_OFFICE_SUPPLIES", "in store"),
      m("office_depot", "Office Depot", ["OFFICE DEPOT #{d4}", "OFFICEDEPOT.COM"], "GENERAL_MERCHANDISE_OFFICE_SUPPLIES", "in store"),
    ],
  },
  advertising: {
    key: "advertising", median: 15000, sigma: 0.8, min: 2000, max: 150000, refundable: false, pendingTwinRate: 0, pendingDiffers: false, debitOnly: false, bigTicket: true,
    merchants: [
      m("meta_ads", "Meta", ["FACEBK *{va10}", "FACEBK ADS {va8}"], "GENERAL_SERVICES_OTHER_GENERAL_SERVICES", "online"),
      m("google_ads", "Google Ads", ["GOOGLE *ADS{d10}", "GOOGLE ADS"], "GENERAL_SERVICES_OTHER_GENERAL_SERVICES", "online"),
    ],
  },
  shipping: {
    key: "shipping", median: 2400, sigma: 0.7, min: 500, max: 20000, refundable: false, pendingTwinRate: 0.05, pendingDiffers: false, debitOnly: false, bigTicket: false,
    merchants: [
      m("usps", "USPS", ["USPS PO {d10}", "USPS.COM CLICKNSHIP"], "GENERAL_SERVICES_POSTAGE_AND_SHIPPING", "in store"),
      m("ups", "UPS", ["UPS*{va10}", "THE UPS STORE {d4}"], "GENERAL_SERVICES_POSTAGE_AND_SHIPPING", "in store"),
      m("fedex", "FedEx", ["FEDEX {d9}", "FEDEX OFFIC{d8}"], "GENERAL_SERVICES_POSTAGE_AND_SHIPPING", "in store"),
    ],
  },
};

/** Medical bills paid from an HSA. */
export const HSA_MEDICAL: readonly MerchantDef[] = [
  m("one_medical", "One Medical", ["ONE MEDICAL {d6}", "1LIFE HEALTHCARE"], "MEDICAL_PRIMARY_CARE", "in store"),
  m("quest", "Quest Diagnostics", ["QUEST DIAGNOSTICS {d8}", "QUEST DIAG"], "MEDICAL_PRIMARY_CARE", "online"),
  m("local_clinic", null, ["{CITY} MEDICAL GROUP", "SQ *{CITY} FAMILY PRACTICE"], "MEDICAL_PRIMARY_CARE", "in store", false),
];

/** Business subscriptions (on business accounts: the engine must exclude them). */
export const BUSINESS_SUBSCRIPTIONS: readonly SubscriptionDef[] = [
  sub("quickbooks", "QuickBooks", ["INTUIT *QBooks Online", "INTUIT *QUICKBOOKS 800-286-6800 CA"], SERVICES, "software", "MONTHLY", [3500, 6500], 500),
  sub("google_workspace", "Google Workspace", ["GOOGLE *GSUITE_{a8}", "Google Workspace"], SERVICES, "software", "MONTHLY", [1400, 2800], 0),
  sub("zoom", "Zoom", ["ZOOM.US 888-799-9666 CA", "ZOOM VIDEO COMMUNICATIONS"], SERVICES, "software", "MONTHLY", [1599], 0),
  sub("slack", "Slack", ["SLACK T{a8}", "SLACK TECHNOLOGIES"], SERVICES, "software", "MONTHLY", [875, 1500], 0),
  sub("shopify", "Shopify", ["SHOPIFY* {d9}", "Shopify"], SERVICES, "software", "MONTHLY", [3900], 0),
];
export const BUSINESS_INCOME_DESCRIPTORS = ["STRIPE TRANSFER ST-{va12}", "SQUARE INC {vd6} SQ", "ACH DEPOSIT {CLIENT} PPD ID: {d10}", "SHOPIFY PAYOUT {vd8}"] as const;

export const FRIENDS = ["J SMITH", "ALEX KIM", "MARIA G", "SAM PATEL", "CHRIS LEE", "TAYLOR R", "JORDAN B", "PRIYA S"] as const;
