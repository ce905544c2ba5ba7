/**
 * Fills a step's command template (`nc -vz <server-ip> <port>`) with what the ticket and its pasted
 * outputs already say: ports, addresses, host and domain names, URLs, interfaces, pods, namespaces
 * and process ids. Returns the command as segments so a page can show, edit and highlight each
 * placeholder, plus the filled string. Every pass is linear in the length of its input.
 */

export type FactKind = "port" | "ip" | "host" | "url" | "iface" | "pod" | "namespace" | "pid";

/** A value read from the ticket, with the words just before it (they tell a client from a server). */
export type Fact = { value: string; before: string; from: "ticket" | "output" };

export type TicketFacts = Record<FactKind, Fact[]>;

export type CommandSegment =
  | { kind: "text"; text: string }
  /** name: the placeholder without brackets ("server-ip"); value: undefined when nothing fills it. */
  | { kind: "placeholder"; name: string; value?: string; from?: Fact["from"] | "edited" };

export type FilledCommand = {
  segments: CommandSegment[];
  /** The command to copy: filled placeholders replaced, unfilled ones left as `<name>`. */
  command: string;
  /** Names of the placeholders nothing filled, each once, in order. */
  unfilled: string[];
};

/** Where the ticket's text came from: its description first, then each pasted output. */
export type TicketText = { description: string; outputs: readonly { text: string }[] };

const BEFORE_CHARS = 40;

