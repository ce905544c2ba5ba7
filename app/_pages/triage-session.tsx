import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { Locale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import { getSession, listAudit } from "@/lib/sessions/repository";
import { getTriageKnowledge } from "@/lib/triage/knowledge";
import { buildStepCatalog } from "@/lib/triage/step-catalog";
import { AuditList } from "@/components/triage/audit-list";
import { TriageWizard } from "@/components/triage/triage-wizard";
import { ClientMessages } from "@/app/_i18n/client-messages";
import { requirePageViewer } from "@/app/_server/viewer";

export type TriageSessionPageProps = { params: Promise<{ id: string }> };

export async function triageSessionMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "triage" });
  return { title: t("sessionTitle") };
}

export async function TriageSessionPage({ locale, params }: TriageSessionPageProps & { locale: Locale }) {
  setRequestLocale(locale);
  const { id } = await params;
  if (!/^[a-z0-9]{1,40}$/i.test(id)) notFound();
  const viewer = await requirePageViewer(localizePath(`/triage/${id}`, locale));
  try {
    const session = await getSession(getPrisma(), id, viewer);
    const audit = viewer.signInRequired ? await listAudit(getPrisma(), id, viewer) : [];
    return (
      <ClientMessages locale={locale} namespaces={["common", "errors", "export", "fieldErrors", "ranking", "session", "step", "stepWords", "triage"]}>
        <TriageWizard
          initialSession={session}
          steps={buildStepCatalog(getTriageKnowledge(), locale)}
          canShare={viewer.signInRequired && (viewer.user?.email === session.createdBy || viewer.user?.role === "admin")}
        />
        {viewer.signInRequired && <AuditList entries={audit} />}
      </ClientMessages>
    );
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    if (error instanceof AppError && error.status === 403) forbidden();
    throw error;
  }
}
