import { bundleMDX } from "mdx-bundler";
import rehypePrettyCode, { type Options as PrettyCodeOptions } from "rehype-pretty-code";
import remarkGfm from "remark-gfm";

import { COMPILER_VERSION } from "./content-version";

export { COMPILER_VERSION };

export type CompiledMdx = { code: string };

export class MdxCompileError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
    this.name = "MdxCompileError";
  }
}

const prettyCodeOptions: PrettyCodeOptions = {
  // The "-default" themes meet WCAG AA contrast on the page background (the classic ones do not).
  theme: { light: "github-light-default", dark: "github-dark-default" },
  keepBackground: false,
  defaultLang: { block: "text", inline: "plaintext" },
  bypassInlineCode: true,
};

let queue: Promise<unknown> = Promise.resolve();

/**
 * Compiles one MDX source (frontmatter included) to a code string. Runs one at a time because
 * esbuild uses a lot of memory. Throws MdxCompileError with the source line when it can.
 */
export function compileMdx(source: string): Promise<CompiledMdx> {
  const run = queue.then(() => compileNow(source));
  queue = run.catch(() => undefined);
  return run;
}

async function compileNow(source: string): Promise<CompiledMdx> {
  try {
    const { code } = await bundleMDX({
      source,
      esbuildOptions: (options) => ({ ...options, logLevel: "silent" }),
      mdxOptions(options) {
        options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm];
        options.rehypePlugins = [...(options.rehypePlugins ?? []), [rehypePrettyCode, prettyCodeOptions]];
        return options;
      },
    });
    return { code };
  } catch (error) {
    throw toCompileError(error);
  }
}

type EsbuildFailure = { errors?: { text: string; location?: { line: number } | null }[] };

// esbuild reports MDX errors with lines of the whole source, frontmatter included.
function toCompileError(error: unknown): MdxCompileError {
  const first = (error as EsbuildFailure).errors?.[0];
  if (!first) return new MdxCompileError(error instanceof Error ? error.message : String(error), undefined);
  const message = first.text.replace("Cannot process MDX file with esbuild:", "").replace(/\s+/g, " ").trim();
  // Some errors (an unclosed tag) come at 1:1 with no location, their span in the message: "(5:1-5:11)".
  const spanLine = Number(/\((\d{1,7}):\d{1,7}-\d{1,7}:\d{1,7}\)/.exec(message)?.[1]);
  return new MdxCompileError(message, first.location?.line || spanLine || undefined);
}
