"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";

type Props = { text?: string | (() => string); label?: string };

/** Copies `text`, or the text of the nearest code block when none is given. */
export function CopyButton({ text, label }: Props) {
  const t = useTranslations("common");
  const [copied, setCopied] = useState(false);

  async function copy(button: HTMLButtonElement) {
    const value = (typeof text === "function" ? text() : text) ?? button.closest("[data-code-block]")?.querySelector("pre")?.textContent ?? "";
    await navigator.clipboard.writeText(value.replace(/\n$/, ""));
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  }

  return (
    <button type="button" className="copy-button" onClick={(event) => void copy(event.currentTarget)} aria-label={label ?? t("copy")}>
      {copied ? t("copied") : (label ?? t("copy"))}
    </button>
  );
}
