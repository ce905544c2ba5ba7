import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import type { Locale } from "@/lib/i18n/locales";
import { getExerciseCatalogue } from "@/lib/training/catalogue";
import { drillLabels, listedDrills, teaserOf } from "@/lib/training/drill-labels";
import { getLiveExerciseCatalogue } from "@/lib/training/live-catalogue";
import { LocaleLink } from "@/components/i18n/locale-link";
import { TrainingHome } from "@/components/train/training-home";
import { ClientMessages } from "@/app/_i18n/client-messages";

export async function trainMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "training" });
  return { title: t("title"), description: t("description") };
}

export async function TrainPage({ locale }: { locale: Locale }) {
  setRequestLocale(locale);
  const t = await getTranslations("training");
  const { exercises } = await getLiveExerciseCatalogue(locale);
  const labels = drillLabels(exercises, locale);
  const { listed, unlisted } = listedDrills(exercises, getExerciseCatalogue(locale));
  const drills = listed.map((e) => ({ id: e.id, kind: e.kind, label: labels.get(e.id) ?? e.id, teaser: teaserOf(e, locale) }));
  return (
    <ClientMessages locale={locale} namespaces={["errors", "fieldErrors", "training"]}>
      <header className="hero">
        <h1>{t("title")}</h1>
        <p className="lede">{t.rich("lede", { link: (chunks) => <LocaleLink href="/train/progress">{chunks}</LocaleLink> })}</p>
      </header>
      <TrainingHome drills={drills} unlisted={unlisted} />
    </ClientMessages>
  );
}
