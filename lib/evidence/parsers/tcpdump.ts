import { countSuffix, Findings } from "../findings";
import { defineParser } from "../line-parser";
import { type EvidenceSource, type LineReader } from "../signal";
import type { SignalId } from "../vocabulary";

const PARSER_ID = "tcpdump";

/**
 * Thresholds.
 * - A packet printed twice within half a millisecond is one packet seen on two interfaces
 *   (`-i any` with bridges and veths), not a retransmission; SYN retransmits come 1 s apart (0.2 s
 *   leaves room for odd stacks), data retransmits at least an RTT after a triple dup ACK.
 * - Three duplicate ACKs is TCP's own fast-retransmit trigger (RFC 5681).
 * - Three unanswered ARP requests is what Linux sends before giving up on a neighbour.
 * - A window is judged "small" only during a bulk transfer: 20+ data segments toward the receiver.
 * - A one-way overlay needs 3+ encapsulated packets with none coming back.
 * - A and AAAA queries within 10 ms leave "together" (the resolver sends them back to back).
 */
const DUPLICATE_COPY_S = 0.0005;
const SYN_RETRANSMIT_MIN_GAP_S = 0.2;
const DUP_ACK_THRESHOLD = 3;
const ARP_UNANSWERED_MIN = 3;
const BULK_SEGMENTS = 20;
const MAX_UNSCALED_WINDOW = 65535;
const OVERLAY_ONE_WAY_MIN = 3;
const DNS_PAIR_WINDOW_S = 0.01;
/** ARP lines are short; longer lines are payload dumps or other logs. */
const MAX_ARP_LINE = 300;
/** UDP ports of VXLAN: IANA 4789 and the Linux/flannel default 8472. */
const OVERLAY_PORTS = new Set(["4789", "8472"]);

// ---- reading one line -------------------------------------------------------------------------

type Where = { line: string; lineNumber: number; time?: number };

type Segment = Where & {
  src: string;
  dst: string;
  flags: string;
  seq?: [number, number];
  ack?: number;
  win?: number;
  length: number;
  /** The TCP options text when printed ("mss 1460,sackOK,...,wscale 7"). */
  options?: string;
};

/** "12:00:00.123456" (default), "1700000000.123456" (-tt) or a -tttt date followed by the time. */
function readTime(line: string): number | undefined {
  let token = line.slice(0, line.indexOf(" ") >>> 0);
  if (/^\d{4}-\d{2}-\d{2}$/.test(token)) token = line.slice(11, line.indexOf(" ", 11) >>> 0);
  const clock = /^(\d{1,2}):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(token);
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  return /^\d{9,}\.\d+$/.test(token) ? Number(token) : undefined;
}

type Addressed = { src: string; dst: string; rest: string };

/** The "src > dst: rest" part; -e lines start with "mac > mac, ..." which is skipped. */
function findAddresses(line: string): Addressed | undefined {
  for (let arrow = line.indexOf(" > "); arrow > 0; arrow = line.indexOf(" > ", arrow + 3)) {
    const dstEnd = line.indexOf(" ", arrow + 3);
    const dst = line.slice(arrow + 3, dstEnd < 0 ? undefined : dstEnd);
    if (!dst.endsWith(":") || dst.length < 2) continue;
    const src = line.slice(line.lastIndexOf(" ", arrow - 1) + 1, arrow);
    return { src, dst: dst.slice(0, -1), rest: dstEnd < 0 ? "" : line.slice(dstEnd + 1).trimStart() };
  }
  return undefined;
}

/** "10.0.0.1.51234" → ["10.0.0.1", "51234"]; IPv6 "2001:db8::1.443" works the same way. */
function splitEndpoint(endpoint: string): [string, string] {
  const dot = endpoint.lastIndexOf(".");
  return dot < 0 ? [endpoint, ""] : [endpoint.slice(0, dot), endpoint.slice(dot + 1)];
}

/** The number after "key " in new-format fields ("win 229,"), found without a regex. */
function numberAfter(text: string, key: string): number | undefined {
  const at = text.indexOf(key);
  if (at < 0) return undefined;
  const value = Number.parseInt(text.slice(at + key.length, at + key.length + 12), 10);
  return Number.isNaN(value) ? undefined : value;
}

