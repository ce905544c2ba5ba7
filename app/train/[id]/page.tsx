import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { getExerciseCatalogue } from "@/lib/training/catalogue";
import { drillLabels } from "@/lib/training/drill-labels";
import { EXERCISE_ID_PATTERN, toPrompt } from "@/lib/training/exercise";
import { SignalDrillView } from "@/components/train/signal-drill";
import { TicketDrillView } from "@/components/train/ticket-drill";

type Props = { params: Promise<{ id: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return getExerciseCatalogue().exercises.map((e) => ({ id: e.id }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const exercise = getExerciseCatalogue().get((await params).id);
  return { title: exercise?.kind === "signal" ? "Spot the signal" : "Ticket drill" };
}

export default async function DrillPage({ params }: Props) {
  const { id } = await params;
  const catalogue = getExerciseCatalogue();
  const exercise = EXERCISE_ID_PATTERN.test(id) ? catalogue.get(id) : undefined;
  if (!exercise) notFound();
  const prompt = toPrompt(exercise);
  return (
    <>
      <p className="eyebrow">
        <Link href="/train">Training</Link> · {drillLabels(catalogue.exercises).get(id)}
      </p>
      <h1>{prompt.kind === "ticket" ? "Ticket drill" : "Spot the signal"}</h1>
      {prompt.kind === "ticket" ? <TicketDrillView prompt={prompt} /> : <SignalDrillView prompt={prompt} />}
    </>
  );
}
