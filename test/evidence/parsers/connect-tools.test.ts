import { describe, expect, it } from "vitest";

import { connectToolsParser } from "@/lib/evidence/parsers/connect-tools";
import type { EvidenceSource } from "@/lib/evidence/signal";

const source: EvidenceSource = { kind: "output", index: 1, command: "nc -vz" };
const parse = (text: string) => connectToolsParser.parse(text, source);
const ids = (text: string) =>
  parse(text)
    .map((s) => s.id)
    .sort();
const find = (text: string, id: string) => parse(text).find((s) => s.id === id);

describe("connectToolsParser", () => {
  it("reads Node.js connect errors by their errno", () => {
    expect(ids("Error: connect EADDRNOTAVAIL 10.30.1.50:443 - Local (0.0.0.0:0)")).toEqual(["cannot-assign-address"]);
    expect(ids("[ioredis] Unhandled error event: Error: connect ECONNREFUSED 127.0.0.1:26379")).toEqual(["conn-refused"]);
    expect(ids("Error: connect ETIMEDOUT 10.0.0.7:5432")).toEqual(["conn-timeout"]);
    expect(ids("Error: connect EHOSTUNREACH 10.0.0.9:22 - Local (10.0.0.5:51234)")).toEqual(["no-route-to-host"]);
  });

  it("reads telnet refused and connected (elb-ip-refused-after-scale-down)", () => {
    const text = [
      "ubuntu@ip-172-31-14-3:~$ telnet 172.1.51.93 80",
      "Trying 172.1.51.93...",
      "telnet: Unable to connect to remote host: Connection refused",
      "",
      "ubuntu@ip-172-31-14-3:~$ telnet 172.1.57.214 80",
      "Trying 172.1.57.214...",
      "Connected to 172.1.57.214.",
      "Escape character is '^]'.",
    ].join("\n");
    expect(ids(text)).toEqual(["conn-refused", "connect-ok"]);
    expect(find(text, "conn-refused")).toMatchObject({
      lineNumber: 3,
      line: "telnet: Unable to connect to remote host: Connection refused",
      parser: "connect-tools",
    });
    expect(find(text, "connect-ok")?.lineNumber).toBe(7);
  });

  it("reads an nc loop with successes and a timeout (redis-syn-dropped-idle-connections)", () => {
    const text = [
      '"58 2017-05-16 07:28:15 +0000 0.001321123"',
      "Connection to 172.31.9.182 6379 port [tcp/*] succeeded!",
      '"59 2017-05-16 07:28:18 +0000 0.001460173"',
      "nc: connect to 172.31.9.182 port 6379 (tcp) failed: Connection timed out",
      '"slow"',
      '"60 2017-05-16 07:30:28 +0000 127.335538117"',
      "Connection to 172.31.9.182 6379 port [tcp/*] succeeded!",
    ].join("\n");
    expect(ids(text)).toEqual(["conn-timeout", "connect-ok"]);
    expect(find(text, "connect-ok")?.value).toBe(2);
    expect(find(text, "conn-timeout")?.lineNumber).toBe(4);
  });

  it("understands the other nc flavours", () => {
    expect(ids("Connection to 10.0.0.1 port 80 [tcp/http] succeeded!")).toEqual(["connect-ok"]);
    expect(ids("nc: connectx to 10.0.0.1 port 80 (tcp) failed: Operation timed out")).toEqual(["conn-timeout"]);
    expect(ids("nc: connect to 10.0.0.1 port 80 (tcp) timed out: Operation now in progress")).toEqual(["conn-timeout"]);
    expect(ids("nc: connect to 10.0.0.1 port 80 (tcp) failed: No route to host")).toEqual(["no-route-to-host"]);
    expect(ids("web01 [10.0.0.1] 80 (http) open")).toEqual(["connect-ok"]);
    expect(ids("(UNKNOWN) [10.0.0.1] 80 (?) : Connection refused")).toEqual(["conn-refused"]);
    expect(ids("Ncat: Version 7.50 ( https://nmap.org/ncat )\nNcat: Connected to 10.0.0.1:80.")).toEqual(["connect-ok"]);
    expect(ids("Ncat: Connection refused.")).toEqual(["conn-refused"]);
    expect(ids("Ncat: TIMEOUT.")).toEqual(["conn-timeout"]);
    expect(ids("10.0.0.1 (10.0.0.1:80) open")).toEqual(["connect-ok"]);
    expect(ids("nc: 10.0.0.1 (10.0.0.1:80): Connection refused")).toEqual(["conn-refused"]);
  });

  it("reads redis-cli, mysql and application connect errors", () => {
    expect(ids("Could not connect to Redis at 10.0.0.7:6379: Connection refused")).toEqual(["conn-refused"]);
    expect(ids("Could not connect to Redis at 10.0.0.7:6379: Connection timed out")).toEqual(["conn-timeout"]);
    expect(ids("ERROR 2003 (HY000): Can't connect to MySQL server on '10.0.0.8' (110)")).toEqual(["conn-timeout"]);
    expect(ids('Get "http://localhost:8080": dial tcp [::1]:8080: connect: connection refused')).toEqual(["conn-refused"]);
    expect(ids("dial tcp 10.0.0.9:443: i/o timeout")).toEqual(["conn-timeout"]);
    expect(ids("dial tcp 10.0.0.9:443: connect: cannot assign requested address")).toEqual(["cannot-assign-address"]);
    expect(ids("Caused by: java.net.ConnectException: Connection refused (Connection refused)")).toEqual(["conn-refused"]);
    expect(ids("java.net.SocketTimeoutException: connect timed out")).toEqual(["conn-timeout"]);
    // A read timeout is not a connect failure.
    expect(ids("java.net.SocketTimeoutException: Read timed out")).toEqual([]);
  });

  it("detects large DF pings failing while small ones pass (vxlan-mtu-1350-db-timeout)", () => {
    const text = [
      "$ ping -c 2 10.10.1.5",
      "PING 10.10.1.5 (10.10.1.5) 56(84) bytes of data.",
      "64 bytes from 10.10.1.5: icmp_seq=1 ttl=64 time=0.412 ms",
      "64 bytes from 10.10.1.5: icmp_seq=2 ttl=64 time=0.388 ms",
      "",
      "--- 10.10.1.5 ping statistics ---",
      "2 packets transmitted, 2 received, 0% packet loss, time 1001ms",
      "$ ping -c 2 -s 1460 -M do 10.10.1.5",
      "PING 10.10.1.5 (10.10.1.5) 1460(1488) bytes of data.",
      "ping: local error: message too long, mtu=1350",
      "ping: local error: message too long, mtu=1350",
      "",
      "--- 10.10.1.5 ping statistics ---",
      "2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1000ms",
    ].join("\n");
    expect(ids(text)).toEqual(["frag-needed", "ping-large-fails", "ping-ok"]);
    expect(find(text, "ping-large-fails")).toMatchObject({ lineNumber: 10, value: 1460 });
    expect(find(text, "frag-needed")).toMatchObject({ value: 1350, lineNumber: 10 });
    expect(find(text, "ping-ok")?.value).toBe(2);
  });

  it("detects large pings that silently get no answer", () => {
    const text = [
      "PING 10.10.1.5 (10.10.1.5) 1472(1500) bytes of data.",
      "",
      "--- 10.10.1.5 ping statistics ---",
      "3 packets transmitted, 0 received, 100% packet loss, time 2041ms",
      "PING 10.10.1.5 (10.10.1.5) 56(84) bytes of data.",
      "64 bytes from 10.10.1.5: icmp_seq=1 ttl=64 time=0.4 ms",
    ].join("\n");
    expect(find(text, "ping-large-fails")).toMatchObject({ lineNumber: 4, value: 1472 });
  });

  it("does not call a failing ping 'large' when small pings fail too", () => {
    const text = [
      "PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.",
      "3 packets transmitted, 0 received, 100% packet loss, time 2041ms",
      "PING 10.0.0.1 (10.0.0.1) 1472(1500) bytes of data.",
      "3 packets transmitted, 0 received, 100% packet loss, time 2041ms",
    ].join("\n");
    expect(ids(text)).toEqual([]);
  });

  it("counts the replies of a quiet ping from its summary", () => {
    const text = [
      "PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.",
      "",
      "--- 10.0.0.1 ping statistics ---",
      "5 packets transmitted, 5 received, 0% packet loss, time 4005ms",
    ].join("\n");
    expect(find(text, "ping-ok")).toMatchObject({ lineNumber: 4, value: 5 });
    expect(ids("Packets: Sent = 4, Received = 4, Lost = 0 (0% loss),")).toEqual(["ping-ok"]);
    expect(ids("数据包: 已发送 = 4，已接收 = 0，丢失 = 4 (100% 丢失)，")).toEqual([]);
  });

  it("reads ICMP errors reported by ping", () => {
    expect(find("From 10.0.0.254 icmp_seq=1 Frag needed and DF set (mtu = 1350)", "frag-needed")?.value).toBe(1350);
    expect(ids("From 10.0.0.254 icmp_seq=1 Destination Host Prohibited")).toEqual(["icmp-admin-prohibited"]);
    expect(ids("From 10.0.0.254 icmp_seq=1 Packet filtered")).toEqual(["icmp-admin-prohibited"]);
    expect(ids("From 10.0.0.254 icmp_seq=1 Destination Host Unreachable")).toEqual(["no-route-to-host"]);
    expect(ids("ping: sendto: Message too long")).toEqual(["frag-needed"]);
  });

  it("reads Windows ping in English and Chinese", () => {
    const english = [
      "Pinging 10.0.0.1 with 32 bytes of data:",
      "Reply from 10.0.0.1: bytes=32 time<1ms TTL=128",
      "Pinging 10.0.0.1 with 1472 bytes of data:",
      "Packet needs to be fragmented but DF set.",
      "Request timed out.",
    ].join("\n");
    expect(ids(english)).toEqual(["frag-needed", "ping-large-fails", "ping-ok"]);
    const chinese = [
      "正在 Ping 10.0.0.1 具有 32 字节的数据:",
      "来自 10.0.0.1 的回复: 字节=32 时间<1ms TTL=128",
      "正在 Ping 10.0.0.1 具有 1472 字节的数据:",
      "请求超时。",
      "请求超时。",
    ].join("\n");
    expect(ids(chinese)).toEqual(["ping-large-fails", "ping-ok"]);
    expect(ids("来自 10.0.0.254 的回复: 无法访问目标主机。")).toEqual(["no-route-to-host"]);
    // A "Reply from" that reports unreachable is not a reply.
    expect(ids("Reply from 10.0.0.254: Destination host unreachable.")).toEqual(["no-route-to-host"]);
  });

  it("reads two MACs answering arping for one IP", () => {
    const text = [
      "ARPING 10.100.10.201 from 10.100.10.5 eth0",
      "Unicast reply from 10.100.10.201 [00:18:51:38:B1:CD]  0.678ms",
      "Unicast reply from 10.100.10.201 [8C:DC:D4:B3:AF:14]  0.701ms",
      "Unicast reply from 10.100.10.201 [00:18:51:38:B1:CD]  0.690ms",
      "Sent 2 probes (1 broadcast(s))",
      "Received 3 response(s)",
    ].join("\n");
    expect(ids(text)).toEqual(["two-macs-one-ip"]);
    expect(find(text, "two-macs-one-ip")).toMatchObject({ lineNumber: 3, value: 2 });
  });

  it("reads two MACs for one IP in a switch ARP table (drds-unreachable-duplicate-ip)", () => {
    const text = ["00:18:51:38:b1:cd 10.100.10.201", "8c:dc:d4:b3:af:14 10.100.10.201"].join("\n");
    expect(find(text, "two-macs-one-ip")?.detail).toContain("00:18:51:38:b1:cd, 8c:dc:d4:b3:af:14");
    const cisco = ["Internet  10.100.10.201    0   0018.5138.b1cd  ARPA   Vlan10", "Internet  10.100.10.201    0   8cdc.d4b3.af14  ARPA   Vlan10"].join("\n");
    expect(ids(cisco)).toEqual(["two-macs-one-ip"]);
    expect(ids("arp: 10.0.0.5 moved from 00:11:22:33:44:55 to 66:77:88:99:aa:bb on em0")).toEqual(["two-macs-one-ip"]);
  });

  it("does not call one MAC seen twice, or an ARP capture, a conflict", () => {
    expect(ids(["? (10.0.0.1) at 00:18:51:38:b1:cd [ether] on eth0", "10.0.0.1 dev eth0 lladdr 00:18:51:38:b1:cd REACHABLE"].join("\n"))).toEqual([]);
    const capture = [
      "12:00:00.1 ARP, Reply 10.0.0.1 is-at 00:18:51:38:b1:cd, length 46",
      "12:00:00.2 ARP, Reply 10.0.0.1 is-at 8c:dc:d4:b3:af:14, length 46",
    ].join("\n");
    expect(ids(capture)).toEqual([]);
  });

  it("reads arping -D answers as a duplicate address, not its exit status (docker-pod-ip-conflict-rst)", () => {
    const text = [
      "$ arping -D -I docker0 -c 2 10.233.14.145",
      "ARPING 10.233.14.145 from 0.0.0.0 docker0",
      "Unicast reply from 10.233.14.145 [02:42:0A:E9:0E:91]  0.556ms",
      "Sent 1 probes (1 broadcast(s))",
      "Received 1 response(s)",
      "$ echo $?",
      "1",
    ].join("\n");
    expect(find(text, "duplicate-address-log")).toMatchObject({ lineNumber: 5, value: 1 });
    const clean = ["ARPING 10.233.14.145 from 0.0.0.0 docker0", "Sent 2 probes (2 broadcast(s))", "Received 0 response(s)", "0"].join("\n");
    expect(ids(clean)).toEqual([]);
    // Without -D, an answer is just the owner answering.
    expect(ids(["ARPING 10.0.0.5 from 10.0.0.1 eth0", "Unicast reply from 10.0.0.5 [00:18:51:38:B1:CD]  0.6ms", "Received 1 response(s)"].join("\n"))).toEqual(
      [],
    );
  });

  it("emits nothing for other tools' output", () => {
    const dig = ["; <<>> DiG 9.16.1 <<>> google.com", ";; connection timed out; no servers could be reached"].join("\n");
    const ps = ["UID  PID  PPID  C STIME TTY  TIME CMD", "root   1     0  0 10:00 ?    00:00:02 /sbin/init"].join("\n");
    const curl = ["* connect to 172.1.51.93 port 80 failed: Connection refused", "* Connected to x (172.1.57.214) port 80 (#0)"].join("\n");
    const nginx = "2017/08/14 13:25:49 [error] 11020#0: *1 connect() failed (111: Connection refused) while connecting to upstream";
    const ipAddr = [
      "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500",
      "    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff",
      "    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0",
    ].join("\n");
    for (const other of [dig, ps, curl, nginx, ipAddr]) expect(parse(other)).toEqual([]);
  });

  it("survives junk", () => {
    expect(parse("\u0000\u0001 PING ( bytes\nReceived x response(s)\nConnection to succeeded!")).toEqual([]);
    expect(parse("")).toEqual([]);
  });
});
