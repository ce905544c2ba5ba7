import type { Metadata } from "next";
import Link from "next/link";

import { getExerciseCatalogue } from "@/lib/training/catalogue";
import { drillLabels, teaserOf } from "@/lib/training/drill-labels";
import { TrainingHome } from "@/components/train/training-home";

export const metadata: Metadata = { title: "Training" };

export default function TrainPage() {
  const { exercises } = getExerciseCatalogue();
  const labels = drillLabels(exercises);
  const drills = exercises.map((e) => ({ id: e.id, kind: e.kind, label: labels.get(e.id) ?? e.id, teaser: teaserOf(e) }));
  return (
    <>
      <header className="hero">
        <h1>Training</h1>
        <p className="lede">
          Drills built from the resolved cases in the library. Misses come back after ten minutes; drills you get right come back later and later. Trainers: see{" "}
          <Link href="/train/progress">progress</Link>.
        </p>
      </header>
      <TrainingHome drills={drills} />
    </>
  );
}
