"use client";

import type { ComponentProps } from "react";
import Link from "next/link";
import { useLocale } from "next-intl";

import { isLocale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";

/** A link to a site path (`/cases/x`), in the page's language (`/zh/cases/x` on a Chinese page). */
export function LocaleLink({ href, ...props }: Omit<ComponentProps<typeof Link>, "href"> & { href: string }) {
  return <Link href={useLocalePath(href)} {...props} />;
}

/** A site path in the page's language. */
export function useLocalePath(path: string): string {
  const locale = useLocale();
  return isLocale(locale) ? localizePath(path, locale) : path;
}

/** Turns site paths into the page's language: for callbacks that build paths (router.push). */
export function useLocalize(): (path: string) => string {
  const locale = useLocale();
  return (path) => (isLocale(locale) ? localizePath(path, locale) : path);
}