// Every pattern below is anchored on a literal or a word boundary and has no nested quantifier.
const IPV4 = /\b(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}\b/g;
const URL_PATTERN = /\bhttps?:\/\/[^\s"'<>`)\]]+/g;
/** A run that may be a host name, checked against HOST_NAME on its own (a run is at most 253 characters). */
const NAME_RUN = /[a-z\d][a-z\d.-]{0,252}/gi;
const HOST_NAME = /^(?:[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?\.)+[a-z]{2,24}$/i;
const PORT_AFTER_WORD = /(?:\bports?|\bon|\bto|\btcp|\budp|端口)[\s:：/]{0,3}(\d{2,5})\b/gi;
const PORT_BEFORE_WORD = /\b(\d{2,5})(?:\/(?:tcp|udp)\b|\s?端口)/gi;
const PORT_AFTER_ADDRESS = /(?:\.\d{1,3}|[a-z\]])[:](\d{2,5})\b/gi;
const IFACE = /\b(?:eth\d+|ens\d+(?:f\d+)?|enp\d+s\d+(?:f\d+)?|eno\d+|bond\d+|docker0|cni0|virbr\d+|br-[\da-f]{6,16}|flannel\.\d+|tunl0|wlan\d+)\b/g;
const POD_NAMED = /(?:\bpods?\/|\bpods?[\s:：]{1,3}|容器组[\s:：]{0,3}|\bPod[\s:：]{1,3})([a-z\d][a-z\d.-]{0,252})/g;
const NAMESPACE_NAMED = /(?:\s-n\s|--namespace[=\s]|\bnamespace[\s:：=]{1,3}|命名空间[\s:：]{0,3})([a-z\d][a-z\d-]{0,62})/gi;
const PID_NAMED = /\bpid[=:\s](\d{1,7})\b/gi;

/** Words a port or host follows in prose that make it a unit or a count, not a port ("on 10 servers"). */
const NOT_A_PORT_AFTER =
  /^\s?(?:ms|s|sec|seconds?|minutes?|hours?|%|x|times|servers?|hosts?|nodes?|clients?|users?|requests?|connections?|pods?|mb|gb|kb|个|台|次|秒|毫秒)\b/i;
/** File names that look like host names (resolv.conf, error.log). */
const FILE_EXTENSIONS = [
  "conf|log|txt|json|ya?ml|go|py|js|ts|sh|so|pcap|cap|service|socket|d|sock|pid|tar|gz|zip",
  "md|mdx|html?|xml|ini|cfg|bak|out|err|key|crt|pem|local|internal|svc",
];
const FILE_SUFFIX = new RegExp(String.raw`\.(?:${FILE_EXTENSIONS.join("|")})$`, "i");
/** Kernel settings read like host names (net.core.somaxconn). */
const SETTING_PREFIX = /^(?:net|kernel|vm|fs|sys|dev|user|abi|debug|crypto)\./;
const NOT_A_HOST = new Set(["e.g", "i.e"]);

/** `text` without the trailing characters listed in `chars`. */
function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

function emptyFacts(): TicketFacts {
  return { port: [], ip: [], host: [], url: [], iface: [], pod: [], namespace: [], pid: [] };
}

function add(facts: TicketFacts, kind: FactKind, value: string, text: string, index: number, from: Fact["from"]): void {
  if (facts[kind].some((fact) => fact.value === value)) return;
  facts[kind].push({ value, before: text.slice(Math.max(0, index - BEFORE_CHARS), index).toLowerCase(), from });
}

function isPort(value: string): boolean {
  const port = Number(value);
  return port >= 1 && port <= 65535;
}

const isNameChar = (code: number) => (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 46 || code === 45;

/**
 * The NAME_RUN matches of a text that hold a dot (a host name needs one), in order. Runs never cross
 * a character outside NAME_RUN's class, so each stretch of such characters around a dot is read on
 * its own, and text without dots costs one search.
 */
function* dottedNameRuns(text: string): Generator<{ 0: string; index: number }> {
  for (let dot = text.indexOf("."); dot >= 0;) {
    let start = dot;
    while (start > 0 && isNameChar(text.charCodeAt(start - 1))) start -= 1;
    let end = dot + 1;
    while (end < text.length && isNameChar(text.charCodeAt(end))) end += 1;
    const segment = text.slice(start, end);
    const from = segment.search(/[a-z\d]/i);
    if (from >= 0 && segment.length - from <= 253) {
      // One run: the stretch from its first letter or digit (NAME_RUN takes up to 253 characters).
      if (segment.includes(".", from)) yield { 0: segment.slice(from), index: start + from };
    } else {
      for (const match of segment.matchAll(NAME_RUN)) if (match[0].includes(".")) yield { 0: match[0], index: start + match.index };
    }
    dot = text.indexOf(".", end);
  }
}

/** Reads one text into facts (in place). */
function readText(facts: TicketFacts, text: string, from: Fact["from"]): void {
  for (const match of text.matchAll(URL_PATTERN)) add(facts, "url", match[0].replace(/[.,;:]$/, ""), text, match.index, from);
  for (const match of text.matchAll(IPV4)) {
    if (text[match.index + match[0].length] === "." && /\d/.test(text[match.index + match[0].length + 1] ?? "")) continue;
    add(facts, "ip", match[0], text, match.index, from);
  }
  for (const match of dottedNameRuns(text)) {
    if (/[\w\\]/.test(text[match.index - 1] ?? "")) continue; // the run starts inside a word
    const name = trimEnd(match[0], ".-");
    if (!HOST_NAME.test(name)) continue;
    const host = name.toLowerCase();
    if (/^[\d.]+$/.test(host) || FILE_SUFFIX.test(host) || SETTING_PREFIX.test(host) || NOT_A_HOST.has(host)) continue;
    if (name !== host && name !== name.toUpperCase()) continue; // http.Client, os.Exit: code, not a name
    if (text[match.index - 1] === "/" && text[match.index - 2] !== "/") continue; // a path segment
    if (text[match.index - 1] === "@" || text[match.index + name.length] === "(") continue; // e-mail, function call
    add(facts, "host", host, text, match.index, from);
  }
  for (const pattern of [PORT_AFTER_WORD, PORT_BEFORE_WORD, PORT_AFTER_ADDRESS]) {
    for (const match of text.matchAll(pattern)) {
      const end = match.index + match[0].length;
      if (!isPort(match[1]) || NOT_A_PORT_AFTER.test(text.slice(end, end + 12))) continue;
      if (/^[.:]\d/.test(text.slice(end, end + 2))) continue; // part of an address or a time: "on 10.0.0.5", "at 14:30"
      add(facts, "port", match[1], text, match.index, from);
    }
  }
  for (const match of text.matchAll(IFACE)) add(facts, "iface", match[0], text, match.index, from);
  for (const match of text.matchAll(POD_NAMED)) add(facts, "pod", trimEnd(match[1], ".-"), text, match.index, from);
  for (const match of text.matchAll(NAMESPACE_NAMED)) add(facts, "namespace", match[1].toLowerCase(), text, match.index, from);
  for (const match of text.matchAll(PID_NAMED)) add(facts, "pid", match[1], text, match.index, from);
}

/** Everything fillable the ticket and its outputs name, the description's values first. */
export function readTicketFacts(ticket: TicketText): TicketFacts {
  const facts = emptyFacts();
  readText(facts, ticket.description, "ticket");
  for (const output of ticket.outputs) readText(facts, output.text, "output");
  return facts;
}

const PRIVATE_IP = /^(?:10\.|127\.|169\.254\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|100\.(?:6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.)/;
const CLIENT_WORDS = /client|from|source|src|user|customer|office|客户端|用户|来源|源/;
const SERVER_WORDS = /server|service|dest|dst|backend|upstream|api|target|to |服务|后端|目标|目的/;
const LB_HOST = /(?:^|[.-])(?:elb|alb|nlb|slb|clb|lb)[.-]|amazonaws|elb\./;

type Pick = (facts: TicketFacts) => Fact | undefined;

const first =
  (kind: FactKind, accept: (fact: Fact) => boolean = () => true): Pick =>
  (facts) =>
    facts[kind].find(accept);
/** The fact whose preceding words name the role, else one not named as the other role, else the first. */
const prefer =
  (kind: FactKind, words: RegExp, others: RegExp): Pick =>
  (facts) =>
    facts[kind].find((f) => words.test(f.before)) ?? facts[kind].find((f) => !others.test(f.before)) ?? facts[kind][0];
const either =
  (...picks: Pick[]): Pick =>
  (facts) =>
    picks.reduce<Fact | undefined>((found, pick) => found ?? pick(facts), undefined);

const firstPath: Pick = (facts) => {
  for (const url of facts.url) {
    const path = url.value.replace(/^https?:\/\/[^/?#]+\/?/, "");
    if (path) return { ...url, value: path };
  }
  return undefined;
};

const hostOfUrl: Pick = (facts) => {
  const url = facts.url[0];
  if (!url) return undefined;
  const rest = url.value.replace(/^https?:\/\//, "");
  const end = [...rest].findIndex((c) => "/:?#".includes(c));
  return { ...url, value: end === -1 ? rest : rest.slice(0, end) };
};

/** How each placeholder the step catalogue uses is filled; names not listed stay unfilled. */
const PLACEHOLDERS: Record<string, Pick> = {
  port: either(
    first("port", (f) => !/backend|后端|real server/.test(f.before)),
    first("port"),
  ),
  "backend-port": first("port", (f) => /backend|后端|real server|\brs\b/.test(f.before)),
  "server-ip": prefer("ip", SERVER_WORDS, CLIENT_WORDS),
  "service-ip": prefer("ip", SERVER_WORDS, CLIENT_WORDS),
  "peer-ip": prefer("ip", SERVER_WORDS, CLIENT_WORDS),
  "container-ip": first("ip", (f) => /container|pod|容器/.test(f.before)),
  "client-ip": first("ip", (f) => CLIENT_WORDS.test(f.before)),
  "client-public-ip": first("ip", (f) => CLIENT_WORDS.test(f.before) && !PRIVATE_IP.test(f.value)),
  "service-public-ip": either(
    first("ip", (f) => SERVER_WORDS.test(f.before) && !PRIVATE_IP.test(f.value)),
    first("ip", (f) => !CLIENT_WORDS.test(f.before) && !PRIVATE_IP.test(f.value)),
  ),
  ip: first("ip"),
  name: either(first("host"), hostOfUrl),
  host: either(first("host"), hostOfUrl),
  domain: either(first("host"), hostOfUrl),
  "service-name": either(
    first("host", (f) => !LB_HOST.test(f.value)),
    hostOfUrl,
    first("host"),
  ),
  "lb-dns-name": first("host", (f) => LB_HOST.test(f.value)),
  "upstream-name": first("host", (f) => /upstream|backend|后端|上游/.test(f.before)),
  url: first("url"),
  path: firstPath,
  iface: either(
    first("iface", (f) => !/^(?:docker0|cni0|virbr|br-|flannel|tunl)/.test(f.value)),
    first("iface"),
  ),
  uplink: first("iface", (f) => /^(?:eth|ens|enp|eno|bond|wlan)/.test(f.value)),
  bridge: first("iface", (f) => /^(?:docker0|cni0|virbr|br-)/.test(f.value)),
  pod: first("pod"),
  "envoy-pod": first("pod", (f) => /envoy|istio|ingress|gateway/.test(f.value)),
  namespace: first("namespace"),
  pid: first("pid"),
};

/** The placeholder names this module knows how to fill (for content checks and tests). */
export const FILLABLE_PLACEHOLDERS = Object.keys(PLACEHOLDERS);

const PLACEHOLDER = /<([a-z][a-z\d-]{0,40})>/g;

/**
 * Splits a template into text and placeholders and fills each from the facts; `edited` values (by
 * placeholder name) win over what was found. A repeated flag is removed first.
 */
export function fillCommand(template: string, facts: TicketFacts, edited: Readonly<Record<string, string>> = {}): FilledCommand {
  const source = addNamespace(removeRepeatedFlags(template), facts);
  const segments: CommandSegment[] = [];
  let last = 0;
  for (const match of source.matchAll(PLACEHOLDER)) {
    if (match.index > last) segments.push({ kind: "text", text: source.slice(last, match.index) });
    const name = match[1];
    const typed = edited[name]?.trim();
    const found = typed ? undefined : PLACEHOLDERS[name]?.(facts);
    if (typed) segments.push({ kind: "placeholder", name, value: typed, from: "edited" });
    else if (found) segments.push({ kind: "placeholder", name, value: found.value, from: found.from });
    else segments.push({ kind: "placeholder", name });
    last = match.index + match[0].length;
  }
  if (last < source.length) segments.push({ kind: "text", text: source.slice(last) });
  const unfilled = [...new Set(segments.flatMap((s) => (s.kind === "placeholder" && s.value === undefined ? [s.name] : [])))];
  const command = segments.map((s) => (s.kind === "text" ? s.text : (s.value ?? `<${s.name}>`))).join("");
  return { segments, command, unfilled };
}

/** A kubectl command without a namespace gets `-n <namespace>` when the ticket names one. */
function addNamespace(command: string, facts: TicketFacts): string {
  if (facts.namespace.length === 0 || /\s(?:-n|--namespace)[\s=]/.test(command)) return command;
  return command.replace(/\bkubectl (exec|logs|get|describe|debug|top)\b/g, "kubectl $1 -n <namespace>");
}

/** Reads the ticket and fills the template in one call. */
export function fillCommandFromTicket(template: string, ticket: TicketText, edited?: Readonly<Record<string, string>>): FilledCommand {
  return fillCommand(template, readTicketFacts(ticket), edited);
}

type Token = { start: number; end: number; text: string };

/** Splits a command line into shell words (quotes kept inside a word) and separators. */
function tokenize(command: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < command.length) {
    const c = command[i];
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    const start = i;
    if (c === ";" || c === "|" || c === "&") {
      while (i < command.length && (command[i] === ";" || command[i] === "|" || command[i] === "&")) i++;
    } else {
      let quote: string | undefined;
      while (i < command.length) {
        const ch = command[i];
        if (quote) {
          if (ch === quote) quote = undefined;
          else if (ch === "\\" && quote === '"') i++;
        } else if (ch === "'" || ch === '"') quote = ch;
        else if (ch === "\\") i++;
        else if (ch === " " || ch === "\t" || ch === ";" || ch === "|" || ch === "&") break;
        i++;
      }
    }
    tokens.push({ start, end: Math.min(i, command.length), text: command.slice(start, Math.min(i, command.length)) });
  }
  return tokens;
}

const SHORT_FLAGS = /^-[a-z]+$/i;
const LONG_FLAG = /^--[a-z][a-z\d-]*$/i;

/**
 * Drops a flag that repeats what an earlier flag of the same simple command already set
 * (`tcpdump -ni any -nn -c 200` keeps `-ni` and drops `-nn`). Only a flag followed by another flag
 * or the end of its command is dropped, so no flag loses its argument.
 */
export function removeRepeatedFlags(command: string): string {
  const tokens = tokenize(command);
  const drop = new Set<number>();
  let seenShort = new Set<string>();
  let seenLong = new Set<string>();
  tokens.forEach((token, index) => {
    if (/^[;|&]+$/.test(token.text) || token.text === "--") {
      seenShort = new Set();
      seenLong = new Set();
      return;
    }
    const next = tokens[index + 1]?.text;
    const takesNoArgument = next === undefined || next.startsWith("-") || /^[;|&]+$/.test(next);
    if (SHORT_FLAGS.test(token.text)) {
      const letters = [...token.text.slice(1)];
      if (takesNoArgument && letters.every((letter) => seenShort.has(letter))) drop.add(index);
      for (const letter of letters) seenShort.add(letter);
    } else if (LONG_FLAG.test(token.text)) {
      if (takesNoArgument && seenLong.has(token.text)) drop.add(index);
      seenLong.add(token.text);
    }
  });
  if (drop.size === 0) return command;
  let out = "";
  let cursor = 0;
  for (const index of [...drop].sort((a, b) => a - b)) {
    const token = tokens[index];
    const between = command.slice(cursor, token.start);
    out += command[token.end] === " " ? trimEnd(between, " \t") : between;
    cursor = token.end;
  }
  return out + command.slice(cursor);
}
