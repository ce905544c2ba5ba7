import { defineParser } from "../line-parser";
import { makeSignal, type EvidenceSource, type Signal } from "../signal";
import type { SignalId } from "../vocabulary";

const PARSER_ID = "iptables";

/** One rule, from `-S` / `iptables-save` ("-A CHAIN ... -j TARGET") or `-L` rows. */
type Rule = {
  chain: string;
  target: string;
  /** The rule's matches and target options, as printed. */
  text: string;
  /** Packet counter when the output has one (-L -v, iptables-save -c). */
  packets?: number;
  line: string;
  lineNumber: number;
};
type Policy = { chain: string; policy: string; line: string; lineNumber: number };

/** Chains kube-proxy, Docker and CNI plugins create for their normal work. */
const PLATFORM_CHAIN = /^(?:KUBE-|DOCKER|CNI-|cali-)/;
/** Standard DROPs of kube-proxy and Docker: marked-packet and isolation drops are not a finding. */
const STANDARD_DROP_CHAIN = /^(?:KUBE-FIREWALL|KUBE-MARK-DROP|DOCKER-ISOLATION)/;

const TARGETS = new Set([
  "ACCEPT",
  "DROP",
  "REJECT",
  "RETURN",
  "LOG",
  "NFLOG",
  "ULOG",
  "MARK",
  "CONNMARK",
  "MASQUERADE",
  "SNAT",
  "DNAT",
  "REDIRECT",
  "TPROXY",
  "NOTRACK",
  "CT",
  "TCPMSS",
  "QUEUE",
  "NFQUEUE",
  "TTL",
  "TOS",
  "DSCP",
  "CLASSIFY",
  "CHECKSUM",
  "SET",
  "AUDIT",
  "TRACE",
]);
const PROTOCOL = /^(?:all|tcp|udp|udplite|icmp|icmpv6|ipv6-icmp|sctp|esp|ah|gre|\d+)$/;
const OPT = /^(?:--|-f|!f)$/;

/** "12K" / "3M" counters of `iptables -L -v`. */
function readCounter(token: string): number | undefined {
  const match = /^(\d+)([KMGT]?)$/.exec(token);
  if (!match) return undefined;
  const scale = { "": 1, K: 1e3, M: 1e6, G: 1e9, T: 1e12 }[match[2]] ?? 1;
  return Number(match[1]) * scale;
}

// ---- reading the three formats ----------------------------------------------------------------

/** `-A CHAIN ... -j TARGET` (with an optional `[packets:bytes]` prefix from `iptables-save -c`). */
function readSpecRule(line: string, lineNumber: number): Rule | undefined {
  const match = /^(?:\[(\d+):\d+\]\s+)?-A (\S+)(?:\s+(\S.*))?$/.exec(line);
  if (!match) return undefined;
  const tokens = (match[3] ?? "").split(/\s+/);
  const jump = tokens.findIndex((token) => token === "-j" || token === "--jump" || token === "-g" || token === "--goto");
  if (jump < 0 || !tokens[jump + 1]) return undefined;
  return { chain: match[2], target: tokens[jump + 1], text: match[3] ?? "", packets: match[1] ? Number(match[1]) : undefined, line, lineNumber };
}

function readSpecPolicy(line: string, lineNumber: number): Policy | undefined {
  const match = /^-P (\S+) (\S+)$/.exec(line) ?? /^:(\S+) (\S+) \[\d+:\d+\]$/.exec(line);
  return match ? { chain: match[1], policy: match[2], line, lineNumber } : undefined;
}

/** Column layout of an `iptables -L` table, from its header row. */
type ListLayout = { target: number; packets?: number; verbose: boolean };

function readListHeader(line: string): ListLayout | undefined {
  const columns = line.split(/\s+/);
  const target = columns.indexOf("target");
  if (target < 0 || columns[target + 1] !== "prot" || columns[target + 2] !== "opt") return undefined;
  const packets = columns.indexOf("pkts");
  return { target, packets: packets >= 0 ? packets : undefined, verbose: columns.includes("in") };
}

function readListRow(line: string, lineNumber: number, chain: string, layout: ListLayout): Rule | undefined {
  const tokens = line.split(/\s+/);
  const target = tokens[layout.target];
  // A rule without a target leaves its column blank: the columns shift and no longer line up.
  if (!target || !PROTOCOL.test(tokens[layout.target + 1] ?? "") || !OPT.test(tokens[layout.target + 2] ?? "")) return undefined;
  if (readCounter(target) !== undefined) return undefined;
  const text = tokens.slice(layout.target + 1).join(" ");
  const packets = layout.packets === undefined ? undefined : readCounter(tokens[layout.packets]);
  return { chain, target, text, packets, line, lineNumber };
}

type Ruleset = { rules: Rule[]; policies: Policy[] };

/** Rules and policies of the three formats; inside a listed chain every line is read. */
class RulesetReader implements Ruleset {
  readonly rules: Rule[] = [];
  readonly policies: Policy[] = [];
  private listChain?: string;
  private layout?: ListLayout;

