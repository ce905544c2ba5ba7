/** @type {import("prettier").Config} */
export default {
  printWidth: 160,
  plugins: ["@ianvs/prettier-plugin-sort-imports"],
  // Imports by layer: node built-ins, react, next, third-party, then our own lib, components and app, then relative.
  importOrder: [
    "<BUILTIN_MODULES>",
    "",
    "^react$",
    "^react/(.*)$",
    "^next$",
    "^next/(.*)$",
    "<THIRD_PARTY_MODULES>",
    "",
    "^@/lib/(.*)$",
    "^@/components/(.*)$",
    "^@/app/(.*)$",
    "^@/(.*)$",
    "",
    "^[.]",
  ],
};
