import { readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import type { EvidenceSource } from "@/lib/evidence/signal";
import { extractTextSignals } from "@/lib/evidence/text";

const source: EvidenceSource = { kind: "description" };
const extract = (text: string) => extractTextSignals(text, source);
const ids = (text: string) =>
  extract(text)
    .map((s) => s.id)
    .sort();
const find = (text: string, id: string) => extract(text).find((s) => s.id === id);

/** The "## Issue" section of a case file: the ticket as the customer wrote it. */
function issueOf(caseId: string): string {
  const text = readFileSync(join(process.cwd(), "content/cases", `${caseId}.mdx`), "utf8");
  const start = text.indexOf("## Issue");
  const end = text.indexOf("\n## ", start + 1);
  return text.slice(start + "## Issue".length, end);
}

describe("extractTextSignals", () => {
  it("reads the Issue sections of the case files", () => {
    const expected: Record<string, string[]> = {
      "alb-502-keepalive-race": ["text-5xx", "text-intermittent", "text-load-balancer"],
      "apiserver-connection-timeout-queues": ["text-after-scaling", "text-intermittent", "text-timeout"],
      "aws-china-mobile-line-inquiry": ["text-carrier"],
      "dns-rotate-ping-fails": ["text-dns", "text-tool-doubt"],
      "docker-pod-ip-conflict-rst": ["text-container", "text-intermittent", "text-kubernetes"],
      "elb-ip-refused-after-scale-down": ["text-dns", "text-load-balancer", "text-refused"],
      "firewall-blocks-udp53-dns": ["dns-timeout", "ping-ok", "text-dns", "text-timeout", "text-tool-doubt"],
      "go-http-timeout-fin-wait2": ["many-fin-wait2", "text-timeout"],
      "go-limitlistener-close-wait": ["many-close-wait", "text-reset", "text-tool-doubt"],
      "host-nic-unplugged-no-container-traffic": ["text-after-move", "text-container"],
      "iptables-sidecar-redirect-hijack": ["text-after-scaling", "text-burst", "text-wrong-response"],
      "k8s-dns-5s-conntrack-dnat-race": ["dns-slow-5s", "text-5s-delay", "text-dns", "text-intermittent", "text-kubernetes", "text-slow"],
      "k8s-lb-snat-conntrack-insert-failed": ["text-burst", "text-kubernetes", "text-load-balancer"],
      "kerberos-telnet-false-negative": ["text-tool-doubt"],
      "localhost-resolved-via-dns": ["text-dns", "text-wrong-response"],
      "mysql-tx-leak-close-wait": ["many-close-wait", "text-5xx"],
      "slb-vip-and-direct-rs-session-conflict": ["text-burst", "text-intermittent", "text-load-balancer", "text-some-clients"],
      "tengine-stale-elb-ips-after-scale-up": ["text-5xx", "text-after-scaling", "text-dns", "text-load-balancer"],
      "tianjin-users-elb-timeout": ["text-carrier", "text-load-balancer", "text-some-clients"],
      "vxlan-no-reply-underlay-drop": ["text-container", "text-cross-node-only", "text-overlay"],
    };
    for (const [caseId, signals] of Object.entries(expected)) {
      expect({ caseId, signals: ids(issueOf(caseId)) }).toEqual({ caseId, signals });
    }
  });

  it("quotes the sentence and line a signal came from", () => {
    const text = "Our API sits behind an ALB.\nSince Monday clients get 502 Bad Gateway from time to time. Nothing else changed.";
    const signal = find(text, "text-5xx");
    expect(signal).toMatchObject({ parser: "text", lineNumber: 2, line: "Since Monday clients get 502 Bad Gateway from time to time", source });
    expect(signal?.detail).toBe('the ticket says "Bad Gateway"');
    expect(find(text, "text-load-balancer")?.lineNumber).toBe(1);
  });

  it("reads error strings quoted in the ticket", () => {
    const text = [
      "Clients log `Connection refused` and sometimes `Connection timed out`.",
      "Others see `recv() failed: Connection reset by peer`.",
      "The proxy says: accept4() failed (24: Too many open files).",
      "curl: (7) Failed to connect: Cannot assign requested address.",
      "nginx error.log is full of 'no live upstreams while connecting to upstream'.",
    ].join("\n");
    expect(ids(text)).toEqual(
      [
        "cannot-assign-address",
        "conn-refused",
        "conn-reset",
        "conn-timeout",
        "text-intermittent",
        "text-load-balancer",
        "text-refused",
        "text-reset",
        "text-timeout",
        "too-many-open-files",
        "upstream-no-live",
      ].sort(),
    );
  });

  it("reads socket states only when they pile up", () => {
    expect(ids("The server holds lots of TIME_WAIT sockets.")).toEqual(["many-time-wait"]);
    expect(ids("服务端有大量 CLOSE_WAIT 连接")).toEqual(["many-close-wait"]);
    expect(ids("FIN_WAIT2 sockets keep growing on the client.")).toEqual(["many-fin-wait2"]);
    expect(ids("How do I avoid TIME_WAIT on the closing side?")).toEqual([]);
  });

  it("reads counters, socket counts and settings named in prose", () => {
    expect(ids("nstat TcpExtListenOverflows grows by a few hundred per second")).toEqual(["listen-overflows"]);
    expect(ids("No ListenOverflows at all.")).toEqual([]);
    expect(ids("conntrack -S shows insert_failed climbing")).toEqual(["conntrack-insert-failed"]);
    expect(ids("ss 看 SYN-RECV 状态的连接一直维持在 1024 左右")).toContain("many-syn-recv");
    expect(ids("One SYN_RECV socket is normal.")).toEqual([]);
    expect(ids("While it's stuck, ss -lnt shows Recv-Q 512 / Send-Q 511 on :3000")).toContain("accept-queue-full");
    expect(ids("ss -lnt shows Recv-Q 3 / Send-Q 511")).toEqual([]);
    expect(ids("nf_conntrack_count 是 65536")).toEqual(["conntrack-near-max"]);
    expect(ids("nf_conntrack_count is 48211")).toEqual([]);
    expect(ids("安全加固把 net.ipv4.tcp_syncookies 改成了 0")).toEqual(["syncookies-off"]);
    expect(ids("tcp_syncookies = 1")).toEqual([]);
    expect(ids("上周改了一批 sysctl（tcp_tw_reuse、tcp_tw_recycle、tcp_fin_timeout=10）")).toEqual(["text-tw-recycle"]);
  });

  it("reads how a process, a resolver or a client list keeps stale or wrong endpoints", () => {
    expect(ids("The JVM DNS cache never expires: -Dsun.net.inetaddr.ttl=-1 is set.")).toContain("text-dns-cached");
    expect(ids("日志里一直在连旧的那个 IP，重启后才好")).toContain("upstream-old-ip");
    expect(ids("/etc/resolv.conf is a regular file now and lists two nameservers we don't recognize")).toContain("text-resolver-config");
    expect(ids("bootstrap.servers still lists a decommissioned broker and a test cluster address")).toContain("text-endpoint-config");
    expect(ids("After the rollback, kubectl says the payments Service is not found")).toEqual(
      expect.arrayContaining(["text-after-scaling", "text-endpoint-missing"]),
    );
  });

  it("reads failure patterns that point at one cause", () => {
    expect(ids("About a third of new connections hang at connect.")).toContain("text-fraction-fails");
    expect(ids("一个单流只有 2 MB/s，开 4 个并发基本线性增长")).toContain("text-single-stream-capped");
    expect(ids("A single stream tops out at 17 Mbps while parallel streams add up.")).toContain("text-single-stream-capped");
    expect(ids("Someone set up a port forward on this host last year.")).toEqual(["text-port-forward"]);
    expect(ids("The login page does a redirect to SSO.")).toEqual([]);
    expect(ids("perf shows _raw_spin_lock and inet_csk_accept on top")).toEqual(["text-lock-contention"]);
    expect(ids("Security flagged bad TCP checksums in a capture taken on the host.")).toEqual(["text-offload"]);
    expect(ids("The CSV export blocks the event loop for 30 s.")).toContain("text-threads-pile-up");
    expect(ids("Pods are CPU throttled by their CFS quota.")).toContain("text-scheduler-resources");
    expect(ids("Lookups of the API name take 5 seconds now and then.")).toContain("dns-slow-5s");
    expect(ids("The connection times out after 5 s.")).not.toContain("dns-slow-5s");
    expect(ids("It drops off the network for tens of seconds.")).not.toContain("text-5s-delay");
    expect(ids("Kernel 4.19.0-25-amd64, nothing special.")).toEqual(["text-kernel-version"]);
    expect(ids("Since the kernel upgrade to 5.4 connects stall.")).toContain("text-kernel");
    expect(ids("Above 20000 almost every even port is taken.")).toContain("text-port-range");
    expect(ids("32 worker threads all call recvmmsg() on the same bound socket.")).toContain("text-lock-contention");
    expect(ids("Batch workers call the API through the NLB, and call the instance IPs directly for admin endpoints.")).toContain("text-direct-and-vip");
    expect(ids("top 里看到 ksoftirqd/0 和 ksoftirqd/1 一直 100%，其他核都很闲")).toContain("softirq-hot-cpu");
    expect(ids("The gateway keeps connections from devices that were offline for days; SO_KEEPALIVE is not set.")).toContain("text-dead-peers");
    expect(ids("The client gets a RST within 1 ms, yet the broker's capture never sees the SYN.")).toContain("text-rst-not-from-server");
    expect(ids("On the app server the MAC for the DB's IP keeps changing between two vendors.")).toContain("text-arp-changes");
    expect(ids("上海机房访问洛杉矶每天晚高峰丢包")).toEqual(expect.arrayContaining(["text-carrier"]));
    expect(ids("上海机房访问洛杉矶每天晚高峰丢包")).not.toContain("text-after-move");
    expect(ids("小的查询、小事务都没问题，一碰到大一点的 binlog event 就卡")).toContain("text-large-transfers");
    expect(ids("dmesg: NETDEV WATCHDOG: eth0 (mlx5_core): transmit queue 3 timed out")).not.toContain("text-threads-pile-up");
    expect(ids("源站的 304 响应头里带了 Content-Length: 5320")).toContain("text-http-204");
    expect(ids("内核从 4.18.0-305 升到 4.18.0-348 之后偶发 reset")).toContain("text-kernel");
    expect(ids("The batch job and the gateway were scheduled on the same node.")).toContain("text-scheduler-resources");
    expect(ids("大约一半的新连接建立失败")).toContain("text-fraction-fails");
    expect(ids("From other hosts port 8080 returns the Welcome to nginx page.")).toContain("text-wrong-response");
    expect(ids("CloudTrail shows the CNAME was deleted by the stack rollback.")).toContain("text-endpoint-missing");
    expect(ids("[FIRING] NodeNetworkReceiveDrops: interface ens5 is dropping received packets")).toContain("nic-rx-drops");
    expect(ids("The new AMI ships with irqbalance masked.")).toContain("rx-queue-imbalance");
    expect(ids("这台机器以前是 k8s 节点，后来 kubeadm reset 下线了")).toContain("text-leftover-rules");
    expect(ids("Turns out ping on these hosts is a wrapper script around the real binary.")).toContain("text-tool-wrapped");
  });

  it("reads tcp_tw_recycle only when it is stated as on", () => {
    expect(ids("net.ipv4.tcp_tw_recycle = 1 on the server")).toEqual(["tw-recycle-on"]);
    expect(ids("tcp_tw_recycle is enabled and clients sit behind a NAT gateway.")).toEqual(["text-nat", "tw-recycle-on"]);
    expect(ids("服务器开启了 tcp_tw_recycle")).toEqual(["tw-recycle-on"]);
    expect(ids("tcp_tw_recycle 已关闭")).toEqual([]);
    expect(ids("We set tcp_tw_recycle to 0.")).toEqual([]);
    expect(ids("tcp_tw_recycle is not enabled.")).toEqual([]);
  });

  it("reads musl and Alpine", () => {
    expect(ids("The image is based on Alpine.")).toEqual(["musl-libc"]);
    expect(ids("镜像用的是 musl")).toEqual(["musl-libc"]);
  });

  it("reads Chinese tickets", () => {
    expect(ids("K8s 集群里的 Pod 访问 CoreDNS 偶尔出现 5 秒延时，域名解析很慢。")).toEqual(
      ["dns-slow-5s", "text-5s-delay", "text-dns", "text-intermittent", "text-kubernetes", "text-slow"].sort(),
    );
    expect(ids("部分移动用户访问 SLB 后面的 nginx 经常超时，联通和电信用户正常。")).toEqual(
      ["text-carrier", "text-load-balancer", "text-some-clients", "text-timeout"].sort(),
    );
    expect(ids("压测时大量 TIME_WAIT，CPU 软中断很高，连接数上不去。")).toEqual(["many-time-wait", "text-burst", "text-conn-limit", "text-high-load"].sort());
    expect(ids("ping 通但是 telnet 端口不通，大包传输会卡住。")).toEqual(["ping-ok", "text-large-transfers", "text-slow", "text-tool-doubt"].sort());
    expect(ids("扩容后新节点上的容器通过 flannel vxlan 访问数据库，请求返回了错误的结果（串了）。")).toEqual(
      ["text-after-scaling", "text-container", "text-overlay", "text-wrong-response"].sort(),
    );
    expect(ids("机房搬迁后，服务器无法解析域名。")).toEqual(["text-after-move", "text-dns"].sort());
    expect(ids("UDP 服务吞吐上不去，长连接空闲一段时间后被重置。")).toEqual(["text-keepalive", "text-reset", "text-slow", "text-udp"].sort());
    expect(ids("出口IP 是共享的，跨VPC 访问 NodePort 时好时坏。")).toEqual(["text-intermittent", "text-kubernetes", "text-nat"].sort());
    expect(ids("海外用户反馈 ELB 返回 504。")).toEqual(["text-5xx", "text-carrier", "text-load-balancer"].sort());
  });

  it("reads how real reporters describe causes that show in words", () => {
    expect(ids("From inside the web-test pod itself, curling its own service IP does not work.")).toContain("text-hairpin");
    expect(ids("Pod 里访问自己的 Service 不通，别的 Pod 访问正常")).toContain("text-hairpin");
    expect(ids("The LB has a 60-second idle timeout and watches break around the one-minute mark.")).toContain("text-idle-timeout");
    expect(ids("空闲连接被 NAT 网关断开")).toContain("text-idle-timeout");
    expect(ids("Under load the UDP drop counter keeps rising.")).toContain("text-udp-loss");
    expect(ids("默认设置下 UDP 丢包很厉害")).toContain("text-udp-loss");
    expect(ids("We use UDP and TCP; no packet loss anywhere.")).not.toContain("text-udp-loss");
    expect(ids("The app registers the Docker bridge IP in Nacos instead of the host address.")).toContain("text-registered-wrong-address");
    expect(ids("机器上有多块网卡，注册上去的 IP 不对")).toContain("text-registered-wrong-address");
    expect(ids("After a week the process runs out of file descriptors.")).toContain("text-fd-exhausted");
    expect(ids("句柄泄漏，最后服务挂了")).toContain("text-fd-exhausted");
    expect(ids("The ARP entry for 10.0.0.5 keeps changing between two MACs.")).toContain("text-arp-changes");
    expect(ids("ARP 表里这个 IP 的 MAC 来回变")).toContain("text-arp-changes");
    expect(ids("After the restart two pods got the same IP address.")).toContain("text-ip-conflict");
    expect(ids("It only fails when the pods are on different nodes; on the same node it works.")).toContain("text-cross-node-only");
    expect(ids("跨节点的 Pod 互相访问不通，同节点正常")).toContain("text-cross-node-only");
    expect(ids("The /etc/hosts entry is ignored inside the container.")).toContain("text-hosts-ignored");
    expect(ids("容器里 hosts 文件配置不生效")).toContain("text-hosts-ignored");
    expect(ids("The capture shows the server retransmitting the SYN-ACK several times.")).toContain("text-synack-retransmits");
    expect(ids("抓包看到 SYN+ACK 一直重传")).toContain("text-synack-retransmits");
    expect(ids("ESTABLISHED connections keep growing until the server stops accepting.")).toContain("text-established-growing");
    expect(ids("Names resolve only with a trailing dot; ndots is 5 in the pod.")).toContain("text-search-domains");
    expect(ids("The server sees the SYN but never sends a SYN-ACK back.")).toContain("text-syn-seen-no-reply");
    expect(ids("服务器上能抓到 SYN 请求，但服务端没有回应")).toContain("text-syn-seen-no-reply");
    expect(ids("Every few minutes getaddrinfo returns the answer for a different name.")).toContain("text-answer-mismatch");
    expect(ids("域名解析结果串了，拿到了别的域名的 IP")).toContain("text-answer-mismatch");
    expect(ids("perf shows high sys CPU and connect() is slow once 30k connections are open.")).toContain("text-connect-syscall-slow");
    expect(ids("The SYN-ACK came back at once and the request completed.")).not.toContain("text-syn-seen-no-reply");
  });

  it("reads timing fingerprints, restarts that help, periods and what sits in the path", () => {
    expect(ids("curl fails: the connection timed out after 127 seconds")).toContain("text-connect-timeout-total");
    expect(ids("Windows 客户端连接 21 秒后超时")).toContain("text-connect-timeout-total");
    expect(ids("The report took 127 seconds to render.")).not.toContain("text-connect-timeout-total");
    expect(ids("Some connects take exactly 3 s, the rest are instant.")).toContain("text-connect-retry-delay");
    expect(ids("The API takes 3 s to render the page.")).not.toContain("text-connect-retry-delay");
    expect(ids("Restarting nginx fixes it for a day or two.")).toContain("text-restart-fixes");
    expect(ids("重启之后就好了，过几天又出现")).toEqual(expect.arrayContaining(["text-restart-fixes"]));
    expect(ids("重启之后就好了，过几天又出现")).not.toContain("text-after-move");
    expect(ids("机房搬迁后网络变慢")).toContain("text-after-move");
    expect(ids("It breaks exactly every 30 minutes.")).toContain("text-periodic");
    expect(ids("The servers use bond0 in active-backup mode.")).toContain("text-bond-failover");
    expect(ids("Since we added the VPN large uploads hang.")).toContain("text-new-path");
    expect(ids("慢慢地连接数涨上去了")).not.toContain("text-slow");
    expect(ids("We ran a benchmark of the new disks last week.")).not.toContain("text-burst");
  });

  it("does not emit negated mentions", () => {
    expect(ids("Connections fail with Connection refused. It is not a timeout.")).toEqual(["conn-refused", "text-refused"]);
    expect(ids("We see no 502 errors and no timeouts; the only problem is slowness.")).toEqual(["text-slow"]);
    expect(ids("没有超时，也不是 DNS 的问题，只是偶发 502。")).toEqual(["text-5xx", "text-intermittent"].sort());
    expect(ids("并非超时。")).toEqual([]);
    expect(ids("DNS was ruled out.")).toEqual([]);
    expect(ids("It is not intermittent: nothing gets through.")).toEqual([]);
    expect(ids("DNS 解析没问题。")).toEqual([]);
  });

  it("keeps symptoms that merely contain a negative word", () => {
    // 无法 is "unable to", 时不时 is "now and then", "does not resolve" is a DNS failure.
    expect(ids("时不时超时")).toEqual(["text-timeout"]);
    expect(ids("无法解析域名")).toEqual(["text-dns"]);
    expect(ids("The name does not resolve.")).toEqual(["text-dns"]);
  });

  it("does not read look-alike words as signals", () => {
    expect(ids("It wrote about 500 GB of logs a day.")).toEqual(["text-log-flood"]);
    expect(ids("Docker refuses to start because daemon.json is empty.")).toEqual(["text-container"]);
    expect(ids("The problem was resolved after we restarted the app.")).toEqual([]);
    expect(ids("On the host of the destination container nothing arrives.")).toEqual(["text-container"]);
    expect(ids("Latency is measured every 10 seconds.")).toEqual(["text-slow"]);
    expect(ids("The NIC reports no carrier.")).toEqual([]);
    expect(ids("Please help check the server configuration.")).toEqual([]);
  });

  it("reads English tickets with several symptoms", () => {
    const ticket = [
      "Since we scaled out the backend, users on China Unicom see resets (Connection reset by peer) during peak hours.",
      "Only this client is affected; ping works but large file downloads stall.",
      "The pods run on a Calico overlay and keep-alive is enabled.",
    ].join("\n");
    expect(ids(ticket)).toEqual(
      [
        "conn-reset",
        "ping-ok",
        "text-after-scaling",
        "text-burst",
        "text-carrier",
        "text-keepalive",
        "text-kubernetes",
        "text-large-transfers",
        "text-overlay",
        "text-reset",
        "text-slow",
        "text-some-clients",
      ].sort(),
    );
  });

  it("handles empty, huge and binary input", () => {
    expect(extract("")).toEqual([]);
    expect(extract("\u0000\u0001\u0002\r\n\r\n")).toEqual([]);
    const long = `${"x".repeat(10_000)} timeout`;
    expect(extract(long)).toEqual([]);
    expect(find(`first\r\nsecond line times out`, "text-timeout")?.lineNumber).toBe(2);
  });
});