/** "seq 1:101," or "seq 1000,". */
function readSeq(text: string): [number, number] | undefined {
  const start = numberAfter(text, "seq ");
  if (start === undefined) return undefined;
  const at = text.indexOf("seq ") + 4 + String(start).length;
  const end = text[at] === ":" ? Number.parseInt(text.slice(at + 1, at + 13), 10) : start;
  return [start, Number.isNaN(end) ? start : end];
}

/** TCP, new format ("Flags [S.], seq 1:101, ack 1, win 229, length 100") or old ("S 1:1(0) ack 1 win 229"). */
function readSegment(where: Where, src: string, dst: string, rest: string): Segment | undefined {
  const { line, lineNumber, time } = where;
  if (rest.startsWith("Flags [")) {
    const close = rest.indexOf("]");
    if (close < 0) return undefined;
    const after = rest.slice(close + 1);
    return {
      line,
      lineNumber,
      time,
      src,
      dst,
      flags: rest.slice(7, close),
      seq: readSeq(after),
      ack: numberAfter(after, " ack "),
      win: numberAfter(after, " win "),
      length: numberAfter(after, " length ") ?? 0,
      options: readOptions(after),
    };
  }
  const old = /^([SFRPUEW.]+),?(?:\s|$)/.exec(rest);
  if (!old) return undefined;
  const after = rest.slice(old[0].length);
  const range = /(?:^|[\s,])(\d+):(\d+)\((\d+)\)/.exec(after);
  const ack = numberAfter(after, "ack ");
  return {
    line,
    lineNumber,
    time,
    src,
    dst,
    flags: old[1].replace(".", "") + (ack === undefined ? "" : "."),
    seq: range ? [Number(range[1]), Number(range[2])] : undefined,
    ack,
    win: numberAfter(after, "win "),
    length: range ? Number(range[3]) : 0,
    options: readOptions(after),
  };
}

/** "options [mss 1460,sackOK,...]" (or "<mss 1460,...>" in old tcpdump), found without backtracking. */
function readOptions(text: string): string | undefined {
  const modern = text.indexOf("options [");
  if (modern >= 0) {
    const end = text.indexOf("]", modern);
    return end < 0 ? undefined : text.slice(modern + "options [".length, end);
  }
  const open = text.indexOf("<");
  const close = open < 0 ? -1 : text.indexOf(">", open);
  const old = close < 0 ? "" : text.slice(open + 1, close);
  return old.includes("mss") ? old : undefined;
}

// ---- TCP connection tracking -------------------------------------------------------------------

type Side = {
  wscale?: number | null;
  maxWindow: number;
  /** The line that advertised maxWindow. */
  windowWhere?: Where;
  dataSegments: number;
  /** Data ranges already sent ("start:end") and when; created on the first data segment. */
  sent?: Map<string, number | undefined>;
  lastAck?: number;
  lastWin?: number;
  dupAcks: number;
  peerDataSinceAck: boolean;
};

type Conn = {
  client?: string;
  server?: string;
  syn?: { seq?: number; time?: number; count: number; where: Where };
  synAcked: boolean;
  /** Packets after the handshake (or any packet of a connection first seen mid-stream). */
  midStream: number;
  finFrom?: string;
  dataAfterFin: boolean;
  rstReported: boolean;
  sides: Map<string, Side>;
};

const newSide = (): Side => ({ maxWindow: 0, dataSegments: 0, dupAcks: 0, peerDataSinceAck: false });
const connKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const gapOk = (earlier: number | undefined, later: number | undefined, min: number) => earlier === undefined || later === undefined || later - earlier >= min;
const hostOf = (endpoint: string) => splitEndpoint(endpoint)[0];

class TcpTracker {
  private readonly conns = new Map<string, Conn>();
  /** Per server host, the line number of its latest SYN-ACK. */
  private readonly lastSynAckFrom = new Map<string, number>();

  constructor(private readonly findings: Findings) {}

  read(segment: Segment): void {
    const key = connKey(segment.src, segment.dst);
    let conn = this.conns.get(key);
    const isSyn = segment.flags.includes("S") && !segment.flags.includes(".");
    // A SYN with a new sequence number on a known tuple is a new connection reusing the port.
    if (!conn || (isSyn && conn.syn && segment.seq && conn.syn.seq !== undefined && segment.seq[0] !== conn.syn.seq)) {
      conn = { synAcked: false, midStream: 0, dataAfterFin: false, rstReported: false, sides: new Map() };
      this.conns.set(key, conn);
    }
    const side = this.side(conn, segment.src);
    const peer = this.side(conn, segment.dst);
    if (segment.flags.includes("S")) this.readHandshake(conn, segment, side, isSyn);
    else if (segment.flags.includes("R")) this.readReset(conn, segment);
    else {
      conn.midStream += 1;
      this.readFlow(conn, segment, side, peer);
    }
  }

