// The catalogue client components get: only the namespaces the page's client components use, not the
// whole catalogue (25 KB inlined into every page's HTML). Server components read the catalogue on the
// server and need none of it. test/i18n/client-messages.test.ts checks every page provides what its
// client components ask for.
import { NextIntlClientProvider } from "next-intl";

import type { Locale } from "@/lib/i18n/locales";

import { MESSAGES, TIME_ZONE } from "./request";

export type Namespace = keyof (typeof MESSAGES)["en"];

/** What the header's client components use: every page has them. */
export const SITE_NAMESPACES = ["site", "roles", "headerSearch", "search"] as const satisfies Namespace[];

const picked = new Map<string, Partial<(typeof MESSAGES)[Locale]>>();

function pick(locale: Locale, namespaces: readonly Namespace[]) {
  const key = `${locale}:${namespaces.join(",")}`;
  let messages = picked.get(key);
  if (!messages) {
    messages = Object.fromEntries(namespaces.map((namespace) => [namespace, MESSAGES[locale][namespace]]));
    picked.set(key, messages);
  }
  return messages;
}

/** Gives the client components below it the header's namespaces and `namespaces`. */
export function ClientMessages({ locale, namespaces = [], children }: { locale: Locale; namespaces?: Namespace[]; children: React.ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} messages={pick(locale, [...SITE_NAMESPACES, ...namespaces])} timeZone={TIME_ZONE}>
      {children}
    </NextIntlClientProvider>
  );
}
