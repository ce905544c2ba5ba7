/**
 * The one reading of a case or cause body: the mdast the MDX pipeline builds (remark-parse with
 * remark-mdx and GitHub-flavoured Markdown). Sections, code blocks (``` and ~~~ fences alike), the
 * blocks a drill shows and the plain text search indexes all come from this tree.
 */
import type { Code, Heading, List, ListItem, Nodes, Root, RootContent, Table } from "mdast";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";

/** The subset of a body a drill shows: headings, paragraphs, lists and fenced code. */
export type TextBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "code"; lang: string; text: string };

export type CodeBlock = { lang: string; text: string; /** 1-based line of the opening fence in the body. */ line: number };

const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const markdownParser = unified().use(remarkParse).use(remarkGfm);

const CACHE_SIZE = 512;
const cache = new Map<string, Root>();

/**
 * Parses a body as MDX, or as plain Markdown when it is not valid MDX (a redacted excerpt, a
 * fragment). Results are cached by text, so the callers may read the same body many times.
 */
export function parseMarkdown(body: string): Root {
  const cached = cache.get(body);
  if (cached) return cached;
  let tree: Root;
  try {
    tree = mdxParser.parse(body);
  } catch {
    tree = markdownParser.parse(body);
  }
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(body, tree);
  return tree;
}

/** The text of a node: inline code and link labels kept, markup dropped. */
export function nodeText(node: Nodes): string {
  if ("value" in node && typeof node.value === "string" && node.type !== "mdxjsEsm" && node.type !== "mdxFlowExpression" && node.type !== "mdxTextExpression") {
    return node.value;
  }
  if (node.type === "break") return "\n";
  return "children" in node ? (node.children as Nodes[]).map(nodeText).join("") : "";
}

/** `## ` headings (not inside code or JSX) with their 1-based lines, counted from `firstLine`. */
export function listSectionHeadings(body: string, firstLine = 1): { title: string; line: number }[] {
  return parseMarkdown(body).children.flatMap((node) =>
    node.type === "heading" && node.depth === 2 ? [{ title: nodeText(node).trim(), line: firstLine + (node.position?.start.line ?? 1) - 1 }] : [],
  );
}

/** The Markdown source under one `## ` heading, up to the next one; "" when there is no such section. */
export function getSectionMarkdown(body: string, heading: string): string {
  const nodes = parseMarkdown(body).children;
  const start = nodes.findIndex((node) => node.type === "heading" && node.depth === 2 && nodeText(node).trim() === heading);
  if (start === -1) return "";
  const next = nodes.findIndex((node, i) => i > start && node.type === "heading" && node.depth === 2);
  const from = nodes[start].position?.end.offset ?? 0;
  const to = next === -1 ? body.length : (nodes[next].position?.start.offset ?? body.length);
  return body.slice(from, to).trim();
}

/** Every fenced or indented code block, in order. */
export function listCodeBlocks(body: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const visit = (node: Nodes) => {
    if (node.type === "code") blocks.push({ lang: node.lang ?? "", text: node.value, line: node.position?.start.line ?? 1 });
    else if ("children" in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(parseMarkdown(body));
  return blocks;
}

/** The inline Markdown of a node as written, on one line (a drill renders the inline markup itself). */
function inlineSource(body: string, node: Nodes): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return nodeText(node).replace(/\s+/g, " ").trim();
  return body
    .slice(start, end)
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join(" ");
}

function listItems(body: string, list: List): string[] {
  return list.children.flatMap((item: ListItem) =>
    item.children.flatMap((child) => (child.type === "list" ? listItems(body, child) : child.type === "code" ? [] : [inlineSource(body, child)])),
  );
}

function tableRows(table: Table): string[] {
  return table.children.map((row) => `| ${row.children.map((cell) => nodeText(cell).trim()).join(" | ")} |`);
}

/** Headings (level 2 and below), paragraphs, lists and code, in document order. */
export function readBlocks(body: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const read = (node: RootContent) => {
    if (node.type === "heading") {
      if ((node as Heading).depth >= 2) blocks.push({ kind: "heading", text: inlineSource(body, node).replace(/^#+\s*/, "") });
    } else if (node.type === "paragraph") blocks.push({ kind: "paragraph", text: inlineSource(body, node) });
    else if (node.type === "list") {
      blocks.push({ kind: "list", ordered: Boolean(node.ordered), items: listItems(body, node) });
      for (const item of node.children) for (const child of item.children) if (child.type === "code") read(child);
    } else if (node.type === "code") blocks.push({ kind: "code", lang: (node as Code).lang ?? "", text: (node as Code).value });
    else if (node.type === "table") blocks.push({ kind: "paragraph", text: tableRows(node).join(" ") });
    else if ("children" in node) for (const child of node.children as RootContent[]) read(child);
  };
  for (const node of parseMarkdown(body).children) read(node);
  return blocks;
}

/**
 * Searchable plain text: code blocks keep their content (commands and outputs are what engineers
 * paste) unless `code` is false, markup goes, links keep their label, table rows stay rows. One line
 * per source line.
 */
export function markdownToPlainText(body: string, { code = true }: { code?: boolean } = {}): string {
  const lines: string[] = [];
  const push = (text: string) => {
    for (const line of text.split("\n")) if (line.trim()) lines.push(line.trim());
  };
  const read = (node: Nodes) => {
    if (node.type === "code") {
      if (code) push(node.value);
    } else if (node.type === "heading" || node.type === "paragraph") push(nodeText(node));
    else if (node.type === "table") tableRows(node).forEach(push);
    else if (node.type === "html") push(node.value);
    else if ("children" in node) for (const child of node.children as Nodes[]) read(child);
  };
  read(parseMarkdown(body));
  return lines.join("\n");
}
