// /library/new and /library/<id>/edit: the case editor, its links and the case's history.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { getContentLibrary } from "@/lib/content/library";
import { causeTitle } from "@/lib/content/localized";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { Locale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import { getLibraryCase, isReviewer, listCaseRevisions } from "@/lib/library/repository";
import { CaseEditor } from "@/components/library/case-editor";
import { RevisionList } from "@/components/library/revision-list";
import { ClientMessages } from "@/app/_i18n/client-messages";
import { requirePageViewer } from "@/app/_server/viewer";

export type EditCasePageProps = { params: Promise<{ id: string }> };

/** The root causes a case may name, titled in the page's language. */
function causeChoices(locale: Locale) {
  return getContentLibrary().rootCauses.map((cause) => ({ id: cause.id, title: causeTitle(cause, locale) }));
}

export async function newCaseMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "editor" });
  return { title: t("newTitle") };
}

export async function NewCasePage({ locale }: { locale: Locale }) {
  setRequestLocale(locale);
  const viewer = await requirePageViewer(localizePath("/library/new", locale));
  const t = await getTranslations("editor");
  return (
    <ClientMessages locale={locale} namespaces={["common", "editor", "enums", "errors", "fieldErrors"]}>
      <h1>{t("newTitle")}</h1>
      <CaseEditor canReview={isReviewer(viewer)} causes={causeChoices(locale)} />
    </ClientMessages>
  );
}

export async function editCaseMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "editor" });
  return { title: t("editMetaTitle") };
}

export async function EditCasePage({ locale, params }: EditCasePageProps & { locale: Locale }) {
  setRequestLocale(locale);
  const { id } = await params;
  const viewer = await requirePageViewer(localizePath(`/library/${id}/edit`, locale));
  const t = await getTranslations("editor");
  try {
    const prisma = getPrisma();
    const [view, revisions] = await Promise.all([getLibraryCase(prisma, id, viewer), listCaseRevisions(prisma, id, viewer)]);
    return (
      <ClientMessages locale={locale} namespaces={["common", "editor", "enums", "errors", "fieldErrors"]}>
        <p className="eyebrow">
          <Link href={localizePath("/library", locale)}>{t("writeCases")}</Link>
          {view.status === "published" && (
            <>
              {" "}
              · <Link href={localizePath(`/cases/${view.id}`, locale)}>{t("publishedPage")}</Link>
            </>
          )}
          {view.sessionId && (
            <>
              {" "}
              · <Link href={localizePath(`/triage/${view.sessionId}`, locale)}>{t("triageSession")}</Link>
            </>
          )}
        </p>
        <h1>{t.rich("editTitle", { id: view.id, code: (chunks) => <code>{chunks}</code> })}</h1>
        <CaseEditor initial={view} canReview={isReviewer(viewer)} causes={causeChoices(locale)} />
        <RevisionList revisions={revisions} />
      </ClientMessages>
    );
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}
