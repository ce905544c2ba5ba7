// Small builders for search documents.
import type { SearchDocument } from "@/lib/search/documents";

export function searchDocument(overrides: Partial<SearchDocument> & { id: string }): SearchDocument {
  return {
    kind: "case",
    title: `Case ${overrides.id}`,
    titleZh: "案例",
    type: "problem",
    platform: ["linux"],
    layers: ["network"],
    causes: [],
    aliases: [],
    symptoms: ["something is wrong"],
    errorStrings: [],
    commands: [],
    tags: [],
    body: "",
    bodyZh: "",
    ...overrides,
  };
}

/** A handful of documents that differ in one telling detail each. */
export const SAMPLE_DOCUMENTS: SearchDocument[] = [
  searchDocument({
    id: "tw-recycle-nat",
    title: "SYNs dropped behind NAT: tcp_tw_recycle rejects old timestamps",
    titleZh: "NAT 后面 SYN 被丢弃：tcp_tw_recycle 按时间戳丢包",
    platform: ["linux", "kubernetes"],
    layers: ["transport", "kernel"],
    causes: ["tcp-tw-recycle-nat-timestamps"],
    errorStrings: ["passive connections rejected because of time stamp"],
    commands: ["netstat -s | grep -i listen"],
    body: "Clients behind one NAT address connect intermittently.\nsysctl net.ipv4.tcp_tw_recycle = 1",
  }),
  searchDocument({
    id: "conntrack-race",
    title: "DNS lookups take 5 seconds in pods: conntrack insert race",
    titleZh: "Pod 内 DNS 解析偶尔 5 秒延时：conntrack 插入冲突",
    platform: ["kubernetes"],
    layers: ["dns", "kernel"],
    causes: ["conntrack-insert-race"],
    errorStrings: ["insert_failed keeps increasing"],
    commands: ["conntrack -S"],
    body: "A and AAAA queries leave from the same socket.\ncpu=0 found=0 invalid=0 insert=0 insert_failed=1234 drop=1234",
  }),
  searchDocument({
    id: "somaxconn-queue",
    title: "Connection timeouts at low load: accept queue overflow",
    titleZh: "低负载下连接超时：全连接队列溢出",
    platform: ["linux"],
    layers: ["transport"],
    causes: ["accept-queue-overflow"],
    body: "net.core.somaxconn = 128\n1234 times the listen queue of a socket overflowed",
    type: "problem",
  }),
  searchDocument({
    id: "accept-queue-overflow",
    kind: "cause",
    type: null,
    title: "Accept queue overflow",
    titleZh: "全连接队列溢出",
    platform: [],
    layers: ["transport"],
    causes: ["accept-queue-overflow"],
    symptoms: ["The application accepts connections more slowly than they arrive."],
    errorStrings: ["times the listen queue of a socket overflowed"],
  }),
  searchDocument({
    id: "nagle-note",
    type: "technique",
    title: "Why TCP messages stick together",
    titleZh: "TCP 粘包与 Nagle 算法",
    layers: ["application"],
    body: "TCP is a byte stream; frame your messages.",
  }),
];
