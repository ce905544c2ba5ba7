import { describe, expect, it } from "vitest";

import { dnsToolsParser } from "@/lib/evidence/parsers/dns-tools";
import type { EvidenceSource } from "@/lib/evidence/signal";

const source: EvidenceSource = { kind: "output", index: 0, command: "dig" };
const parse = (text: string) => dnsToolsParser.parse(text, source);
const ids = (text: string) =>
  parse(text)
    .map((s) => s.id)
    .sort();
const find = (text: string, id: string) => parse(text).find((s) => s.id === id);

const digAnswer = [
  "; <<>> DiG 9.16.1-Ubuntu <<>> apineo.llsapp.com",
  ";; global options: +cmd",
  ";; Got answer:",
  ";; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 50913",
  ";; flags: qr rd ra; QUERY: 1, ANSWER: 2, AUTHORITY: 0, ADDITIONAL: 1",
  "",
  ";; ANSWER SECTION:",
  "apineo.llsapp.com.\t60\tIN\tCNAME\tneo-app-prod-elb-936082747.cn-north-1.elb.amazonaws.com.cn.",
  "neo-app-prod-elb-936082747.cn-north-1.elb.amazonaws.com.cn. 60 IN A 54.222.222.173",
  "",
  ";; Query time: 5003 msec",
  ";; SERVER: 127.0.0.1#53(127.0.0.1)",
  ";; WHEN: Thu Nov 29 09:24:24 UTC 2018",
].join("\n");

