"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";

import { fetchJson, fetchText } from "@/lib/http/fetch-json";
import { useLocalize } from "@/components/i18n/locale-link";
import { useErrorMessage } from "@/components/i18n/use-error-message";
import { CopyButton } from "@/components/ui/copy-button";

type Format = "reply" | "case";

const FORMATS: Format[] = ["reply", "case"];

export function ExportPanel({ sessionId, flush }: { sessionId: string; flush: () => Promise<void> }) {
  const [exported, setExported] = useState<{ format: Format; text: string }>();
  const [error, setError] = useState<string>();
  const t = useTranslations("export");
  const locale = useLocale();
  const describe = useErrorMessage();
  const router = useRouter();
  const localize = useLocalize();

  async function load(format: Format) {
    setError(undefined);
    await flush();
    try {
      // lang: the reply follows the session's language, the page's.
      setExported({ format, text: await fetchText(`/api/sessions/${sessionId}/export?format=${format}&lang=${locale}`) });
    } catch (e) {
      setError(describe(e));
    }
  }

  /** Writes a library draft from this session and opens it in the case editor. */
  async function addToLibrary() {
    setError(undefined);
    await flush();
    try {
      const created = await fetchJson<{ id: string }>("/api/cases", { method: "POST", body: { fromSession: sessionId } });
      router.push(localize(`/library/${created.id}/edit`));
    } catch (e) {
      setError(describe(e));
    }
  }

  return (
    <section aria-labelledby="export-title" className="panel">
      <h2 id="export-title">{t("title")}</h2>
      <div className="button-row">
        {FORMATS.map((format) => (
          <button key={format} type="button" className="button" onClick={() => void load(format)}>
            {t(format)}
          </button>
        ))}
        <button type="button" className="button primary" onClick={() => void addToLibrary()}>
          {t("addToLibrary")}
        </button>
      </div>
      {error && <p className="field-error">{error}</p>}
      {exported && (
        <div className="code-block" data-code-block data-kind={exported.format}>
          <div className="code-block-bar">
            <span className="code-block-kind">{t(exported.format)}</span>
            <CopyButton />
          </div>
          <pre className="export-text" data-export={exported.format} data-content-snippet>
            {exported.text}
          </pre>
        </div>
      )}
    </section>
  );
}