  private side(conn: Conn, endpoint: string): Side {
    let side = conn.sides.get(endpoint);
    if (!side) {
      side = newSide();
      conn.sides.set(endpoint, side);
    }
    return side;
  }

  private readHandshake(conn: Conn, segment: Segment, side: Side, isSyn: boolean): void {
    if (segment.options !== undefined) {
      const wscale = /\bwscale (\d+)/.exec(segment.options);
      side.wscale = wscale ? Number(wscale[1]) : null;
      if (!wscale && segment.options.includes("mss")) {
        const which = isSyn ? "SYN" : "SYN-ACK";
        this.findings.add("no-wscale-in-syn", segment.line, segment.lineNumber, {
          detail: `a ${which} offers no window scaling (options [${segment.options}])`,
        });
        this.findings.add("small-window", segment.line, segment.lineNumber, {
          value: MAX_UNSCALED_WINDOW,
          detail: `without window scaling in the ${which}, the window cannot exceed 64 KB`,
        });
      }
    }
    if (!isSyn) {
      conn.synAcked = true;
      this.lastSynAckFrom.set(hostOf(segment.src), segment.lineNumber);
      return;
    }
    conn.client ??= segment.src;
    conn.server ??= segment.dst;
    const previous = conn.syn;
    if (!previous) {
      conn.syn = { seq: segment.seq?.[0], time: segment.time, count: 1, where: segment };
      return;
    }
    if (!gapOk(previous.time, segment.time, SYN_RETRANSMIT_MIN_GAP_S)) return;
    previous.count += 1;
    previous.time = segment.time;
    this.findings.add("syn-retransmit-same-port", segment.line, segment.lineNumber, {
      value: previous.count,
      detail: `the SYN from ${segment.src} to ${segment.dst} was sent ${previous.count} times`,
    });
  }

  private readReset(conn: Conn, segment: Segment): void {
    if (conn.rstReported) return;
    const fromServer = segment.src !== conn.client;
    if (conn.syn && !conn.synAcked && fromServer && conn.midStream === 0) {
      this.report(conn, "rst-to-syn", segment, `${segment.src} answered the SYN from ${segment.dst} with a reset`);
    } else if (conn.finFrom === segment.src && conn.dataAfterFin) {
      this.report(conn, "fin-then-request-rst", segment, `${segment.src} closed with FIN, ${segment.dst} still sent a request, and ${segment.src} reset it`);
    } else if (conn.midStream > 0 && conn.finFrom === undefined) {
      this.report(conn, "rst-mid-stream", segment, `${segment.src} reset an established connection with ${segment.dst}`);
    }
  }

  private report(conn: Conn, id: SignalId, segment: Segment, detail: string): void {
    conn.rstReported = true;
    this.findings.add(id, segment.line, segment.lineNumber, { detail });
  }

  private readFlow(conn: Conn, segment: Segment, side: Side, peer: Side): void {
    if (segment.flags.includes("F")) conn.finFrom ??= segment.src;
    if (segment.win !== undefined && (segment.win > side.maxWindow || !side.windowWhere)) {
      side.maxWindow = segment.win;
      side.windowWhere = segment;
    }
    if (segment.length > 0) {
      if (conn.finFrom !== undefined && conn.finFrom !== segment.src) conn.dataAfterFin = true;
      peer.dataSegments += 1;
      side.peerDataSinceAck = false;
      side.dupAcks = 0;
      peer.peerDataSinceAck = true;
      this.readData(segment, side);
    } else if (segment.flags === "." && segment.ack !== undefined) {
      this.readPureAck(segment, side);
    }
  }

  /** The same data range sent again (keepalive probes of 0-1 byte are left out). */
  private readData(segment: Segment, side: Side): void {
    if (!segment.seq || segment.length < 2) return;
    const range = `${segment.seq[0]}:${segment.seq[1]}`;
    side.sent ??= new Map();
    if (!side.sent.has(range)) {
      side.sent.set(range, segment.time);
      return;
    }
    if (!gapOk(side.sent.get(range), segment.time, DUPLICATE_COPY_S)) return;
    this.findings.add("tcp-retransmission-seen", segment.line, segment.lineNumber, { detail: `${segment.src} sent bytes ${range} again` });
  }