describe("dnsToolsParser", () => {
  it("reads a dig answer, its query time and its server", () => {
    expect(ids(digAnswer)).toEqual(["dns-answer-ok", "dns-loopback-server", "dns-slow-5s"]);
    expect(find(digAnswer, "dns-answer-ok")).toMatchObject({ lineNumber: 5, value: 2 });
    expect(find(digAnswer, "dns-slow-5s")).toMatchObject({ lineNumber: 11, value: 5003, line: ";; Query time: 5003 msec" });
    expect(find(digAnswer, "dns-loopback-server")?.lineNumber).toBe(12);
  });

  it("does not flag a fast answer from systemd-resolved or Docker's embedded DNS", () => {
    const text = digAnswer.replace("5003 msec", "3 msec").replace(/127\.0\.0\.1/g, "127.0.0.53");
    expect(ids(text)).toEqual(["dns-answer-ok"]);
    expect(ids("nameserver 127.0.0.11\noptions ndots:0")).toEqual([]);
  });

  it("reads dig timeouts, old and new wording", () => {
    expect(ids(["; <<>> DiG 9.9.4 <<>> google.com", ";; global options: +cmd", ";; connection timed out; no servers could be reached"].join("\n"))).toEqual([
      "dns-timeout",
    ]);
    const newer = [
      ";; communications error to 10.0.0.2#53: timed out",
      ";; communications error to 10.0.0.2#53: timed out",
      ";; no servers could be reached",
    ].join("\n");
    expect(find(newer, "dns-timeout")).toMatchObject({ lineNumber: 1, value: 3 });
  });

  it("reads SERVFAIL, REFUSED and NXDOMAIN statuses", () => {
    expect(ids(";; ->>HEADER<<- opcode: QUERY, status: SERVFAIL, id: 1")).toEqual(["dns-servfail"]);
    expect(ids(";; ->>HEADER<<- opcode: QUERY, status: REFUSED, id: 1")).toEqual(["dns-servfail"]);
    expect(ids(";; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 1\n;; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1")).toEqual([
      "dns-nxdomain",
    ]);
    // NOERROR without records (NODATA) is not an answer.
    expect(ids(";; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 1\n;; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1")).toEqual([]);
  });

  it("tells a TCP answer from a UDP timeout (udp-dns-drops-rmem-default)", () => {
    const text = [
      "$ dig +tcp google.com",
      "; <<>> DiG 9.11.3-1ubuntu1-Ubuntu <<>> +tcp google.com",
      ";; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 1234",
      ";; flags: qr rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1",
      ";; SERVER: 10.0.0.2#53(10.0.0.2)",
      "$ dig google.com",
      "; <<>> DiG 9.11.3-1ubuntu1-Ubuntu <<>> google.com",
      ";; connection timed out; no servers could be reached",
    ].join("\n");
    expect(ids(text)).toEqual(["dns-answer-ok", "dns-tcp-ok", "dns-timeout"]);
    expect(find(text, "dns-tcp-ok")?.lineNumber).toBe(3);
    const newerDig = [";; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 1", ";; SERVER: 8.8.8.8#53(8.8.8.8) (TCP)"].join("\n");
    expect(find(newerDig, "dns-tcp-ok")?.lineNumber).toBe(2);
    expect(ids(";; SERVER: 8.8.8.8#53(8.8.8.8) (UDP)")).toEqual([]);
  });

  it("reads Linux nslookup", () => {
    const answer = ["Server:\t\t127.0.0.1", "Address:\t127.0.0.1#53", "", "Non-authoritative answer:", "Name:\tlocalhost", "Address: 10.20.30.40"].join("\n");
    expect(ids(answer)).toEqual(["dns-answer-ok", "dns-loopback-server"]);
    expect(find(answer, "dns-loopback-server")).toMatchObject({ lineNumber: 1, value: 1 });
    expect(ids(["Server:\t\t10.0.0.2", "Address:\t10.0.0.2#53", "", "** server can't find nope.example: NXDOMAIN"].join("\n"))).toEqual(["dns-nxdomain"]);
    expect(ids(["Server:\t\t10.0.0.2", "Address:\t10.0.0.2#53", "** server can't find x.example: SERVFAIL"].join("\n"))).toEqual(["dns-servfail"]);
    expect(ids(";; connection timed out; no servers could be reached")).toEqual(["dns-timeout"]);
  });

  it("reads Windows nslookup in English and Chinese (firewall-blocks-udp53-dns, vpn-injected-loopback-dns)", () => {
    const timeout = [
      "Server:  UnKnown",
      "Address:  10.1.1.53",
      "",
      "DNS request timed out.",
      "    timeout was 2 seconds.",
      "*** Request to UnKnown timed-out",
    ].join("\n");
    expect(find(timeout, "dns-timeout")).toMatchObject({ lineNumber: 4, value: 2 });
    const loopback = ["Server:  localhost", "Address:  ::1", "", "*** localhost can't find console.ark.local: Non-existent domain"].join("\n");
    expect(ids(loopback)).toEqual(["dns-loopback-server", "dns-nxdomain"].sort());
    const chinese = ["服务器:  UnKnown", "Address:  10.1.1.53", "", "请求超时", "*** 请求 UnKnown 超时"].join("\n");
    expect(find(chinese, "dns-timeout")).toMatchObject({ lineNumber: 4, value: 2 });
    const chineseAnswer = ["服务器:  UnKnown", "Address:  10.1.1.53", "", "非权威应答:", "名称:    www.a.shifen.com", "Addresses:  110.242.68.3"].join("\n");
    expect(ids(chineseAnswer)).toEqual(["dns-answer-ok"]);
  });

  it("does not read a Windows ping timeout as a DNS timeout", () => {
    expect(ids(["Pinging 10.0.0.1 with 32 bytes of data:", "Request timed out.", "请求超时。"].join("\n"))).toEqual([]);
  });

  it("reads resolv.conf options and loopback nameservers", () => {
    const text = [
      "# Generated by NetworkManager",
      "search localdomain",
      "nameserver 127.0.0.1",
      "nameserver 10.0.0.2",
      "options timeout:1 attempts:2 rotate",
      "options single-request-reopen",
    ].join("\n");
    expect(ids(text)).toEqual(["dns-loopback-server", "resolv-rotate", "resolv-single-request"]);
    expect(find(text, "resolv-single-request")).toMatchObject({ lineNumber: 6, detail: "resolv.conf sets 'single-request-reopen'" });
    expect(ids("options use-vc")).toEqual(["resolv-single-request"]);
    // A command that appends the option is not the file's content.
    expect(ids("/bin/echo 'options single-request-reopen' >> /etc/resolv.conf")).toEqual([]);
    expect(ids("# options rotate\nnameserver 127.0.0.53")).toEqual([]);
  });

  it("reads nsswitch.conf order and a missing file", () => {
    expect(ids("hosts: files dns")).toEqual([]);
    expect(ids("hosts:      files mdns4_minimal [NOTFOUND=return] dns myhostname")).toEqual([]);
    expect(find("passwd: files\nhosts: dns files", "nsswitch-missing")).toMatchObject({ lineNumber: 2 });
    expect(ids("cat: can't open '/etc/nsswitch.conf': No such file or directory")).toEqual(["nsswitch-missing"]);
    expect(ids("cat: /etc/nsswitch.conf: No such file or directory")).toEqual(["nsswitch-missing"]);
  });

  it("reads Go resolver debug output (localhost-resolved-via-dns)", () => {
    const caseOutput = ["go package net: GODEBUG setting forcing use of Go's resolver", "go package net: hostLookupOrder(localhost) = files,dns"].join("\n");
    expect(ids(caseOutput)).toEqual([]);
    expect(find("go package net: hostLookupOrder(localhost) = dns,files", "go-resolver-dns-first")?.lineNumber).toBe(1);
    expect(ids("dial tcp: lookup api.internal on 10.96.0.10:53: read udp 10.244.1.5:45678->10.96.0.10:53: i/o timeout")).toEqual(["dns-timeout"]);
    expect(ids("dial tcp: lookup api.internal on 10.96.0.10:53: no such host")).toEqual(["dns-nxdomain"]);
  });

  it("recognises musl and Alpine markers", () => {
    expect(ids('NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.18.4')).toEqual(["musl-libc"]);
    expect(find('NAME="Alpine Linux"\nID=alpine', "musl-libc")?.value).toBe(2);
    expect(ids("\tlinux-vdso.so.1\n\t/lib/ld-musl-x86_64.so.1 (0x7f0c3b2e5000)")).toEqual(["musl-libc"]);
    expect(ids("musl libc (x86_64)\nVersion 1.2.4")).toEqual(["musl-libc"]);
    expect(ids('NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian')).toEqual([]);
  });

  it("reads client-side resolution failures", () => {
    expect(ids("ping: youku.tddl.tbsite.net: Name or service not known")).toEqual(["resolve-failed"]);
    expect(ids("ping: unknown host youku.tddl.tbsite.net")).toEqual(["resolve-failed"]);
    expect(ids("Ping request could not find host console.ark.local. Please check the name and try again.")).toEqual(["resolve-failed"]);
  });

  it("emits nothing for other tools' output", () => {
    const curl = ["*   Trying 54.223.53.86...", "< HTTP/1.1 200 OK", "< Server: nginx", "< Content-Length: 12"].join("\n");
    const ps = ["UID  PID  PPID  C STIME TTY  TIME CMD", "root   1     0  0 10:00 ?    00:00:02 /sbin/init"].join("\n");
    const ping = ["PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.", "64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.04 ms"].join("\n");
    const ansible = ["- hosts: all", "  tasks:", "    - name: x"].join("\n");
    for (const other of [curl, ps, ping, ansible]) expect(parse(other)).toEqual([]);
  });

  it("survives junk", () => {
    expect(parse(";; ->>HEADER<<- opcode\n;; Query time: x msec\nServer:\nAddress:\n\u0000\u0001")).toEqual([]);
  });
});
