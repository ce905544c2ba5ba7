import type { ComponentProps } from "react";
import Link from "next/link";
import { getMDXComponent } from "mdx-bundler/client";

import { CopyButton } from "@/components/ui/copy-button";

const COMMAND_LANGUAGES = new Set(["bash", "sh", "shell", "zsh", "console", "powershell", "cmd"]);
/** Code that is neither a command nor its output, named in words (content:check keeps it out of ```text). */
const LANGUAGE_KINDS: Record<string, string> = { c: "kernel source", wireshark: "display filter", systemtap: "SystemTap script", ini: "setting" };

function CodeBlock(props: ComponentProps<"pre"> & { "data-language"?: string }) {
  const language = props["data-language"] ?? "text";
  const kind = COMMAND_LANGUAGES.has(language) ? "command" : language === "text" ? "output" : (LANGUAGE_KINDS[language] ?? language);
  // Excerpts (source, filters, scripts) wrap; commands and outputs keep their columns and scroll, so the
  // scrolling block takes keyboard focus.
  const wraps = language in LANGUAGE_KINDS;
  return (
    <div className="code-block" data-code-block data-kind={kind} data-wrap={wraps || undefined}>
      <div className="code-block-bar">
        <span className="code-block-kind">{kind}</span>
        <CopyButton label={kind === "command" ? "Copy command" : `Copy ${kind}`} />
      </div>
      <pre {...props} tabIndex={wraps ? undefined : 0} />
    </div>
  );
}

function Anchor({ href = "", ...props }: ComponentProps<"a">) {
  if (href.startsWith("/")) return <Link href={href} {...props} />;
  return <a href={href} rel="noreferrer" {...props} />;
}

const components = { pre: CodeBlock, a: Anchor };

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
 * Only the copy buttons hydrate.
 */
export function MdxContent({ code }: { code: string }) {
  const Component = componentOf(code);
  return (
    <div className="prose">
      <Component components={components} />
    </div>
  );
}

/** A code block without client parts, for the editor's preview (a server function's answer can hold no client component). */
function PlainCodeBlock(props: ComponentProps<"pre"> & { "data-language"?: string }) {
  const language = props["data-language"] ?? "text";
  const kind = COMMAND_LANGUAGES.has(language) ? "command" : language === "text" ? "output" : (LANGUAGE_KINDS[language] ?? language);
  return (
    <div className="code-block" data-kind={kind}>
      <div className="code-block-bar">
        <span className="code-block-kind">{kind}</span>
      </div>
      <pre {...props} tabIndex={0} />
    </div>
  );
}

const previewComponents = { pre: PlainCodeBlock, a: (props: ComponentProps<"a">) => <a {...props} /> };

/** Compiled MDX as MdxContent renders it, with no client component inside (no copy buttons, plain links). */
export function MdxPreview({ code }: { code: string }) {
  const Component = getMDXComponent(code);
  return (
    <div className="prose">
      <Component components={previewComponents} />
    </div>
  );
}
