import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";

import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { getSession, listAudit } from "@/lib/sessions/repository";
import { getTriageKnowledge } from "@/lib/triage/knowledge";
import { buildStepCatalog } from "@/lib/triage/step-catalog";
import { AuditList } from "@/components/triage/audit-list";
import { TriageWizard } from "@/components/triage/triage-wizard";
import { requirePageViewer } from "@/app/_server/viewer";

export const metadata: Metadata = { title: "Triage session" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export default async function TriageSessionPage({ params }: Props) {
  const { id } = await params;
  if (!/^[a-z0-9]{1,40}$/i.test(id)) notFound();
  const viewer = await requirePageViewer(`/triage/${id}`);
  try {
    const session = await getSession(getPrisma(), id, viewer);
    const audit = viewer.signInRequired ? await listAudit(getPrisma(), id, viewer) : [];
    return (
      <>
        <TriageWizard
          initialSession={session}
          steps={buildStepCatalog(getTriageKnowledge())}
          canShare={viewer.signInRequired && (viewer.user?.email === session.createdBy || viewer.user?.role === "admin")}
        />
        {viewer.signInRequired && <AuditList entries={audit} />}
      </>
    );
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    if (error instanceof AppError && error.status === 403) forbidden();
    throw error;
  }
}
