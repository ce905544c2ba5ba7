"use client";

import { useLocale, useTranslations } from "next-intl";

import { MIN_PASSWORD_LENGTH } from "@/lib/auth/schemas";
import { ApiError } from "@/lib/http/fetch-json";

/**
 * What to tell the reader about a failed request, in the page's language. English pages show the
 * route's own message; other languages name the failure by its status, with the route's message
 * (field names, limits: technical text) kept in the details.
 */
export function useErrorMessage(): (error: unknown) => string {
  const t = useTranslations("errors");
  const locale = useLocale();
  return (error) => {
    const message = error instanceof Error ? error.message : String(error);
    if (locale === "en") return message;
    if (!(error instanceof ApiError)) return t("unknown", { message });
    if (error.offline) return t("offline");
    const known = [400, 401, 403, 404, 409, 413, 415, 422, 429, 503];
    if (known.includes(error.status)) return t(`status${error.status}`, { message });
    return error.status >= 500 ? t("server", { message }) : t("unknown", { message });
  };
}

/** The messages the forms' schemas give (lib/auth/schemas.ts, the triage forms), by their catalogue key. */
const FIELD_MESSAGES: Record<string, string> = {
  [`at least ${MIN_PASSWORD_LENGTH} characters`]: "passwordTooShort",
  "enter your current password": "currentPasswordMissing",
  "choose a password other than the current one": "passwordUnchanged",
  "the two new passwords differ": "passwordsDiffer",
  "Describe the ticket or paste an output": "ticketEmpty",
  "Choose an answer": "answerMissing",
  "Paste the output first": "outputEmpty",
};

/** A form field's validation message in the page's language (the schema's own words on English pages). */
export function useFieldErrorMessage(): (message: string | undefined) => string | undefined {
  const t = useTranslations("fieldErrors");
  const locale = useLocale();
  return (message) => {
    if (message === undefined || locale === "en") return message;
    const key = FIELD_MESSAGES[message];
    if (key) return t(key, { min: MIN_PASSWORD_LENGTH });
    if (/email/i.test(message)) return t("email");
    if (/pasted text/i.test(message)) return t("tooLarge", { message });
    return t("invalid", { message });
  };
}
