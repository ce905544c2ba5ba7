import type { Signal } from "../evidence/signal";
import type { SignalId } from "../evidence/signals";
import type { Lang } from "./language";
import { sourceName, WORDS } from "./words";

/** Where a fact was read: the quoted line and "description", "output 2" or "answer" (in the result's language). */
export type FactSource = { line: string; source: string };

export type KernelFact = FactSource & { major: number; minor?: number };

/**
 * What the ticket, its outputs and the answers tell about the environment, as facts the
 * preconditions of causes are checked against. `undefined` means nothing says either way.
 */
export type EnvironmentFacts = {
  kernel?: KernelFact;
  /** The server has no net.ipv4.tcp_tw_recycle key (kernels 4.12 and later). */
  twRecycleAbsent?: FactSource;
  /** UDP or name resolution is part of the problem. */
  udpOrDns?: FactSource;
  /** The problem is about TCP connections (a port, HTTP(S), SYNs, a connect error). */
  tcp?: FactSource;
  /** Several clients share one source IP on the way (NAT, SNAT, a proxy, a VIP plus direct access). */
  sharedSourceIp?: FactSource | false;
  loadBalancer?: FactSource | false;
  containers?: FactSource | false;
};

export type FactInput = { description: string; outputs: { command?: string; text: string }[]; answers: Record<string, string> };

/** Distribution releases and the kernel they ship, for tickets that name the OS but not the kernel. */
const DISTRO_KERNELS: [RegExp, number, number][] = [
  [/\b(?:CentOS|RHEL|Red Hat Enterprise Linux|Oracle Linux) ?6(?:\.\d+)?\b/i, 2, 6],
  [/\b(?:CentOS|RHEL|Red Hat Enterprise Linux|Oracle Linux) ?7(?:\.\d+)?\b/i, 3, 10],
  [/\b(?:CentOS|RHEL|Red Hat Enterprise Linux|Rocky|AlmaLinux) ?8(?:\.\d+)?\b/i, 4, 18],
  [/\b(?:RHEL|Red Hat Enterprise Linux|Rocky|AlmaLinux|CentOS Stream) ?9(?:\.\d+)?\b/i, 5, 14],
  [/\bUbuntu ?14\.04\b/i, 3, 13],
  [/\bUbuntu ?16\.04\b/i, 4, 4],
  [/\bUbuntu ?18\.04\b/i, 4, 15],
  [/\bUbuntu ?20\.04\b/i, 5, 4],
  [/\bUbuntu ?22\.04\b/i, 5, 15],
  [/\bUbuntu ?24\.04\b/i, 6, 8],
  [/\bDebian ?9\b|\bstretch\b/i, 4, 9],
  [/\bDebian ?10\b|\bbuster\b/i, 4, 19],
  [/\bDebian ?11\b|\bbullseye\b/i, 5, 10],
  [/\bDebian ?12\b|\bbookworm\b/i, 6, 1],
  [/\bAmazon Linux 2023\b|\bAL2023\b/i, 6, 1],
  [/\bAmazon Linux 2\b|\bamzn2\b/i, 4, 14],
];

