import type { Metadata } from "next";
import Link from "next/link";

import { ENTRY_SYMPTOMS } from "@/lib/content/entry-symptoms";
import { getPrisma } from "@/lib/db";
import { listSessions } from "@/lib/sessions/repository";
import { NewTicketForm } from "@/components/triage/new-ticket-form";
import { requirePageViewer } from "@/app/_server/viewer";

export const metadata: Metadata = { title: "Triage" };
export const dynamic = "force-dynamic";

export default async function TriagePage() {
  const viewer = await requirePageViewer("/triage");
  const sessions = await listSessions(getPrisma(), viewer);
  return (
    <>
      <h1>Triage</h1>
      <p className="lede">
        Paste the ticket. Netriage reads it, ranks the likely root causes with the evidence for each, and proposes the next question or command.
      </p>
      <NewTicketForm symptoms={ENTRY_SYMPTOMS.map(({ id, label }) => ({ id, label }))} />

      <h2>Saved sessions</h2>
      {sessions.length === 0 ? (
        <p>No saved sessions yet.</p>
      ) : (
        <ul className="case-list" aria-label="Saved sessions">
          {sessions.map((s) => (
            <li key={s.id} className="case-row">
              <Link href={`/triage/${s.id}`} className="case-title">
                {s.title}
              </Link>
              <span className="badges">
                {s.ticketRef && <span className="badge">{s.ticketRef}</span>}
                <span className={`badge badge-${s.status}`}>{s.status}</span>
                {s.confirmedCause && <span className="badge">{s.confirmedCause}</span>}
                {s.shared && <span className="badge">shared</span>}
                {s.createdBy && <span className="card-meta">by {s.createdBy}</span>}
                <span className="card-meta">updated {new Date(s.updatedAt).toISOString().slice(0, 16).replace("T", " ")} UTC</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
