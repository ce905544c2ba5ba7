// npm run lint: TypeScript and Next.js rules, React hooks, and the layers of the architecture
// (lib/ is framework-free; server/ and scripts/ are not imported by the app).
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const FRAMEWORK = ["next", "next/*", "react", "react-dom", "react/*", "react-hook-form"];
const UI_LAYERS = ["@/app/*", "@/components/*", "**/app/*", "**/components/*"];

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", ".cache/", "data/", "coverage/", "next-env.d.ts", "**/*.js", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      // The hook rules (not the React Compiler's, which this app does not use).
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ["lib/**/*.ts"],
    rules: {
      "max-len": ["error", { code: 160, ignoreUrls: false, ignoreStrings: false, ignoreRegExpLiterals: false, ignoreTemplateLiterals: false }],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [...FRAMEWORK, ...UI_LAYERS, "@/server/*", "**/server/*"],
              message: "lib/ is framework-free domain code: it never imports Next, React, the app or the server.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/server/*", "**/server/*", "@/scripts/*", "@/bench/*"],
              message: "The app does not import the production server, scripts or benchmarks.",
            },
          ],
        },
      ],
    },
  },
);
