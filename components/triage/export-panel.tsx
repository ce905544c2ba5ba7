"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";

import { fetchJson, fetchText } from "@/lib/http/fetch-json";
import { CopyButton } from "@/components/ui/copy-button";

type Format = "reply" | "case";

const LABELS: Record<Format, string> = { reply: "Reply to the customer", case: "Draft case entry (MDX)" };

export function ExportPanel({ sessionId, flush }: { sessionId: string; flush: () => Promise<void> }) {
  const [exported, setExported] = useState<{ format: Format; text: string }>();
  const [error, setError] = useState<string>();
  const router = useRouter();

  async function load(format: Format) {
    setError(undefined);
    await flush();
    try {
      setExported({ format, text: await fetchText(`/api/sessions/${sessionId}/export?format=${format}`) });
    } catch (e) {
      setError((e as Error).message);
    }
  }

  /** Writes a library draft from this session and opens it in the case editor. */
  async function addToLibrary() {
    setError(undefined);
    await flush();
    try {
      const created = await fetchJson<{ id: string }>("/api/cases", { method: "POST", body: { fromSession: sessionId } });
      router.push(`/library/${created.id}/edit`);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <section aria-labelledby="export-title" className="panel">
      <h2 id="export-title">Export</h2>
      <div className="button-row">
        {(Object.keys(LABELS) as Format[]).map((format) => (
          <button key={format} type="button" className="button" onClick={() => void load(format)}>
            {LABELS[format]}
          </button>
        ))}
        <button type="button" className="button primary" onClick={() => void addToLibrary()}>
          Add to library
        </button>
      </div>
      {error && <p className="field-error">{error}</p>}
      {exported && (
        <div className="code-block" data-code-block data-kind={exported.format}>
          <div className="code-block-bar">
            <span className="code-block-kind">{LABELS[exported.format]}</span>
            <CopyButton />
          </div>
          <pre className="export-text" data-export={exported.format}>
            {exported.text}
          </pre>
        </div>
      )}
    </section>
  );
}
