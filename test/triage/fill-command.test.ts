import { describe, expect, test } from "vitest";

import { fillCommandFromTicket, readTicketFacts, removeRepeatedFlags } from "@/lib/triage/fill-command";
import { loadTrees } from "@/lib/triage/load-trees";

const NAT_TICKET = {
  description:
    "Some clients behind the office NAT (203.0.113.7) cannot connect to our API on 443, SYN sent but no SYN-ACK; servers are Linux 4.x behind an ELB (api-prod-elb-123.cn-north-1.elb.amazonaws.com.cn), server 10.0.3.21.",
  outputs: [{ text: "Ip:\n    Forwarding: 1\nTcpExt:\n    1837 passive connections rejected because of time stamp\n" }],
};

const value = (template: string, ticket = NAT_TICKET) => fillCommandFromTicket(template, ticket);

describe("fillCommand", () => {
  test("fills the port and the server address the ticket names", () => {
    const filled = value("nc -vz -w 5 <server-ip> <port>; ping -c 3 <server-ip>");
    expect(filled.command).toBe("nc -vz -w 5 10.0.3.21 443; ping -c 3 10.0.3.21");
    expect(filled.unfilled).toEqual([]);
    expect(filled.segments).toContainEqual({ kind: "placeholder", name: "port", value: "443", from: "ticket" });
  });

  test("tells the client's public address from the server's", () => {
    expect(value("tcpdump -ni any -c 200 host <client-public-ip>").command).toBe("tcpdump -ni any -c 200 host 203.0.113.7");
    expect(value("mtr -rwz -c 100 <service-public-ip>").unfilled).toEqual(["service-public-ip"]);
  });

  test("picks the load balancer's name for <lb-dns-name>", () => {
    expect(value("dig +short <lb-dns-name>").command).toBe("dig +short api-prod-elb-123.cn-north-1.elb.amazonaws.com.cn");
  });

  test("leaves what the ticket does not say as a highlighted placeholder", () => {
    const filled = value("grep 'open files' /proc/<pid>/limits; ls /proc/<pid>/fd | wc -l");
    expect(filled.unfilled).toEqual(["pid"]);
    expect(filled.command).toBe("grep 'open files' /proc/<pid>/limits; ls /proc/<pid>/fd | wc -l");
    expect(filled.segments.filter((s) => s.kind === "placeholder")).toEqual([
      { kind: "placeholder", name: "pid" },
      { kind: "placeholder", name: "pid" },
    ]);
  });

  test("an edited value wins over the ticket's", () => {
    const filled = fillCommandFromTicket("ss -lnt '( sport = :<port> )'", NAT_TICKET, { port: "8443" });
    expect(filled.command).toBe("ss -lnt '( sport = :8443 )'");
    expect(filled.segments[1]).toEqual({ kind: "placeholder", name: "port", value: "8443", from: "edited" });
  });

  test("reads a Chinese ticket", () => {
    const ticket = {
      description:
        "客户端 116.23.4.5 访问服务器 172.16.0.13 的 8080 端口超时，网卡 eth1 上抓包看不到 SYN-ACK。域名 api.example.cn 解析正常。命名空间：payments，Pod：checkout-7d9f8-abcde",
      outputs: [],
    };
    expect(fillCommandFromTicket("nc -vz <server-ip> <port>", ticket).command).toBe("nc -vz 172.16.0.13 8080");
    expect(fillCommandFromTicket("tcpdump -ni <iface> host <client-ip>", ticket).command).toBe("tcpdump -ni eth1 host 116.23.4.5");
    expect(fillCommandFromTicket("nslookup <name>", ticket).command).toBe("nslookup api.example.cn");
    expect(fillCommandFromTicket("kubectl exec <pod> -- ip link show eth0", ticket).command).toBe(
      "kubectl exec -n payments checkout-7d9f8-abcde -- ip link show eth0",
    );
  });

  test("finds values in pasted outputs, after the ticket's own", () => {
    const ticket = {
      description: "nginx upstream errors",
      outputs: [{ text: 'LISTEN 0 511 0.0.0.0:8080 0.0.0.0:* users:(("nginx",pid=2301,fd=6))\n' }],
    };
    const filled = fillCommandFromTicket("ss -lnt '( sport = :<port> )'; grep 'open files' /proc/<pid>/limits", ticket);
    expect(filled.command).toBe("ss -lnt '( sport = :8080 )'; grep 'open files' /proc/2301/limits");
    expect(filled.segments).toContainEqual({ kind: "placeholder", name: "pid", value: "2301", from: "output" });
  });

  test("uses the URL's host and path", () => {
    const ticket = { description: "GET https://shop.example.com/api/v1/cart returns 502 through the ALB", outputs: [] };
    expect(fillCommandFromTicket("curl -sv <url>", ticket).command).toBe("curl -sv https://shop.example.com/api/v1/cart");
    expect(fillCommandFromTicket("curl http://<service-name>/<path>", ticket).command).toBe("curl http://shop.example.com/api/v1/cart");
  });
});

