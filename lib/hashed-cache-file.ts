import fs from "node:fs";
import path from "node:path";

import type { z } from "zod";

/**
 * Reads a cache file written by writeFileAtomically, returning it only when its shape checks out
 * (a cache file is untrusted input) and its inputHash matches; undefined otherwise.
 */
export function readHashedCacheFile<Schema extends z.ZodType<{ inputHash: string }>>(
  file: string,
  inputHash: string,
  schema: Schema,
): z.infer<Schema> | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.inputHash === inputHash ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes through a temporary file and a rename, so readers never see half a file. */
export function writeFileAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
}