  read(rawLine: string, lineNumber: number): void {
    const line = rawLine.trim();
    if (line === "") {
      // A blank line ends a listed chain and is nothing else.
      this.listChain = undefined;
      return;
    }
    const spec = readSpecRule(line, lineNumber);
    if (spec) {
      this.rules.push(spec);
      return;
    }
    const policy = readSpecPolicy(line, lineNumber);
    if (policy) {
      this.policies.push(policy);
      return;
    }
    const chain = /^Chain (\S+) \((?:policy (\w+)|\d+ references)/.exec(line);
    if (chain) {
      this.listChain = chain[1];
      this.layout = undefined;
      if (chain[2]) this.policies.push({ chain: chain[1], policy: chain[2], line, lineNumber });
      return;
    }
    if (!this.listChain) return;
    this.layout = readListHeader(line) ?? this.layout;
    const row = this.layout && readListRow(line, lineNumber, this.listChain, this.layout);
    if (row) this.rules.push(row);
  }

  skip(rawLine: string, lineNumber: number): void {
    if (this.listChain) this.read(rawLine, lineNumber);
  }
}

// ---- judging the rules ------------------------------------------------------------------------

/** Chains that locally generated traffic passes through: OUTPUT and every chain it jumps to. */
function chainsReachedFrom(start: string, rules: Rule[]): Set<string> {
  const jumps = new Map<string, string[]>();
  for (const rule of rules) {
    if (TARGETS.has(rule.target)) continue;
    const targets = jumps.get(rule.chain);
    if (targets) targets.push(rule.target);
    else jumps.set(rule.chain, [rule.target]);
  }
  const reached = new Set([start]);
  const queue = [start];
  for (let chain = queue.pop(); chain !== undefined; chain = queue.pop()) {
    for (const next of jumps.get(chain) ?? []) {
      if (reached.has(next)) continue;
      reached.add(next);
      queue.push(next);
    }
  }
  return reached;
}

type Evidence = { line: string; lineNumber: number; packets?: number; detail: string };

function judgeRuleset({ rules, policies }: Ruleset): Map<SignalId, Evidence[]> {
  const findings = new Map<SignalId, Evidence[]>();
  const add = (id: SignalId, rule: Rule | Policy, detail: string) => {
    const evidence = { line: rule.line, lineNumber: rule.lineNumber, packets: "packets" in rule ? rule.packets : undefined, detail };
    const list = findings.get(id);
    if (list) list.push(evidence);
    else findings.set(id, [evidence]);
  };
  const fromOutput = chainsReachedFrom("OUTPUT", rules);

  for (const rule of rules) {
    const redirect = rule.target === "REDIRECT";
    // kube-proxy, Docker and CNI DNAT to service endpoints and published ports is normal.
    const foreignDnat = rule.target === "DNAT" && !PLATFORM_CHAIN.test(rule.chain);
    if (redirect || foreignDnat) {
      const local = fromOutput.has(rule.chain) ? "; it applies to connections made by this host (reached from OUTPUT)" : "";
      add("nat-redirect-rule", rule, `${rule.target} in chain ${rule.chain} rewrites the destination of matching traffic${local}`);
    }
    if (rule.target === "DROP" && !STANDARD_DROP_CHAIN.test(rule.chain)) add("filter-drop-rule", rule, `DROP rule in chain ${rule.chain}`);
    if (rule.target === "REJECT") {
      const rejectWith = /(?:--)?reject-with (\S+)/.exec(rule.text)?.[1] ?? "icmp-port-unreachable";
      add("filter-reject-rule", rule, `REJECT rule in chain ${rule.chain}, answering with ${rejectWith}`);
    }
    if ((rule.target === "MASQUERADE" || rule.target === "SNAT") && !rule.text.includes("random-fully")) {
      add(
        "masquerade-no-random-fully",
        rule,
        `${rule.target} in chain ${rule.chain} without --random-fully: concurrent connections can race for the same source port in conntrack`,
      );
    }
  }

  // Docker sets the FORWARD policy to DROP itself; only a DROP policy it did not set is a finding.
  const docker = rules.some((rule) => rule.chain.startsWith("DOCKER"));
  for (const policy of policies) {
    if (policy.policy !== "DROP" || (policy.chain === "FORWARD" && docker)) continue;
    add("filter-drop-rule", policy, `chain ${policy.chain} drops by default (policy DROP)`);
  }
  return findings;
}

function rulesetSignals(ruleset: Ruleset, source: EvidenceSource): Signal[] {
  if (ruleset.rules.length === 0 && ruleset.policies.length === 0) return [];
  return [...judgeRuleset(ruleset)].map(([id, evidence]) => {
    // Quote the rule that matched the most packets when counters are shown; else the first.
    evidence.sort((a, b) => a.lineNumber - b.lineNumber);
    const quoted = evidence.reduce((best, each) => ((each.packets ?? -1) > (best.packets ?? -1) ? each : best));
    const counter = quoted.packets === undefined ? "" : `; it matched ${quoted.packets} packets`;
    const more = evidence.length > 1 ? ` (${evidence.length} such rules)` : "";
    return makeSignal(id, PARSER_ID, quoted.line, quoted.lineNumber, source, { value: evidence.length, detail: `${quoted.detail}${counter}${more}` });
  });
}

/** Blank lines (which end a listed chain), -S and iptables-save rules and policies, and chain headers. */
const LINE_START = /^\s*(?:$|\[\d|-A |-P |:|Chain )/;

export const iptablesParser = defineParser({
  id: PARSER_ID,
  title: "iptables -S / iptables-save / iptables -L",
  produces: ["nat-redirect-rule", "filter-drop-rule", "filter-reject-rule", "masquerade-no-random-fully"],
  reads: { also: (line) => LINE_START.test(line) },
  reader(source) {
    const reader = new RulesetReader();
    return {
      read: (line, lineNumber) => reader.read(line, lineNumber),
      skip: (line, lineNumber) => reader.skip(line, lineNumber),
      finish: () => rulesetSignals(reader, source),
    };
  },
});