/** "Linux 4.x", "kernel 5.10", "内核 3.10", or a `uname -r` string such as 3.10.0-1160.el7. */
const KERNEL_WORDS = /\b(?:linux|kernel)(?: version)?[ -]?v?([2-6])\.(\d{1,2}|x)\b|内核(?:版本)?\s?([2-6])\.(\d{1,2}|x)/i;
const UNAME = /\b([2-6])\.(\d{1,2})\.\d{1,3}-[\w.-]+/;
const TW_RECYCLE_ABSENT = /cannot stat \/proc\/sys\/net\/ipv4\/tcp_tw_recycle|unknown key ['"]?net\.ipv4\.tcp_tw_recycle/i;

/** A word every pattern above needs on its line; the others are not read (a 5 MB paste is mostly such lines). */
const FACT_WORDS =
  /linux|kernel|内核|\d\.\d{1,2}\.\d{1,3}-|centos|rhel|red hat|rocky|alma|ubuntu|debian|stretch|buster|bullseye|bookworm|amazon|al2023|amzn2|tcp_tw_recycle/i;

const UDP_OR_DNS_SIGNALS: SignalId[] = [
  "text-dns",
  "text-udp",
  "text-5s-delay",
  "dns-timeout",
  "dns-servfail",
  "dns-nxdomain",
  "dns-slow-5s",
  "dns-loopback-server",
  "dns-tcp-ok",
  "dns-answer-ok",
  "resolv-rotate",
  "resolv-single-request",
  "nsswitch-missing",
  "go-resolver-dns-first",
  "musl-libc",
  "udp-rcvbuf-errors",
  "udp-in-errors",
  "resolve-failed",
  "slow-name-lookup",
  "dns-parallel-a-aaaa",
  "dns-same-id-a-aaaa",
  "text-resolver-config",
  "text-dns-cached",
];
const TCP_SIGNALS: SignalId[] = [
  "syn-no-synack",
  "syn-retransmit-same-port",
  "rst-to-syn",
  "listen-drops",
  "listen-overflows",
  "paws-passive-rejected",
  "accept-queue-full",
  "conn-refused",
  "conn-reset",
  "many-syn-recv",
  "syn-flood-log",
  "http-502",
  "http-504",
  "http-5xx",
];
const TCP_WORDS =
  /\bTCP\b|\bSYN(?:-?ACK)?s?\b|\bHTTPS?\b|\bport (?:80|443|8080|8443)\b|\b(?:on|:)\s?443\b|\bTLS\b|\bconnect(?:ion)? (?:refused|reset|timed out)\b/;
const SHARED_IP_SIGNALS: SignalId[] = ["text-nat", "text-direct-and-vip", "masquerade-no-random-fully"];
const LB_SIGNALS: SignalId[] = [
  "text-load-balancer",
  "text-direct-and-vip",
  "upstream-no-live",
  "upstream-refused",
  "upstream-timeout",
  "upstream-reset",
  "upstream-old-ip",
];
const CONTAINER_SIGNALS: SignalId[] = [
  "text-kubernetes",
  "text-container",
  "text-overlay",
  "service-not-found",
  "cpu-throttled",
  "overlay-no-reply",
  "mtu-overlay",
];

/** Answers to the built-in fact questions (see walk-questions.ts) and tree answers that state a fact. */
const ANSWER_FACTS: Record<string, Partial<Record<string, Partial<Record<"sharedSourceIp" | "loadBalancer" | "containers", boolean>>>>> = {
  "fact-shared-ip": { yes: { sharedSourceIp: true }, no: { sharedSourceIp: false } },
  "fact-load-balancer": { yes: { loadBalancer: true }, no: { loadBalancer: false } },
  "fact-containers": { yes: { containers: true }, no: { containers: false } },
  "cc-scope": { "behind-nat": { sharedSourceIp: true } },
};

function firstSignal(signals: Signal[], ids: SignalId[], lang: Lang): FactSource | undefined {
  const wanted = new Set(ids);
  const found = signals.find((s) => wanted.has(s.id));
  return found ? { line: found.line, source: sourceName(found, lang) } : undefined;
}

function lineOf(text: string, index: number): string {
  const start = text.lastIndexOf("\n", index) + 1;
  const end = text.indexOf("\n", index);
  return text
    .slice(start, end < 0 ? undefined : end)
    .trim()
    .slice(0, 200);
}

function readKernel(texts: { text: string; source: string }[]): KernelFact | undefined {
  for (const { text, source } of texts) {
    const words = KERNEL_WORDS.exec(text);
    if (words) {
      const major = Number(words[1] ?? words[3]);
      const minorText = words[2] ?? words[4];
      return { major, ...(minorText !== "x" ? { minor: Number(minorText) } : {}), line: words[0], source };
    }
    const uname = UNAME.exec(text);
    if (uname) return { major: Number(uname[1]), minor: Number(uname[2]), line: uname[0], source };
  }
  for (const { text, source } of texts) {
    for (const [pattern, major, minor] of DISTRO_KERNELS) {
      const match = pattern.exec(text);
      if (match) return { major, minor, line: match[0], source };
    }
  }
  return undefined;
}

/** Reads the environment facts from the ticket, its outputs, the signals and the answers, with their sources in `lang`. Pure. */
export function readFacts(input: FactInput, signals: Signal[], lang: Lang = "en"): EnvironmentFacts {
  const words = WORDS[lang];
  const texts = [
    { text: input.description, source: words.description },
    ...input.outputs.map((o, i) => ({ text: linesWith(FACT_WORDS, `${o.command ?? ""}\n${o.text}`), source: words.output(i) })),
  ];
  const facts: EnvironmentFacts = {};
  const kernel = readKernel(texts);
  if (kernel) facts.kernel = kernel;
  for (const { text, source } of texts) {
    const absent = TW_RECYCLE_ABSENT.exec(text);
    if (absent) facts.twRecycleAbsent = { line: lineOf(text, absent.index), source };
  }
  const udpOrDns = firstSignal(signals, UDP_OR_DNS_SIGNALS, lang);
  if (udpOrDns) facts.udpOrDns = udpOrDns;
  const tcpWords = TCP_WORDS.exec(input.description);
  const tcp = tcpWords ? { line: tcpWords[0], source: words.description } : firstSignal(signals, TCP_SIGNALS, lang);
  if (tcp) facts.tcp = tcp;
  const shared = firstSignal(signals, SHARED_IP_SIGNALS, lang);
  if (shared) facts.sharedSourceIp = shared;
  const lb = firstSignal(signals, LB_SIGNALS, lang);
  if (lb) facts.loadBalancer = lb;
  const containers = firstSignal(signals, CONTAINER_SIGNALS, lang);
  if (containers) facts.containers = containers;

  for (const [questionId, value] of Object.entries(input.answers)) {
    const stated = ANSWER_FACTS[questionId]?.[value];
    if (!stated) continue;
    for (const [key, holds] of Object.entries(stated) as ["sharedSourceIp" | "loadBalancer" | "containers", boolean][]) {
      facts[key] = holds ? { line: words.answered(value), source: words.answer } : false;
    }
  }
  const kernelAnswer = input.answers["fact-kernel"];
  if (kernelAnswer === "before-4-12") facts.kernel = { major: 4, minor: 0, line: words.kernelBefore412, source: words.answer };
  if (kernelAnswer === "4-12-or-later") facts.kernel = { major: 4, minor: 12, line: words.kernel412OrLater, source: words.answer };
  return facts;
}

/** The lines of `text` on which `words` occur, in order. */
function linesWith(words: RegExp, text: string): string {
  const lines: string[] = [];
  const global = new RegExp(words.source, `${words.flags}g`);
  for (let match = global.exec(text); match; match = global.exec(text)) {
    const start = text.lastIndexOf("\n", match.index) + 1;
    const end = text.indexOf("\n", match.index);
    lines.push(text.slice(start, end < 0 ? undefined : end));
    global.lastIndex = end < 0 ? text.length : end + 1;
  }
  return lines.join("\n");
}
