/**
 * How ticket prose is read, in English and Chinese: phrase patterns, negation ("no timeouts",
 * "没有超时"), and the finders for observations that need more than a keyword. Signal definitions
 * (./signals) name these; the text extractor (./text) runs them.
 */

export type Match = { text: string; index: number };

/** Case-insensitive, global: `en` patterns also find Latin terms inside Chinese text. */
export const rx = (source: string) => new RegExp(source, "gi");

/** A pattern of several alternatives, written one per part so that long patterns stay readable. */
export const anyOf = (...alternatives: string[]) => rx(alternatives.join("|"));

/** Delays of 5 s (or 10 s): the resolver's retry timeout, said of anything. */
export const FIVE_SECOND_DELAY_EN = anyOf(
  String.raw`(?<!every |after |[\d.])\b(?:5|10)[ -]?(?:s|secs?|seconds?)\b|(?<!every )\b(?:five|ten)[ -](?:secs?|seconds?)\b`,
  String.raw`\b(?:5000|10000) ?ms\b|\bexactly (?:5|five|10|ten)\b`,
);
export const FIVE_SECOND_DELAY_ZH = rx(String.raw`(?<![\d.])(?:5|10)\s?(?:秒|s\b)|五秒|十秒`);

// ---- negation -----------------------------------------------------------------------------------

/** English cues within four words before a keyword: "not a timeout", "no 502", "never refused". */
export const EN_NEGATION = new Set([
  "not",
  "no",
  "never",
  "without",
  "isn't",
  "wasn't",
  "aren't",
  "weren't",
  "doesn't",
  "didn't",
  "don't",
  "hasn't",
  "haven't",
  "hadn't",
  "nor",
  "neither",
  "excluding",
  "except",
]);
/**
 * Chinese cues right before a keyword, optionally with a filler word: "没有超时", "没有出现超时",
 * "并非 DNS", "不慢". 无法 ("unable to"), 没响应 ("no response") and 时不时 ("now and then") are not.
 */
export const ZH_NEGATION = /(?:没有|没|并非|不是|并没有|未见|未发现|未出现|排除|无(?!法))\s*(?:(?:出现|发现|遇到|看到|任何|明显|再|过|有)\s*)?$|(?<!时)不\s*$/;
/** Where a negation stops applying. */
export const CLAUSE_BREAK = /[,;:()，；：]|\b(?:but|yet|while|although|however|whereas)\b|但|却/gi;

/** Negations that follow the keyword: "DNS was ruled out", "DNS 没问题". */
export const NEGATION_AFTER = /^[^,;:，；：]{0,20}?(?:\b(?:ruled out|excluded|(?:is|was) not the (?:cause|problem|issue))\b|没有?问题|已排除|排除了)/i;

