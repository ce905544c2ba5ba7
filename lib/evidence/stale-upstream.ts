import { splitLines } from "./lines";
import { makeSignal, type EvidenceSource, type Signal } from "./signal";

const IPV4 = String.raw`(?:\d{1,3}\.){3}\d{1,3}`;
/** The address a proxy used: nginx's `upstream: "http://10.0.0.5:80/..."`, HAProxy/Envoy `upstream_host` style fields. */
const MENTIONS_UPSTREAM = /upstream/i;
const PROXY_UPSTREAM = new RegExp(String.raw`\bupstream(?:_host|_addr)?(?::|=)\s*"?(?:[a-z]+://)?(${IPV4})`, "gi");
/** What DNS answers now: `dig +short` lines, dig answer records, nslookup "Address:" lines after the "Name:" line. */
const BARE_ADDRESS = new RegExp(String.raw`^\s*(${IPV4})\s*$`);
const ANSWER_RECORD = new RegExp(String.raw`^\S+\.?\s+\d+\s+IN\s+A\s+(${IPV4})\s*$`);
const NSLOOKUP_ADDRESS = new RegExp(String.raw`^Address(?:es)?:\s*(${IPV4})\s*$`);

/** Texts with their lines already bounded (boundLines). */
type Text = { text: string; source: EvidenceSource };

/**
 * A proxy still sending to addresses that the name no longer resolves to: every upstream address in
 * its log is missing from the DNS answers pasted with it. Needs both in the same ticket.
 */
export function findStaleUpstream(texts: Text[]): Signal[] {
  const used = new Map<string, { line: string; lineNumber: number; source: EvidenceSource }>();
  const answered = new Set<string>();
  for (const { text, source } of texts) {
    let afterName = false;
    splitLines(text).forEach((line, index) => {
      if (line.length === 0) return;
      if (MENTIONS_UPSTREAM.test(line)) {
        for (const match of line.matchAll(PROXY_UPSTREAM)) if (!used.has(match[1])) used.set(match[1], { line, lineNumber: index + 1, source });
      }
      if (/^Name:/.test(line.trim())) afterName = true;
      const answer = BARE_ADDRESS.exec(line) ?? ANSWER_RECORD.exec(line.trim()) ?? (afterName ? NSLOOKUP_ADDRESS.exec(line.trim()) : null);
      if (answer) answered.add(answer[1]);
    });
  }
  if (used.size === 0 || answered.size === 0 || [...used.keys()].some((address) => answered.has(address))) return [];
  const [address, first] = [...used][0];
  return [
    makeSignal("upstream-not-in-dns", "derived", first.line, first.lineNumber, first.source, {
      detail: `the proxy sends to ${address}, which is not among the addresses DNS returns now (${[...answered].slice(0, 4).join(", ")})`,
    }),
  ];
}
