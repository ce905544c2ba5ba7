// npm run lint:regex: every regular expression in our sources is checked for super-linear
// backtracking (eslint-plugin-regexp). TypeScript is stripped with esbuild first, so eslint's own
// JavaScript parser reads it.
import fs from "node:fs";
import path from "node:path";

import { transform } from "esbuild";
import { ESLint } from "eslint";
import regexp from "eslint-plugin-regexp";

const ROOTS = ["lib", "server", "scripts", "bench", "components", "app"];

function listSources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listSources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const eslint = new ESLint({
  overrideConfigFile: true,
  overrideConfig: [
    {
      plugins: { regexp },
      languageOptions: { ecmaVersion: "latest", sourceType: "module" },
      rules: {
        "regexp/no-super-linear-backtracking": "error",
        "regexp/no-super-linear-move": "error",
      },
    },
  ],
});

let problems = 0;
for (const file of ROOTS.flatMap(listSources)) {
  const { code } = await transform(fs.readFileSync(file, "utf8"), { loader: file.endsWith("x") ? "tsx" : "ts", jsx: "automatic", format: "esm" });
  const [result] = await eslint.lintText(code, { filePath: `${file}.js` });
  for (const message of result.messages) {
    problems++;
    const source = code.split("\n")[message.line - 1]?.trim().slice(0, 160);
    console.error(`${file}: ${message.message}\n    ${source}`);
  }
}
if (problems > 0) {
  console.error(`\n${problems} regular expression problem${problems === 1 ? "" : "s"}`);
  process.exit(1);
}
console.log("regular expressions ok");
