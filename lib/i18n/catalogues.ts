/**
 * The interface's message catalogues (`messages/<locale>.json`, read by next-intl): every key exists in
 * every language, with the same placeholders, and no message is empty. content:check and a unit test
 * run this.
 */
import fs from "node:fs";
import path from "node:path";

import type { ContentProblem } from "../content/parse-entry";
import { LOCALES, type Locale } from "./locales";

export type Catalogue = { [key: string]: string | Catalogue };

/** Every message of a catalogue by its dotted key (`case.rootCause`). */
export function flattenCatalogue(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") flat.set(dotted, value);
    else for (const [k, v] of flattenCatalogue(value, dotted)) flat.set(k, v);
  }
  return flat;
}

/** The argument names of an ICU message: `{count, plural, ...}` and `{name}` give count and name. */
export function placeholdersOf(message: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    if (message[i] === "{") {
      // An argument starts right after a brace that opens at an even nesting (plural branches nest in pairs).
      if (depth % 2 === 0) {
        const name = /^\s*([A-Za-z_]\w*)/.exec(message.slice(i + 1))?.[1];
        if (name) names.add(name);
      }
      depth++;
    } else if (message[i] === "}") depth--;
  }
  return [...names].sort();
}

export function catalogueFile(messagesDir: string, locale: Locale): string {
  return path.join(messagesDir, `${locale}.json`);
}

/** Missing keys, extra keys, mismatched placeholders and empty messages across the catalogues. */
export function compareCatalogues(catalogues: Record<Locale, Catalogue>, fileOf: (locale: Locale) => string): ContentProblem[] {
  const flat = Object.fromEntries(LOCALES.map((locale) => [locale, flattenCatalogue(catalogues[locale])])) as Record<Locale, Map<string, string>>;
  const allKeys = new Set(LOCALES.flatMap((locale) => [...flat[locale].keys()]));
  const problems: ContentProblem[] = [];
  for (const key of [...allKeys].sort()) {
    const holders = LOCALES.filter((locale) => flat[locale].has(key));
    for (const locale of LOCALES) {
      const message = flat[locale].get(key);
      if (message === undefined) {
        problems.push({ file: fileOf(locale), line: 1, message: `missing key "${key}" (present in ${holders.map((l) => `${l}.json`).join(", ")})` });
      } else if (message.trim() === "") problems.push({ file: fileOf(locale), line: 1, message: `key "${key}" is empty` });
    }
    if (holders.length < 2) continue;
    const [first, ...rest] = holders;
    const expected = placeholdersOf(flat[first].get(key) ?? "").join(", ");
    for (const locale of rest) {
      const actual = placeholdersOf(flat[locale].get(key) ?? "").join(", ");
      if (actual !== expected) {
        problems.push({ file: fileOf(locale), line: 1, message: `key "${key}": placeholders {${actual}} differ from ${first}.json's {${expected}}` });
      }
    }
  }
  return problems;
}

/** Reads `messages/<locale>.json` for every locale and compares them. */
export function checkCatalogues(messagesDir: string): ContentProblem[] {
  const fileOf = (locale: Locale) => path.join("messages", `${locale}.json`);
  const catalogues = {} as Record<Locale, Catalogue>;
  for (const locale of LOCALES) {
    try {
      catalogues[locale] = JSON.parse(fs.readFileSync(catalogueFile(messagesDir, locale), "utf8")) as Catalogue;
    } catch (error) {
      return [{ file: fileOf(locale), line: 1, message: `catalogue cannot be read: ${error instanceof Error ? error.message : String(error)}` }];
    }
  }
  return compareCatalogues(catalogues, fileOf);
}
