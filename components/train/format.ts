// Durations, due times and shares in the page's language (Intl with the locale).
import type { Locale } from "@/lib/i18n/locales";

const unit = (locale: Locale, value: number, name: "second" | "minute" | "hour") =>
  new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "short" }).format(value);

/** "42 sec", "3 min 5 sec" (en); "42秒", "3分钟5秒" (zh). */
export function formatDuration(ms: number, locale: Locale): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return unit(locale, seconds, "second");
  const minutes = Math.floor(seconds / 60);
  const join = (a: string, b: string) => (locale === "zh" ? `${a}${b}` : `${a} ${b}`);
  return minutes < 60
    ? join(unit(locale, minutes, "minute"), unit(locale, seconds % 60, "second"))
    : join(unit(locale, Math.floor(minutes / 60), "hour"), unit(locale, minutes % 60, "minute"));
}

/** "in 10 min.", "in 3 days", "now" (en); "10分钟后", "3天后", "现在" (zh). */
export function formatDueIn(dueAt: string, locale: Locale, now = Date.now()): string {
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "short" });
  const minutes = Math.round((new Date(dueAt).getTime() - now) / 60_000);
  if (minutes <= 0) return relative.format(0, "second");
  if (minutes < 90) return relative.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  return hours < 36 ? relative.format(hours, "hour") : relative.format(Math.round(hours / 24), "day");
}

export function formatPercent(share: number | null, locale: Locale): string {
  return share === null ? "–" : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(share);
}
