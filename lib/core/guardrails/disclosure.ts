import { DISCLOSURE } from "./constants";

export interface DisclosureResult {
  ok: boolean;
  detail: string;
}

/** The text must carry DISCLOSURE exactly (same words, case and punctuation). */
export function checkDisclosure(text: string): DisclosureResult {
  return text.includes(DISCLOSURE)
    ? { ok: true, detail: "Disclosure present, exact." }
    : { ok: false, detail: "Disclosure missing or altered." };
}