  /** Duplicate ACK: same ack and window, no data, with new data from the peer in between. */
  private readPureAck(segment: Segment, side: Side): void {
    if (segment.ack === side.lastAck && segment.win === side.lastWin && side.peerDataSinceAck) {
      side.dupAcks += 1;
      if (side.dupAcks >= DUP_ACK_THRESHOLD) {
        this.findings.add("dup-acks", segment.line, segment.lineNumber, {
          value: side.dupAcks,
          detail: `${segment.src} repeated ack ${segment.ack} ${side.dupAcks} times while data kept arriving`,
        });
      }
    } else if (segment.ack !== side.lastAck || segment.win !== side.lastWin) {
      side.dupAcks = 0;
    }
    side.lastAck = segment.ack;
    side.lastWin = segment.win;
    side.peerDataSinceAck = false;
  }

  finish(): void {
    let unanswered = 0;
    let first: Where | undefined;
    for (const conn of this.conns.values()) {
      this.judgeWindow(conn);
      if (!conn.syn || conn.synAcked || conn.rstReported || !conn.server) continue;
      // Unanswered, not just cut off by the end of the capture: retransmitted, or the server
      // answered later SYNs from others.
      const laterAnswer = (this.lastSynAckFrom.get(hostOf(conn.server)) ?? -1) > conn.syn.where.lineNumber;
      if (conn.syn.count < 2 && !laterAnswer) continue;
      unanswered += 1;
      first ??= conn.syn.where;
    }
    if (first) {
      this.findings.add("syn-no-synack", first.line, first.lineNumber, { value: unanswered, detail: `${unanswered} connection attempt(s) got no SYN-ACK` });
    }
  }

  /** During a bulk transfer, the receiver's effective window never exceeded 64 KB. */
  private judgeWindow(conn: Conn): void {
    const sides = [...conn.sides.values()];
    if (sides.some((side) => side.wscale === undefined)) return;
    const scaled = sides.every((side) => typeof side.wscale === "number");
    for (const [endpoint, side] of conn.sides) {
      if (side.dataSegments < BULK_SEGMENTS || !side.windowWhere) continue;
      const window = side.maxWindow * 2 ** (scaled ? (side.wscale ?? 0) : 0);
      if (window <= MAX_UNSCALED_WINDOW) {
        this.findings.add("small-window", side.windowWhere.line, side.windowWhere.lineNumber, {
          value: window,
          detail: `${endpoint} never advertised more than ${window} bytes while receiving ${side.dataSegments} data segments`,
        });
      }
    }
  }
}

// ---- ICMP, DNS, ARP, overlay ------------------------------------------------------------------

function readIcmp(rest: string, where: Where, findings: Findings): void {
  const add = (id: SignalId, detail: string, value?: number) => findings.add(id, where.line, where.lineNumber, { detail, value });
  const frag = /need to frag \(mtu (\d+)\)|packet too big, mtu (\d+)/.exec(rest);
  if (frag) return add("frag-needed", `a router asked for packets of at most ${frag[1] ?? frag[2]} bytes`, Number(frag[1] ?? frag[2]));
  if (/admin prohibited|unreachable prohibited/.test(rest))
    return add("icmp-admin-prohibited", "an ICMP 'administratively prohibited' answer: a firewall rejects the traffic");
  if (/\b(?:udp|tcp) port \S+ unreachable|unreachable port/.test(rest))
    return add("icmp-port-unreachable", "an ICMP port unreachable: nothing listens on that port");
  if (/\b(?:host|net) \S+ unreachable|unreachable (?:route|address)/.test(rest)) return add("icmp-host-unreachable", "an ICMP host/net unreachable");
}

type DnsQuery = { src: string; name: string; type: "A" | "AAAA"; id: string; time?: number; where: Where };

class DnsPairs {
  private readonly pending = new Map<string, DnsQuery>();
  private lastQuery: DnsQuery | undefined;

  constructor(private readonly findings: Findings) {}

