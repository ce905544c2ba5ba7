import { defineParser, NOT_BLANK } from "../line-parser";
import { makeSignal, type EvidenceSource, type Signal } from "../signal";

const ID = "fd-limits";

/** 4096 descriptors or fewer (the usual 1024 default included) run out under a few thousand connections. */
const LOW_LIMIT = 4096;

/** Where an open-files limit is printed; the captured group is the (soft) limit. */
const LIMIT_LINES: { kind: string; pattern: RegExp }[] = [
  // bash `ulimit -a` in any language: "open files                      (-n) 1024".
  { kind: "ulimit -a", pattern: /\(-n\)\s+(\d+|unlimited)$/ },
  // busybox ash / zsh `ulimit -a`: "-n: file descriptors 1024".
  { kind: "ulimit -a", pattern: /^-n:\s+(?:file descriptors|open files)\s+(\d+|unlimited)$/ },
  // /proc/<pid>/limits: "Max open files            1024                 4096                 files".
  { kind: "/proc/<pid>/limits", pattern: /^Max open files\s+(\d+|unlimited)\s+(?:\d+|unlimited)\s+files$/ },
  // systemctl show -p LimitNOFILE,LimitNOFILESoft.
  { kind: "systemd LimitNOFILE", pattern: /^LimitNOFILE(?:Soft)?=(\d+|infinity)$/ },
];

/** `ulimit -n` (or -Sn / -Hn) prints a bare number: read it only when the command is named. */
const ULIMIT_N = /(?:^|[\s;|&$#>])ulimit\s+-[SH]?n\s*$/;
/** EMFILE in any wording: C, Go, Java, nginx, Node, strace, and glibc's Chinese message. */
const TOO_MANY_OPEN_FILES = /too many open files|\bEMFILE\b|打开的文件过多/i;

class LimitReader {
  readonly signals: Signal[] = [];
  private readonly lowValues = new Set<string>();
  private tooMany?: { line: string; lineNumber: number; count: number };
  private ulimitPending = false;

  constructor(private readonly source: EvidenceSource) {
    const command = source.kind === "output" ? source.command?.trim() : undefined;
    this.ulimitPending = command !== undefined && ULIMIT_N.test(command);
  }

  read(raw: string, lineNumber: number): void {
    const line = raw.trim();
    if (!line) return;
    if (TOO_MANY_OPEN_FILES.test(line)) {
      this.tooMany ??= { line: raw, lineNumber, count: 0 };
      this.tooMany.count += 1;
    }
    if (this.ulimitPending && /^(?:\d+|unlimited)$/.test(line)) {
      this.limit("ulimit -n", line, raw, lineNumber);
      this.ulimitPending = false;
      return;
    }
    this.ulimitPending = ULIMIT_N.test(line);
    for (const { kind, pattern } of LIMIT_LINES) {
      const match = pattern.exec(line);
      if (match) {
        this.limit(kind, match[1], raw, lineNumber);
        return;
      }
    }
  }

  /** Any other line that is not blank: a bare number after it is no longer ulimit's. */
  skip(raw: string): void {
    if (NOT_BLANK.test(raw)) this.ulimitPending = false;
  }

  finish(): Signal[] {
    if (!this.tooMany) return this.signals;
    const { line, lineNumber, count } = this.tooMany;
    const times = count === 1 ? "once" : `${count} times`;
    return [
      ...this.signals,
      makeSignal("too-many-open-files", ID, line, lineNumber, this.source, {
        value: count,
        detail: `"Too many open files" (EMFILE) appears ${times}: the process ran out of descriptors`,
      }),
    ];
  }

  /** Reports a low limit once per value and kind (many processes often share one limit). */
  private limit(kind: string, text: string, line: string, lineNumber: number): void {
    const value = Number(text);
    if (!Number.isFinite(value) || value > LOW_LIMIT || this.lowValues.has(`${kind}|${value}`)) return;
    this.lowValues.add(`${kind}|${value}`);
    this.signals.push(
      makeSignal("fd-limit-low", ID, line, lineNumber, this.source, {
        value,
        detail: `${kind} shows an open-files limit of ${value} (4096 or less)`,
      }),
    );
  }
}

/** EMFILE messages, limit lines, ulimit commands and the bare number `ulimit -n` prints. */
const WORDS = "too many open files|emfile|打开的文件过多|ulimit|(-n)|-n:|max open files|limitnofile".split("|");
const BARE_VALUE = /^\s*(?:\d+|unlimited)\s*$/i;

export const fdLimitsParser = defineParser({
  id: ID,
  title: "Open-files limits (ulimit, /proc/<pid>/limits)",
  produces: ["fd-limit-low", "too-many-open-files"],
  reads: { words: WORDS, also: (line) => BARE_VALUE.test(line) },
  reader: (source) => new LimitReader(source),
});
