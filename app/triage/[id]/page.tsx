import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { getSession } from "@/lib/sessions/repository";
import { getTriageKnowledge } from "@/lib/triage/knowledge";
import { buildStepCatalog } from "@/lib/triage/step-catalog";
import { TriageWizard } from "@/components/triage/triage-wizard";

export const metadata: Metadata = { title: "Triage session" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export default async function TriageSessionPage({ params }: Props) {
  const { id } = await params;
  if (!/^[a-z0-9]{1,40}$/i.test(id)) notFound();
  try {
    const session = await getSession(getPrisma(), id);
    return <TriageWizard initialSession={session} steps={buildStepCatalog(getTriageKnowledge())} />;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}