  /** "12345+ [1au] A? example.com. (40)" sent to port 53. */
  read(src: string, dst: string, rest: string, where: Where): void {
    const match = /^(\d+)[+*%-]* (?:\[[^\]]*\] )?(A|AAAA)\? (\S+)/.exec(rest);
    if (!match) return;
    const query: DnsQuery = { src, name: match[3], type: match[2] as "A" | "AAAA", id: match[1], time: where.time, where };
    const key = `${src}>${dst}|${query.name}`;
    const partner = this.pending.get(`${key}|${query.type === "A" ? "AAAA" : "A"}`);
    const together =
      partner &&
      (partner.time !== undefined && query.time !== undefined ? Math.abs(query.time - partner.time) <= DNS_PAIR_WINDOW_S : this.lastQuery === partner);
    if (partner && together) {
      this.findings.add("dns-parallel-a-aaaa", where.line, where.lineNumber, { detail: `A and AAAA queries for ${query.name} left together from ${src}` });
      if (partner.id === query.id) {
        this.findings.add("dns-same-id-a-aaaa", where.line, where.lineNumber, { detail: `A and AAAA queries for ${query.name} both carry DNS id ${query.id}` });
      }
    }
    this.pending.set(`${key}|${query.type}`, query);
    this.lastQuery = query;
  }
}

class ArpWatch {
  private readonly requests = new Map<string, { count: number; where: Where }>();
  private readonly replies = new Map<string, Map<string, Where>>();

  read(line: string, where: Where): boolean {
    const request = /\bRequest who-has (\S+) (?:\([^)]{0,40}\) )?tell (\S+?),/.exec(line);
    if (request) {
      // Gratuitous ARP (who-has self) and probes (tell 0.0.0.0) expect no answer.
      if (request[1] !== request[2] && request[2] !== "0.0.0.0") {
        const seen = this.requests.get(request[1]);
        if (seen) seen.count += 1;
        else this.requests.set(request[1], { count: 1, where });
      }
      return true;
    }
    const reply = /\bReply (\S+) is-at ([0-9a-fA-F:]{17})/.exec(line);
    if (!reply) return false;
    const macs = this.replies.get(reply[1]) ?? new Map<string, Where>();
    if (!macs.has(reply[2].toLowerCase())) macs.set(reply[2].toLowerCase(), where);
    this.replies.set(reply[1], macs);
    return true;
  }

  finish(findings: Findings): void {
    for (const [ip, { count, where }] of this.requests) {
      if (count >= ARP_UNANSWERED_MIN && !this.replies.has(ip)) {
        findings.add("arp-no-reply", where.line, where.lineNumber, { value: count, detail: `${count} ARP requests for ${ip} got no reply` });
      }
    }
    for (const [ip, macs] of this.replies) {
      if (macs.size < 2) continue;
      const [, second] = [...macs.values()];
      findings.add("two-macs-one-ip", second.line, second.lineNumber, { value: macs.size, detail: `${ip} is-at ${[...macs.keys()].join(" and ")}` });
    }
  }
}

class OverlayWatch {
  private readonly sent = new Map<string, { count: number; where: Where }>();

  read(srcHost: string, dstHost: string, where: Where): void {
    const key = `${srcHost}>${dstHost}`;
    const seen = this.sent.get(key);
    if (seen) seen.count += 1;
    else this.sent.set(key, { count: 1, where });
  }

  finish(findings: Findings): void {
    for (const [key, { count, where }] of this.sent) {
      const [src, dst] = key.split(">");
      if (count >= OVERLAY_ONE_WAY_MIN && !this.sent.has(`${dst}>${src}`)) {
        findings.add("overlay-no-reply", where.line, where.lineNumber, { value: count, detail: `${count} VXLAN packets from ${src} to ${dst}, none back` });
      }
    }
  }
}

