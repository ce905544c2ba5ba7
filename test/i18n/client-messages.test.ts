// Every page hands its client components the namespaces they translate with (app/_i18n/client-messages.tsx):
// a missing one shows its keys instead of text in the browser. Read from the source: the client
// components a page or layout reaches through its imports, their useTranslations namespaces, and the
// namespaces the page's server files pass to <ClientMessages>.
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { SITE_NAMESPACES } from "@/app/_i18n/client-messages";

const ROOT = path.resolve(__dirname, "../..");

function resolveImport(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : undefined;
  if (!base) return undefined;
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
}

const sources = new Map<string, string>();
const sourceOf = (file: string) => sources.get(file) ?? sources.set(file, fs.readFileSync(file, "utf8")).get(file)!;
const importsOf = (file: string) =>
  [...sourceOf(file).matchAll(/(?:from|import)\s+"([^"]+)"/g)].flatMap(([, specifier]) => resolveImport(file, specifier) ?? []);

/** The namespaces the client components reached from `entry` translate with, and those its server files provide. */
export function namespacesOf(entry: string): { used: Set<string>; provided: Set<string> } {
  const used = new Set<string>();
  const provided = new Set<string>(SITE_NAMESPACES);
  const seen = new Set<string>();
  const visit = (file: string, onClient: boolean) => {
    const client = onClient || /^\s*["']use client["']/.test(sourceOf(file));
    if (seen.has(`${client} ${file}`)) return;
    seen.add(`${client} ${file}`);
    if (client) for (const [, namespace] of sourceOf(file).matchAll(/useTranslations\("([^".]+)/g)) used.add(namespace);
    else
      for (const [, list] of sourceOf(file).matchAll(/<ClientMessages[^>]*namespaces=\{\[([^\]]*)\]/g))
        for (const [, namespace] of list.matchAll(/"([^"]+)"/g)) provided.add(namespace);
    for (const imported of importsOf(file)) visit(imported, client);
  };
  visit(entry, false);
  return { used, provided };
}

const entries = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const file = path.join(dir, item.name);
    return item.isDirectory() ? entries(file) : /^(page|layout)\.tsx$/.test(item.name) ? [file] : [];
  });

describe("client messages", () => {
  const pages = entries(path.join(ROOT, "app"));

  it.each(pages.map((file) => [path.relative(ROOT, file)]))("%s gives its client components every namespace they use", (file) => {
    const { used, provided } = namespacesOf(path.join(ROOT, file));
    expect([...used].filter((namespace) => !provided.has(namespace))).toEqual([]);
  });

  it("reads the pages' client components: the case page's feedback panel needs its namespace", () => {
    expect(pages.length).toBeGreaterThan(40);
    expect(namespacesOf(path.join(ROOT, "app/(en)/cases/[id]/page.tsx")).used).toContain("feedback");
    expect(namespacesOf(path.join(ROOT, "app/_pages/site-layout.tsx")).used).toEqual(new Set(SITE_NAMESPACES));
  });
});
