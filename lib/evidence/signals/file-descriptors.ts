import { rx } from "../prose";
import type { SignalDefinitions } from "./define";

/** File-descriptor limits and errors. */
export const FILE_DESCRIPTORS_SIGNALS = {
  "fd-limit-low": {
    meaning: { en: "open-files limit (ulimit -n, /proc/<pid>/limits) is 4096 or less", zh: "打开文件数限制（ulimit -n、/proc/<pid>/limits）不超过 4096" },
    parsers: ["fd-limits"],
    weights: { "fd-limit-exhausted": 1.5, "idle-connection-leak": 0.5 },
  },
  "too-many-open-files": {
    meaning: { en: "error 'Too many open files' (EMFILE)", zh: "报错 'Too many open files'（EMFILE）" },
    parsers: ["fd-limits", "proxy-log"],
    text: { en: rx(String.raw`\btoo many open files\b`) },
    weights: { "fd-limit-exhausted": 3.5, "idle-connection-leak": 1, "close-wait-leak": 0.7 },
  },
} as const satisfies SignalDefinitions;
