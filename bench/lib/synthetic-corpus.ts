import type { SearchDocument } from "../../lib/search/documents";

/** A generated case and the real case it was derived from. */
export type SyntheticCase = SearchDocument & { originId: string };

/** Deterministic 32-bit PRNG (mulberry32): the same seed always gives the same corpus. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Rewordings an engineer might use for the same thing; applied to about half of the occurrences.
const REWORDINGS: [RegExp, string[]][] = [
  [/\bintermittent(ly)?\b/gi, ["sporadic$1", "occasional$1"]],
  [/\bsometimes\b/gi, ["occasionally", "now and then", "from time to time"]],
  [/\bcannot\b/gi, ["can't", "is unable to"]],
  [/\bcustomer\b/gi, ["client", "user"]],
  [/\bserver\b/gi, ["host", "machine"]],
  [/\bmany\b/gi, ["lots of", "numerous"]],
  [/\bslow\b/gi, ["sluggish"]],
  [/\bshows?\b/gi, ["reveals", "displays"]],
  [/\bcheck\b/gi, ["verify", "inspect"]],
  [/\bproblem\b/gi, ["issue"]],
  [/\bfails\b/gi, ["breaks", "errors out"]],
  [/偶尔/g, ["偶发", "间歇性"]],
  [/无法/g, ["不能"]],
  [/客户/g, ["用户"]],
  [/服务器/g, ["主机"]],
];

const TITLE_PREFIXES = ["", "", "Ticket {n}: ", "[P2] ", "Again: ", "Follow-up: ", "Customer {n}: "];
const TITLE_ZH_PREFIXES = ["", "", "工单 {n}：", "复现：", "客户 {n}："];
const REGIONS = ["cn-north-1", "cn-northwest-1", "ap-east-1", "eu-west-1", "us-east-1"];

/**
 * Generates `size` cases from real ones: every real case, then copies with new ids, hosts, IP
 * addresses and numbers, reworded phrases, some lines, aliases, symptoms and tags dropped, and
 * now and then a few lines borrowed from another case. Deterministic for a given seed.
 */
export function generateSyntheticCorpus(real: SearchDocument[], size: number, seed = 1): SyntheticCase[] {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const corpus: SyntheticCase[] = real.slice(0, size).map((doc) => ({ ...doc, originId: doc.id }));
  for (let n = corpus.length; n < size; n++) {
    const origin = real[n % real.length];
    const ticket = String(10000 + Math.floor(random() * 90000));
    const vary = (text: string) => reword(varyNumbers(varyAddresses(text, random), random), random, pick);
    const keep = <T>(list: T[], share: number) => {
      const kept = list.filter(() => random() < share);
      return kept.length > 0 ? kept : list.slice(0, 1);
    };
    const borrowed =
      random() < 0.3
        ? pick(real)
            .body.split("\n")
            .filter(() => random() < 0.1)
            .slice(0, 4)
        : [];
    const host = `web-${Math.floor(random() * 900) + 100}.${pick(REGIONS)}.example.internal`;
    corpus.push({
      ...origin,
      id: `${origin.id}--t${ticket}-${n}`,
      originId: origin.id,
      title: pick(TITLE_PREFIXES).replace("{n}", ticket) + vary(origin.title),
      titleZh: pick(TITLE_ZH_PREFIXES).replace("{n}", ticket) + vary(origin.titleZh),
      aliases: keep(origin.aliases, 0.7).map(vary),
      symptoms: keep(origin.symptoms, 0.7).map(vary),
      errorStrings: origin.errorStrings.map((s) => varyAddresses(s, random)),
      commands: origin.commands,
      tags: keep(origin.tags, 0.7),
      body: [`Host: ${host}`, ...keep(origin.body.split("\n"), 0.75).map(vary), ...borrowed].join("\n"),
    });
  }
  return corpus;
}

const IPV4 = /\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b/g;

function varyAddresses(text: string, random: () => number): string {
  const octet = () => Math.floor(random() * 254) + 1;
  return text.replace(IPV4, (_, a: string) => `${a}.${octet()}.${octet()}.${octet()}`);
}

// Numbers of four or more digits (counters, ports above 1023, ids, byte counts) are scaled.
function varyNumbers(text: string, random: () => number): string {
  return text.replace(/\b\d{4,}\b/g, (digits) => String(Math.max(1000, Math.round(Number(digits) * (0.5 + random())))));
}

function reword(text: string, random: () => number, pick: <T>(list: readonly T[]) => T): string {
  let result = text;
  for (const [pattern, replacements] of REWORDINGS) {
    result = result.replace(pattern, (match, ...groups) => {
      if (random() < 0.5) return match;
      const group = typeof groups[0] === "string" ? groups[0] : "";
      return pick(replacements).replace("$1", group);
    });
  }
  return result;
}
