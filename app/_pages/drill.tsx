import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import type { Locale } from "@/lib/i18n/locales";
import { getExerciseCatalogue } from "@/lib/training/catalogue";
import { drillLabels } from "@/lib/training/drill-labels";
import { EXERCISE_ID_PATTERN, toPrompt } from "@/lib/training/exercise";
import { LocaleLink } from "@/components/i18n/locale-link";
import { SignalDrillView } from "@/components/train/signal-drill";
import { TicketDrillView } from "@/components/train/ticket-drill";

export type DrillPageProps = { params: Promise<{ id: string }> };

export function drillParams() {
  return getExerciseCatalogue().exercises.map((e) => ({ id: e.id }));
}

export async function drillMetadata(locale: Locale, { params }: DrillPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "training" });
  const exercise = getExerciseCatalogue(locale).get((await params).id);
  return { title: t(exercise?.kind === "signal" ? "signalDrill" : "ticketDrill") };
}

export async function DrillPage({ locale, params }: DrillPageProps & { locale: Locale }) {
  setRequestLocale(locale);
  const { id } = await params;
  const catalogue = getExerciseCatalogue(locale);
  const exercise = EXERCISE_ID_PATTERN.test(id) ? catalogue.get(id) : undefined;
  if (!exercise) notFound();
  const t = await getTranslations("training");
  const prompt = toPrompt(exercise);
  return (
    <>
      <p className="eyebrow">
        <LocaleLink href="/train">{t("title")}</LocaleLink> · {drillLabels(catalogue.exercises, locale).get(id)}
      </p>
      <h1>{t(prompt.kind === "ticket" ? "ticketDrill" : "signalDrill")}</h1>
      {prompt.kind === "ticket" ? <TicketDrillView prompt={prompt} /> : <SignalDrillView prompt={prompt} />}
    </>
  );
}
