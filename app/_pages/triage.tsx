import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { ENTRY_SYMPTOMS } from "@/lib/content/entry-symptoms";
import { symptomLabel } from "@/lib/content/localized";
import { getPrisma } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import { listSessions } from "@/lib/sessions/repository";
import { LocaleLink } from "@/components/i18n/locale-link";
import { NewTicketForm } from "@/components/triage/new-ticket-form";
import { ClientMessages } from "@/app/_i18n/client-messages";
import { requirePageViewer } from "@/app/_server/viewer";

export async function triageMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "triage" });
  return { title: t("title"), description: t("lede") };
}

export async function TriagePage({ locale }: { locale: Locale }) {
  setRequestLocale(locale);
  const viewer = await requirePageViewer(localizePath("/triage", locale));
  const t = await getTranslations("triage");
  const format = await getFormatter();
  const sessions = await listSessions(getPrisma(), viewer);
  return (
    <ClientMessages locale={locale} namespaces={["errors", "fieldErrors", "newTicket"]}>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      <NewTicketForm symptoms={ENTRY_SYMPTOMS.map((s) => ({ id: s.id, label: symptomLabel(s, locale) }))} />

      <h2>{t("savedSessions")}</h2>
      {sessions.length === 0 ? (
        <p>{t("noSessions")}</p>
      ) : (
        <ul className="case-list" aria-label={t("savedSessions")}>
          {sessions.map((s) => (
            <li key={s.id} className="case-row">
              <LocaleLink href={`/triage/${s.id}`} className="case-title">
                {s.title}
              </LocaleLink>
              <span className="badges">
                {s.ticketRef && <span className="badge">{s.ticketRef}</span>}
                <span className={`badge badge-${s.status}`}>{t(`status.${s.status}`)}</span>
                {s.confirmedCause && <span className="badge">{s.confirmedCause}</span>}
                {s.shared && <span className="badge">{t("shared")}</span>}
                {s.createdBy && <span className="card-meta">{t("by", { name: s.createdBy })}</span>}
                <span className="card-meta">
                  {t("updated", { when: format.dateTime(new Date(s.updatedAt), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) })}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </ClientMessages>
  );
}
