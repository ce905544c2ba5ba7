import { parseInline, type TextBlock } from "@/lib/training/markdown";

function Inline({ text }: { text: string }) {
  return (
    <>
      {parseInline(text).map((span, i) => (span.kind === "code" ? <code key={i}>{span.text}</code> : <span key={i}>{span.text}</span>))}
    </>
  );
}

/** Case text as a drill shows it: headings, paragraphs, lists and code blocks. */
export function TextBlocks({ blocks }: { blocks: TextBlock[] }) {
  return (
    <div className="text-blocks">
      {blocks.map((block, i) => {
        if (block.kind === "heading") return <h4 key={i}><Inline text={block.text} /></h4>;
        if (block.kind === "paragraph") return <p key={i}><Inline text={block.text} /></p>;
        if (block.kind === "list") {
          const List = block.ordered ? "ol" : "ul";
          return (
            <List key={i}>
              {block.items.map((item, j) => (
                <li key={j}><Inline text={item} /></li>
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
