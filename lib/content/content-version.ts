/**
 * Version of the MDX compile pipeline. Bump whenever a remark/rehype plugin, its options, the
 * highlighter theme or mdx-bundler changes: every cached compile is then redone.
 */
export const COMPILER_VERSION = "3";
