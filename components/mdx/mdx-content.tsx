import type { ComponentProps } from "react";
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

function codeBlockFor(t: Translate) {
  return function CodeBlock(props: ComponentProps<"pre"> & { "data-language"?: string }) {
    const language = props["data-language"] ?? "text";
    const kind = COMMAND_LANGUAGES.has(language) ? "command" : language === "text" ? "output" : (LANGUAGE_KINDS[language] ?? language);
    const label = KIND_KEYS[kind] ? t(`kind.${KIND_KEYS[kind]}`) : kind;
    // Excerpts (source, filters, scripts) wrap; commands and outputs keep their columns and scroll, so the
    // scrolling block takes keyboard focus.
    const wraps = language in LANGUAGE_KINDS;
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

/**
 * Renders compiled MDX on the server, so the browser needs no eval and no MDX runtime.
 * Only the copy buttons hydrate. `lang` is the body's language when it differs from the page's.
 */
export async function MdxContent({ code, locale, lang }: { code: string; locale: Locale; lang: Locale }) {
  const t = await getTranslations({ locale, namespace: "code" });
  const Component = getMDXComponent(code);
  return (
    <div className="prose" lang={lang === locale ? undefined : lang}>
      <Component components={{ pre: codeBlockFor(t), a: anchorFor(locale) }} />
    </div>
  );
}
