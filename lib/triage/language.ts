import { isCjkCode } from "../i18n/cjk";
import { LOCALES, type Locale } from "../i18n/locales";

/** The languages a diagnosis, a reply and a drill are written in: the interface's. */
export const LANGS = LOCALES;
export type Lang = Locale;

/** How much of a text its language is judged on: the opening says it, and a 5 MB paste is not scanned twice. */
const SAMPLE_CHARS = 20_000;

const isLatin = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/**
 * The language a ticket is written in: Chinese when its opening has at least 4 CJK characters and at
 * least as many as it has Latin words (two letters or more), so that pasted English output in a
 * Chinese ticket does not make it English. Linear, one pass.
 */
export function languageOf(text: string): Lang {
  const end = Math.min(text.length, SAMPLE_CHARS);
  let cjk = 0;
  let latinWords = 0;
  let run = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isCjkCode(code)) cjk++;
    if (isLatin(code)) {
      run++;
      continue;
    }
    if (run >= 2) latinWords++;
    run = 0;
  }
  if (run >= 2) latinWords++;
  return cjk >= 4 && cjk >= latinWords ? "zh" : "en";
}