describe("readTicketFacts", () => {
  test("does not take counts, durations, times, settings or file names for ports and hosts", () => {
    const facts = readTicketFacts({
      description:
        "Timeouts on 10 servers since 14:30, about 30 ms each; see /etc/resolv.conf and net.core.somaxconn; the Go http.Client gives up. Connect to 10.0.0.5 fails.",
      outputs: [],
    });
    expect(facts.port.map((f) => f.value)).toEqual([]);
    expect(facts.host.map((f) => f.value)).toEqual([]);
    expect(facts.ip.map((f) => f.value)).toEqual(["10.0.0.5"]);
  });

  test("is linear: a 2 MB output is read quickly", () => {
    const line = 'tcp   ESTAB 0 0 10.1.2.3:443 198.51.100.4:51234 users:(("envoy",pid=77,fd=9)) eth0 pod/web-1 ';
    const big = line.repeat(Math.ceil(2_000_000 / line.length));
    const started = performance.now();
    readTicketFacts({ description: "x", outputs: [{ text: big }, { text: "a".repeat(1_000_000) }, { text: "1.".repeat(500_000) }] });
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe("removeRepeatedFlags", () => {
  test("drops a flag an earlier one already set", () => {
    expect(removeRepeatedFlags("tcpdump -ni any -nn -c 200 'host <client-ip> and (tcp port <port> or arp or icmp)'")).toBe(
      "tcpdump -ni any -c 200 'host <client-ip> and (tcp port <port> or arp or icmp)'",
    );
    expect(removeRepeatedFlags("curl -v --insecure --insecure -o /dev/null https://x")).toBe("curl -v --insecure -o /dev/null https://x");
  });

  test("keeps flags that take an argument, and repeats in another command of the line", () => {
    expect(removeRepeatedFlags("grep -e a -e b file")).toBe("grep -e a -e b file");
    expect(removeRepeatedFlags("netstat -s | egrep -i 'listen'; sleep 10; netstat -s | egrep -i 'listen'")).toBe(
      "netstat -s | egrep -i 'listen'; sleep 10; netstat -s | egrep -i 'listen'",
    );
    expect(removeRepeatedFlags("kubectl exec -it <pod> -- sh -c 'ls -l -l'")).toBe("kubectl exec -it <pod> -- sh -c 'ls -l -l'");
  });
});

describe("the step catalogue", () => {
  test("every placeholder of a NAT ticket's likely commands is filled or named", () => {
    const templates = loadTrees("content").flatMap((tree) => tree.nodes.flatMap((node) => (node.kind === "command" ? Object.values(node.command) : [])));
    expect(templates.length).toBeGreaterThan(20);
    for (const template of templates) {
      const filled = fillCommandFromTicket(template, NAT_TICKET);
      expect(filled.command).not.toMatch(/ -n{1,2} .* -n{1,2} /);
      for (const name of filled.unfilled) expect(filled.command).toContain(`<${name}>`);
    }
  });
});
