import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import type { Locale } from "@/lib/i18n/locales";
import { getExerciseCatalogue } from "@/lib/training/catalogue";
import { drillLabels } from "@/lib/training/drill-labels";
import { EXERCISE_ID_PATTERN, toPrompt } from "@/lib/training/exercise";
import { getLiveExerciseCatalogue } from "@/lib/training/live-catalogue";
import { LocaleLink } from "@/components/i18n/locale-link";
import { SignalDrillView } from "@/components/train/signal-drill";
import { TicketDrillView } from "@/components/train/ticket-drill";
import { ClientMessages } from "@/app/_i18n/client-messages";

export type DrillPageProps = { params: Promise<{ id: string }> };
/** `live`: a drill of a case published in the app (proxy.ts rewrites /train/<id> there), read from the live catalogue per request. */
type DrillSource = { live?: boolean };

const catalogueOf = (locale: Locale, live = false) => (live ? getLiveExerciseCatalogue(locale) : getExerciseCatalogue(locale));

export function drillParams() {
  return getExerciseCatalogue().exercises.map((e) => ({ id: e.id }));
}

export async function drillMetadata(locale: Locale, { params, live }: DrillPageProps & DrillSource): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "training" });
  const exercise = (await catalogueOf(locale, live)).get((await params).id);
  return { title: t(exercise?.kind === "signal" ? "signalDrill" : "ticketDrill") };
}

export async function DrillPage({ locale, params, live }: DrillPageProps & DrillSource & { locale: Locale }) {
  setRequestLocale(locale);
  const { id } = await params;
  const catalogue = await catalogueOf(locale, live);
  const exercise = EXERCISE_ID_PATTERN.test(id) ? catalogue.get(id) : undefined;
  if (!exercise) notFound();
  const t = await getTranslations("training");
  const prompt = toPrompt(exercise);
  return (
    <ClientMessages locale={locale} namespaces={["drill", "errors", "fieldErrors", "training"]}>
      <p className="eyebrow">
        <LocaleLink href="/train">{t("title")}</LocaleLink> · {drillLabels(catalogue.exercises, locale).get(id)}
      </p>
      <h1>{t(prompt.kind === "ticket" ? "ticketDrill" : "signalDrill")}</h1>
      {prompt.kind === "ticket" ? <TicketDrillView prompt={prompt} /> : <SignalDrillView prompt={prompt} />}
    </ClientMessages>
  );
}
