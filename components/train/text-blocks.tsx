import type { TextBlock } from "@/lib/content/markdown";
import { parseInline } from "@/lib/training/inline-markdown";

/** One line of inline Markdown (code spans, strong text, link labels) as a drill shows it. */
export function InlineMarkdown({ text }: { text: string }) {
  return (
    <>
      {parseInline(text).map((span, i) =>
        span.kind === "code" ? (
          <code key={i}>{span.text}</code>
        ) : span.kind === "strong" ? (
          <strong key={i}>{span.text}</strong>
        ) : (
          <span key={i}>{span.text}</span>
        ),
      )}
    </>
  );
}

/** Case text as a drill shows it: headings, paragraphs, lists and code blocks. */
export function TextBlocks({ blocks }: { blocks: TextBlock[] }) {
  return (
    <div className="text-blocks">
      {blocks.map((block, i) => {
        if (block.kind === "heading")
          return (
            <h4 key={i}>
              <InlineMarkdown text={block.text} />
            </h4>
          );
        if (block.kind === "paragraph")
          return (
            <p key={i}>
              <InlineMarkdown text={block.text} />
            </p>
          );
        if (block.kind === "list") {
          const List = block.ordered ? "ol" : "ul";
          return (
            <List key={i}>
              {block.items.map((item, j) => (
                <li key={j}>
                  <InlineMarkdown text={item} />
                </li>
              ))}
            </List>
          );
        }
        return (
          <pre key={i} className="drill-code" data-kind={block.lang === "bash" || block.lang === "sh" ? "command" : "output"}>
            <code>{block.text}</code>
          </pre>
        );
      })}
    </div>
  );
}
