// /review (trainers and admins): cases submitted for review, drafts, and readers' open flags.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { getPrisma } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import { listOpenFlags } from "@/lib/library/feedback";
import { listLibraryCases } from "@/lib/library/repository";
import { CaseRowList } from "@/components/library/case-row-list";
import { FlagQueue } from "@/components/library/flag-queue";
import { ClientMessages } from "@/app/_i18n/client-messages";
import { requirePageViewer } from "@/app/_server/viewer";

export async function reviewMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "review" });
  return { title: t("title") };
}

export async function ReviewPage({ locale }: { locale: Locale }) {
  setRequestLocale(locale);
  await requirePageViewer(localizePath("/review", locale), "trainer");
  const t = await getTranslations("review");
  const prisma = getPrisma();
  const [inReview, drafts, flags] = await Promise.all([
    listLibraryCases(prisma, { status: "in-review" }),
    listLibraryCases(prisma, { status: "draft" }),
    listOpenFlags(prisma),
  ]);
  return (
    <ClientMessages locale={locale} namespaces={["errors", "feedback", "fieldErrors", "review"]}>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      {[
        { heading: t("inReview"), cases: inReview, id: "in-review" },
        { heading: t("drafts"), cases: drafts, id: "drafts" },
      ].map(({ heading, cases, id }) => (
        <section key={id} aria-labelledby={`queue-${id}`}>
          <h2 id={`queue-${id}`}>{heading}</h2>
          {cases.length === 0 ? <p>{t("none")}</p> : <CaseRowList cases={cases} locale={locale} />}
        </section>
      ))}
      <section aria-labelledby="queue-flags">
        <h2 id="queue-flags">{t("flags")}</h2>
        {flags.length === 0 ? <p>{t("none")}</p> : <FlagQueue flags={flags} />}
      </section>
    </ClientMessages>
  );
}