export function isNegated(sentence: string, index: number, length: number): boolean {
  const before = sentence.slice(Math.max(0, index - 60), index);
  let clauseStart = 0;
  for (const match of before.matchAll(CLAUSE_BREAK)) clauseStart = (match.index ?? 0) + match[0].length;
  const clause = before.slice(clauseStart);
  if (ZH_NEGATION.test(clause) || /\brul(?:e|ed) out\b/i.test(clause)) return true;
  // Four words reach across a short list: "no packet loss or retransmissions".
  const words = clause
    .toLowerCase()
    .split(/[^a-z']+/)
    .filter(Boolean)
    .slice(-4);
  return words.some((word) => EN_NEGATION.has(word)) || NEGATION_AFTER.test(sentence.slice(index + length, index + length + 60));
}

/** The first match that is not negated. Patterns are global and shared, so lastIndex is reset here. */
export function firstAffirmed(sentence: string, pattern: RegExp): Match | undefined {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(sentence); match; match = pattern.exec(sentence)) {
    if (!isNegated(sentence, match.index, match[0].length)) return { text: match[0], index: match.index };
  }
  return undefined;
}

// ---- rules that need more than a keyword --------------------------------------------------------

export const STATUS_PHRASES = rx(String.raw`\b5xx\b|\bbad gateway\b|\bgateway time-?out\b|\bservice unavailable\b|\binternal server error\b|网关错误|网关超时`);
export const STATUS_NUMBER = /(?<![\d.])50[0-4](?:s\b)?(?![\d.])/g;
export const STATUS_CONTEXT = /error|status|code|response|return|http|alert|gateway|报错|错误|返回|状态码|告警/i;
/** A unit after the number makes it a quantity: "500 GB", "502ms", "504 个". */
export const QUANTITY_UNIT = /^\s?(?:[a-z%]|个|台|次|条|人|毫秒|秒|兆|万)/i;

/**
 * 500-504 count as HTTP statuses next to an HTTP word ("502 errors", "returned 500"), as "502s",
 * or, for the gateway codes 502 and 504, alone unless a unit follows.
 */
export function findHttp5xx(sentence: string): Match | undefined {
  const phrase = firstAffirmed(sentence, STATUS_PHRASES);
  if (phrase) return phrase;
  STATUS_NUMBER.lastIndex = 0;
  for (let match = STATUS_NUMBER.exec(sentence); match; match = STATUS_NUMBER.exec(sentence)) {
    const index = match.index;
    const end = index + match[0].length;
    const around = sentence.slice(Math.max(0, index - 25), end + 25);
    const gatewayCode = (match[0] === "502" || match[0] === "504") && !QUANTITY_UNIT.test(sentence.slice(end, end + 3));
    if ((match[0].endsWith("s") || gatewayCode || STATUS_CONTEXT.test(around)) && !isNegated(sentence, index, match[0].length)) {
      return { text: match[0], index };
    }
  }
  return undefined;
}

export const CARRIER_WORDS = anyOf(
  String.raw`\bChina (?:Mobile|Unicom|Telecom|Tietong)\b|\bCMCC\b|\bTietong\b|(?<!no )\bcarriers?\b(?! (?:lost|down|detect))|\bISPs?\b`,
  String.raw`\b(?:some|certain|specific|particular|other) (?:regions|provinces|countries|cities)\b|\boverseas\b|\babroad\b|\bAS ?\d{3,6}\b`,
  String.raw`\bbackbone\b|\bcross-border\b|\binternational (?:links?|egress|circuits?|transit)\b|\bevening peak\b`,
  String.raw`\bin (?:Ireland|Japan|Singapore|India|Germany|France|Brazil|Australia|Canada|Korea|Europe|the US|the UK|Hong Kong|Taiwan|Vietnam|Indones` +
    String.raw`ia|Malaysia|Thailand|Russia)\b`,
);
/** "users in Tianjin", "most of them in Fuzhou": a capitalised place after the affected people. */
export const CARRIER_PLACE = /\b(?:[Uu]sers?|[Cc]lients?|[Cc]ustomers?|them) (?:in|from) (?!The\b)[A-Z][a-z]{2,}/g;
export const CARRIER_ZH = rx(
  "中国(?:移动|联通|电信)|(?:移动|联通|电信|铁通)(?:用户|网络|宽带|线路|出口|运营商|4G|5G)|铁通|运营商|海外|国外|地区|省份|晚高峰|骨干|跨境|国际(?:出口|链路|专线)|AS\\s?\\d{3,}",
);

export function findCarrier(sentence: string): Match | undefined {
  return firstAffirmed(sentence, CARRIER_WORDS) ?? firstAffirmed(sentence, CARRIER_PLACE) ?? firstAffirmed(sentence, CARRIER_ZH);
}

export const TOOLS = /\b(?:ping|telnet|nc|ncat|netcat|curl|wget|nslookup|dig|browser|nmap|mtr|traceroute|redis-cli)\b|浏览器/gi;
export const CONTRAST = /\b(?:but|while|yet|whereas|however|although)\b|但|却|而/i;
export const TOOL_FAILS_BUT = anyOf(
  String.raw`(?:telnet|ping|nc|curl)\s?(?:不通|失败)[，,]?\s?但|\b(?:one|a) tool\b|\banother tool\b`,
  String.raw`\b(?:looks?|looked|seems?|seemed|is|was|are|were) (?:normal|fine|ok|okay|reachable)\b[^.]{0,60}\b(?:yet|but)\b[^.]{0,60}\b(?:telnet|ping` +
    String.raw`|nc|curl|nslookup|dig)\b`,
);

/** Two different tools in one sentence with a contrast: "ping works but nslookup fails". */
export function findToolDoubt(sentence: string): Match | undefined {
  const explicit = firstAffirmed(sentence, TOOL_FAILS_BUT);
  if (explicit) return explicit;
  if (!CONTRAST.test(sentence)) return undefined;
  const tools = new Map<string, number>();
  for (const match of sentence.matchAll(TOOLS)) tools.set(match[0].toLowerCase(), tools.get(match[0].toLowerCase()) ?? match.index ?? 0);
  if (tools.size < 2) return undefined;
  const [first] = [...tools];
  return { text: [...tools.keys()].join(" / "), index: first[1] };
}

export const CLOSE_WAIT = rx(String.raw`\bCLOSE[_-]?WAIT\b|\bclose wait\b`);
export const FIN_WAIT2 = rx(String.raw`\bFIN[_-]?WAIT[_-]?2\b|\bfin wait 2\b`);
export const TIME_WAIT = rx(String.raw`\bTIME[_-]?WAIT\b|\btime wait\b`);
export const PILE_UP = new RegExp(
  [
    String.raw`\b(?:many|lots of|a lot of|large number of|huge number of|thousands of|hundreds of|too many|almost all|most of)\b`,
    String.raw`\b(?:pile[sd]? up|piling up|accumulat\w*|builds? up|building up|keeps? growing|growing)\b`,
    "大量|很多|堆积|过多|积压|暴涨|激增|上万|几千",
  ].join("|"),
  "i",
);

/** Three digits or more: a count of sockets ("3000 CLOSE_WAIT", "SYN-RECV 维持在 1024"). */
export const LARGE_COUNT = /(?<![\d.:])\d{3,}(?![\d.:])/;

/** A socket state mentioned together with a quantity: "many CLOSE_WAIT", "大量 TIME_WAIT", "1024 in SYN_RECV". */
export function findPileUp(sentence: string, state: RegExp): Match | undefined {
  const match = firstAffirmed(sentence, state);
  if (!match) return undefined;
  const near = sentence.slice(Math.max(0, match.index - 40), match.index + match.text.length + 40);
  return PILE_UP.test(sentence) || LARGE_COUNT.test(near) ? match : undefined;
}

export const TW_RECYCLE = /tcp_tw_recycle|tw_recycle/i;
export const ON = anyOf(
  String.raw`=\s*1\b|\bto 1\b|改(?:成|为)了?\s?1\b|\b(?:is|was|are|were|set|turned|switched|left) on\b|\benabl(?:e|ed|ing)\b|\bset to 1\b|开启|打开|启用`,
  String.raw`设置为\s?1|设为\s?1`,
);
export const OFF = /=\s*0\b|\bto 0\b|改(?:成|为)了?\s?0\b|\b(?:off|disabled?|turned off|set to 0)\b|关闭|关掉|禁用|设置为\s?0|设为\s?0/i;

/** tcp_tw_recycle stated as on, in the clause that names it. */
export function findTwRecycleOn(sentence: string): Match | undefined {
  for (const clause of sentence.split(/[,;，；]/)) {
    if (!TW_RECYCLE.test(clause) || OFF.test(clause)) continue;
    const on = firstAffirmed(clause, ON);
    if (on) return { text: clause.trim(), index: sentence.indexOf(clause) };
  }
  return undefined;
}

export const SYN_RECV = rx(String.raw`\bSYN[_-]?RECV\b|\bSYN[_-]?RECEIVED\b|\bsyn recv\b`);

export const DNS_WORDS = rx(String.raw`\bDNS\b|\bresolv\w*|\blookups?\b|\bnslookup\b|\bdig\b|\bgetaddrinfo\b|\bCoreDNS\b|\bkube-dns\b|解析|域名`);

/** A delay of 5 (or 10) seconds said of name resolution, in one sentence: the resolver's retry timeout. */
export function findDnsDelay(sentence: string): Match | undefined {
  const match = firstAffirmed(sentence, FIVE_SECOND_DELAY_EN) ?? firstAffirmed(sentence, FIVE_SECOND_DELAY_ZH);
  return match && firstAffirmed(sentence, DNS_WORDS) ? match : undefined;
}

/** A settings clause: the sysctl named, with its value stated as `state` (ON or OFF). */
export function findSetting(sentence: string, name: RegExp, state: RegExp): Match | undefined {
  for (const clause of sentence.split(/[,;，；、（）()]/)) {
    if (!name.test(clause)) continue;
    const match = firstAffirmed(clause, state);
    if (match) return { text: clause.trim(), index: sentence.indexOf(clause) };
  }
  return undefined;
}

export const NEGATED_CLAUSE = /\b(?:not|never|no)\b|n't\b|没|未|不/i;

/** tcp_tw_recycle named (in a list of tuned sysctls, say) without a value saying it is off. */
export function findTwRecycleNamed(sentence: string): Match | undefined {
  if (findTwRecycleOn(sentence)) return undefined;
  const clauses = sentence.split(/[,;，；]/);
  const clause = clauses.find((c) => TW_RECYCLE.test(c) && !OFF.test(c) && !NEGATED_CLAUSE.test(c));
  if (!clause) return undefined;
  const index = sentence.indexOf(clause);
  return isNegated(sentence, index + clause.search(TW_RECYCLE), 14) ? undefined : { text: clause.trim(), index };
}

/** "Recv-Q 129 / Send-Q 128" in prose: a listener's accept queue at its backlog. */
export const RECV_SEND = /\bRecv-Q\D{0,6}(\d{1,7})\D{0,12}?Send-Q\D{0,6}(\d{1,7})/i;
export function findQueueAtBacklog(sentence: string): Match | undefined {
  const match = RECV_SEND.exec(sentence);
  if (!match) return undefined;
  const [recv, send] = [Number(match[1]), Number(match[2])];
  return send > 0 && recv >= send ? { text: match[0], index: match.index } : undefined;
}

/** nf_conntrack_count at a power of two (the usual nf_conntrack_max values): pinned at the limit. */
export const CONNTRACK_COUNT = /\b(?:nf_)?conntrack_count\b\D{0,30}?(\d{4,9})\b/i;
export function findConntrackPinned(sentence: string): Match | undefined {
  const match = CONNTRACK_COUNT.exec(sentence);
  if (!match) return undefined;
  const count = Number(match[1]);
  return count >= 16384 && (count & (count - 1)) === 0 ? { text: match[0], index: match.index } : undefined;
}

const UDP_WORD = /\bUDP\b|\bdatagrams?\b|\bsyslog\b|\bstatsd\b|\bcollectd\b|\bDNS queries\b/i;
const LOSS_WORD = rx(String.raw`\b(?:drop(?:s|ped|ping)?|los[st]|losing|loss|missing|gaps?|holes?|discard\w*)\b|丢包|丢失|丢弃|丢了`);

/** UDP named with a loss in one sentence: "UDP packets are dropped", "UDP 丢包很厉害". */
export function findUdpLoss(sentence: string): Match | undefined {
  if (!UDP_WORD.test(sentence)) return undefined;
  return firstAffirmed(sentence, LOSS_WORD);
}

const CONNECT_WORDS = /\bconnect\w*|\bhandshake\b|\bSYN\b|\btim(?:e|ed|es)[ -]?out\b|连接|握手|超时/i;
const SECONDS = String.raw`(?:\s?(?:s|secs?|seconds?)\b|\s?秒)`;
/** SYN-retry totals: Windows gives up after 21 s; Linux after 63 s (5 retries) or 127-130 s (6); BSD and macOS after 75 s. */
const RETRY_TOTAL = rx(String.raw`(?<![\d.])(?:21|63|75|127|130)(?:\.\d+)?${SECONDS}`);
/** The first SYN retransmission steps (1 s, then 3 s and 7 s in total) seen as a connect's duration. */
const RETRY_STEP = rx(String.raw`(?<![\d.])(?:1|3|7)(?:\.0\d?)?${SECONDS}|(?<![\d.])(?:1000|3000|7000) ?ms\b`);

/** "the connection times out after 127 s", "连接 21 秒后超时": a connect that was never answered. */
export function findConnectTimeoutTotal(sentence: string): Match | undefined {
  return CONNECT_WORDS.test(sentence) && /connect|SYN|连接|握手/i.test(sentence) ? firstAffirmed(sentence, RETRY_TOTAL) : undefined;
}

/** "some connects take exactly 3 s", "建连偶尔要 1 秒": a first SYN lost and a retransmission answered. */
export function findConnectRetryDelay(sentence: string): Match | undefined {
  if (!/\bconnect\w*|\bhandshake\b|\bSYN\b|建连|建立连接|握手/i.test(sentence)) return undefined;
  return firstAffirmed(sentence, RETRY_STEP);
}

/** "Restarting it fixes it for a while", "重启后就好了". */
export const RESTART_FIXES_EN = anyOf(
  String.raw`\b(?:restart\w*|reboot\w*|bounc\w+|recycl\w+)\b[^.]{0,40}?\b(?:fix(?:es|ed)?|solv(?:es|ed)|resolv(?:es|ed)|helps?|helped|clears?|cleared` +
    String.raw`|(?:makes?|made) it (?:go away|work))\b`,
  String.raw`\b(?:goes away|went away|recovers?|recovered|works? again|worked again|fine again|back to normal)\b[^.]{0,30}?\b(?:after|on|with|until) ` +
    String.raw`(?:a |the |we )?(?:restart|reboot)\w*`,
  String.raw`\buntil (?:we|I|they|someone) restart\w*`,
);
export const RESTART_FIXES_ZH = rx(String.raw`重启(?:一下|后|之后|了)?[^。]{0,10}?(?:就)?(?:好了|恢复|正常|解决)|重启(?:能|可以)(?:暂时)?(?:解决|恢复)`);

const AFTER_MOVE_EN = anyOf(
  String.raw`\breboot(?:ed|s|ing)?\b`,
  String.raw`\b(?:after|since) (?:a |the )?(?:restart|reboot|move|migration|relocation|maintenance|power (?:cut|outage|failure))\b`,
  String.raw`\b(?:was|were|been|got) moved\b|\bmoved (?:to|from)\b|\b(?:new|another|different) (?:data ?cent(?:er|re)|DC|rack|site|switch)\b`,
  String.raw`\bhardware (?:change|replacement|swap|failure)\b|\bwas repaired\b|\b(?:after|since) [\w' ]{0,30}?\bmaintenance\b`,
  String.raw`\bmaintenance window\b`,
);
const AFTER_MOVE_ZH = rx(
  "搬迁|迁移后|重启后|重启之后|(?:换|搬)了?机房|机房(?:搬迁|迁移|割接)|更换(?:硬件|网卡|交换机|服务器)|硬件(?:更换|故障)|断电|割接|维护后",
);

/** A move, reboot or hardware change the trouble started after, unless the sentence says a restart fixed it. */
export function findAfterMove(sentence: string): Match | undefined {
  if (firstAffirmed(sentence, RESTART_FIXES_EN) || firstAffirmed(sentence, RESTART_FIXES_ZH)) return undefined;
  return firstAffirmed(sentence, AFTER_MOVE_EN) ?? firstAffirmed(sentence, AFTER_MOVE_ZH);
}
