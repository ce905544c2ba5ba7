import type { ComponentProps, ReactElement } from "react";
import Link from "next/link";
import { getMDXComponent } from "mdx-bundler/client";
import { getTranslations } from "next-intl/server";

import type { Locale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import { CopyButton } from "@/components/ui/copy-button";

const COMMAND_LANGUAGES = new Set(["bash", "sh", "shell", "zsh", "console", "powershell", "cmd"]);
/** Code that is neither a command nor its output, named in words (content:check keeps it out of ```text). */
const LANGUAGE_KINDS: Record<string, string> = { c: "kernel source", wireshark: "display filter", systemtap: "SystemTap script", ini: "setting" };
/** The catalogue key (`code.kind.*`) of each kind of block. */
const KIND_KEYS: Record<string, string> = {
  command: "command",
  output: "output",
  "kernel source": "kernelSource",
  "display filter": "displayFilter",
  "SystemTap script": "systemtap",
  setting: "setting",
};

type Translate = (key: string, values?: Record<string, string>) => string;
type PreProps = ComponentProps<"pre"> & { "data-language"?: string };

/** What a fenced block holds (command, output, or an excerpt named in words), its label, and whether it wraps. */
function blockKind(props: PreProps, t: Translate): { kind: string; label: string; wraps: boolean } {
  const language = props["data-language"] ?? "text";
  const kind = COMMAND_LANGUAGES.has(language) ? "command" : language === "text" ? "output" : (LANGUAGE_KINDS[language] ?? language);
  // Excerpts (source, filters, scripts) wrap; commands and outputs keep their columns and scroll.
  return { kind, label: KIND_KEYS[kind] ? t(`kind.${KIND_KEYS[kind]}`) : kind, wraps: language in LANGUAGE_KINDS };
}

function codeBlockFor(t: Translate) {
  return function CodeBlock(props: PreProps) {
    const { kind, label, wraps } = blockKind(props, t);
    // A scrolling block takes keyboard focus.
    return (
      <div className="code-block" data-code-block data-kind={kind} data-wrap={wraps || undefined}>
        <div className="code-block-bar">
          <span className="code-block-kind">{label}</span>
          <CopyButton label={t("copy", { kind: label })} />
        </div>
        <pre {...props} tabIndex={wraps ? undefined : 0} />
      </div>
    );
  };
}

/** Site links of a body (`/causes/x`) lead to the page in the reader's language. */
function anchorFor(locale: Locale) {
  return function Anchor({ href = "", ...props }: ComponentProps<"a">) {
    if (href.startsWith("/")) return <Link href={localizePath(href, locale)} {...props} />;
    return <a href={href} rel="noreferrer" {...props} />;
  };
}

// Evaluating a compiled body is the costly part of rendering it: pages rendered per request (cases
// written in the app) reuse the component of a code string they rendered before.
const COMPONENTS_KEPT = 500;
const componentsByCode = new Map<string, ReturnType<typeof getMDXComponent>>();

function componentOf(code: string): ReturnType<typeof getMDXComponent> {
  let component = componentsByCode.get(code);
  if (component) componentsByCode.delete(code);
  else component = getMDXComponent(code);
  componentsByCode.set(code, component);
  for (const oldest of componentsByCode.keys()) {
    if (componentsByCode.size <= COMPONENTS_KEPT) break;
    componentsByCode.delete(oldest);
  }
  return component;
}

/**
 * Renders compiled MDX on the server, so the browser needs no eval and no MDX runtime.
 * Only the copy buttons hydrate. `lang` is the body's language when it differs from the page's.
 */
export async function MdxContent({ code, locale, lang }: { code: string; locale: Locale; lang: Locale }) {
  const t = await getTranslations({ locale, namespace: "code" });
  const Component = componentOf(code);
  return (
    <div className="prose" lang={lang === locale ? undefined : lang}>
      <Component components={{ pre: codeBlockFor(t), a: anchorFor(locale) }} />
    </div>
  );
}

/** A code block without client parts, for the editor's preview (a server function's answer can hold no client component). */
function plainCodeBlockFor(t: Translate) {
  return function PlainCodeBlock(props: PreProps) {
    const { kind, label, wraps } = blockKind(props, t);
    return (
      <div className="code-block" data-kind={kind} data-wrap={wraps || undefined}>
        <div className="code-block-bar">
          <span className="code-block-kind">{label}</span>
        </div>
        <pre {...props} tabIndex={wraps ? undefined : 0} />
      </div>
    );
  };
}

/** Compiled MDX as MdxContent renders it, with no client component inside (no copy buttons, plain links): for a server function's answer. */
export async function renderMdxPreview(code: string, locale: Locale): Promise<ReactElement> {
  const t = await getTranslations({ locale, namespace: "code" });
  const Component = getMDXComponent(code);
  const Anchor = ({ href = "", ...props }: ComponentProps<"a">) => <a href={href.startsWith("/") ? localizePath(href, locale) : href} {...props} />;
  return (
    <div className="prose">
      <Component components={{ pre: plainCodeBlockFor(t), a: Anchor }} />
    </div>
  );
}