/** tshark / Wireshark one-line summaries carry their own analysis. */
function readWiresharkLine(line: string, where: Where, findings: Findings): boolean {
  if (/\[TCP (?:Fast )?Retransmission\]/.test(line)) {
    findings.add("tcp-retransmission-seen", line, where.lineNumber, { detail: "Wireshark marks a TCP retransmission" });
    return true;
  }
  const dupAck = /\[TCP Dup ACK \d+#(\d+)\]/.exec(line);
  if (dupAck) {
    if (Number(dupAck[1]) >= DUP_ACK_THRESHOLD)
      findings.add("dup-acks", line, where.lineNumber, { value: Number(dupAck[1]), detail: `Wireshark counts duplicate ACK #${dupAck[1]}` });
    return true;
  }
  if (line.includes("[TCP ZeroWindow]")) {
    findings.add("small-window", line, where.lineNumber, { value: 0, detail: "the receiver advertised a zero window" });
    return true;
  }
  return false;
}

/** No Ethernet frame carries more than a jumbo frame's 9216 bytes. */
const MAX_FRAME_PAYLOAD = 9216;

/**
 * A capture on the sending host sees segments before the NIC segments and checksums them (TSO/GSO,
 * checksum offload), and after GRO on receive: "incorrect" checksums and super-frames are the tool's view.
 */
function readOffloadArtifact(segment: Segment, rest: string, findings: Findings): void {
  if (segment.length > MAX_FRAME_PAYLOAD) {
    findings.add("capture-offload-artifact", segment.line, segment.lineNumber, {
      detail: `a ${segment.length}-byte segment, larger than any frame: TSO/GRO offload seen from the host`,
    });
  } else if (/\bcksum 0x[\da-f]+ \(incorrect -> /.test(rest)) {
    findings.add("capture-offload-artifact", segment.line, segment.lineNumber, {
      detail: 'an "incorrect" checksum on a captured segment: checksum offload fills it in after the capture point',
    });
  }
}

// ---- the parser -------------------------------------------------------------------------------

/** Packets, tshark's analysis, ARP and an empty capture; other lines only carry a time stamp. */
const WORDS = [" > ", "[tcp ", "who-has", "is-at", "packets captured"];
const MAY_HAVE_TIME = /^\s*\d/;

function tcpdumpReader(source: EvidenceSource): LineReader {
  const findings = new Findings(true);
  const tcp = new TcpTracker(findings);
  const dns = new DnsPairs(findings);
  const arp = new ArpWatch();
  const overlay = new OverlayWatch();
  let lastTime: number | undefined;

  // -v prints the IP header with the timestamp, then the TCP line indented below it.
  const skip = (rawLine: string) => {
    if (MAY_HAVE_TIME.test(rawLine)) lastTime = readTime(rawLine.trim()) ?? lastTime;
  };
  const read = (rawLine: string, lineNumber: number) => {
    const line = rawLine.trim();
    if (line === "") return;
    lastTime = readTime(line) ?? lastTime;
    const where: Where = { line, lineNumber, time: lastTime };
    if (readWiresharkLine(line, where, findings) || (line.length <= MAX_ARP_LINE && arp.read(line, where))) return;
    if (line === "0 packets captured")
      return findings.add("capture-empty", rawLine, lineNumber, {
        detail: "the capture saw no packet matching its filter: the traffic never reached this point",
      });
    const addressed = findAddresses(line);
    if (!addressed) return;
    const { src, dst, rest } = addressed;
    if (/^ICMP6?,? /.test(rest)) return readIcmp(rest, where, findings);
    const segment = readSegment(where, src, dst, rest);
    if (segment) {
      readOffloadArtifact(segment, rest, findings);
      return tcp.read(segment);
    }
    const [srcHost] = splitEndpoint(src);
    const [dstHost, dstPort] = splitEndpoint(dst);
    if (OVERLAY_PORTS.has(dstPort) || rest.startsWith("VXLAN")) return overlay.read(srcHost, dstHost, where);
    if (dstPort === "53" || dstPort === "domain") dns.read(src, dst, rest, where);
  };
  const finish = () => {
    tcp.finish();
    arp.finish(findings);
    overlay.finish(findings);
    return findings.toSignals(PARSER_ID, source, (id, hit) => `${hit.detail ?? id}${countSuffix(hit, "occurrences")}`);
  };
  return { read, skip, finish };
}

export const tcpdumpParser = defineParser({
  id: PARSER_ID,
  title: "tcpdump / tshark text",
  produces: [
    "syn-no-synack",
    "syn-retransmit-same-port",
    "rst-to-syn",
    "rst-mid-stream",
    "fin-then-request-rst",
    "icmp-admin-prohibited",
    "icmp-port-unreachable",
    "icmp-host-unreachable",
    "frag-needed",
    "tcp-retransmission-seen",
    "dup-acks",
    "no-wscale-in-syn",
    "small-window",
    "dns-parallel-a-aaaa",
    "dns-same-id-a-aaaa",
    "arp-no-reply",
    "two-macs-one-ip",
    "overlay-no-reply",
    "capture-offload-artifact",
    "capture-empty",
  ],
  reads: { words: WORDS },
  reader: tcpdumpReader,
});
