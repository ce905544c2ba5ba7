import { describe, expect, it } from "vitest";

import { fdLimitsParser } from "@/lib/evidence/parsers/fd-limits";
import type { EvidenceSource } from "@/lib/evidence/signal";

const source: EvidenceSource = { kind: "output", index: 0 };
const parse = (text: string, src: EvidenceSource = source) => fdLimitsParser.parse(text, src);

const ULIMIT_A = `$ ulimit -a
core file size          (blocks, -c) 0
data seg size           (kbytes, -d) unlimited
max locked memory       (kbytes, -l) 64
open files                      (-n) 1024
pipe size            (512 bytes, -p) 8
stack size              (kbytes, -s) 8192`;

describe("fdLimitsParser", () => {
  it("reads the open-files line of ulimit -a", () => {
    expect(parse(ULIMIT_A)).toEqual([
      expect.objectContaining({ id: "fd-limit-low", value: 1024, lineNumber: 5, line: "open files                      (-n) 1024", parser: "fd-limits" }),
    ]);
  });

  it("accepts a large limit such as the redis case's 51200", () => {
    expect(parse("open files                      (-n) 51200")).toEqual([]);
  });

  it("reads busybox ulimit -a and systemd LimitNOFILE", () => {
    expect(parse("-n: file descriptors          1024")[0]?.value).toBe(1024);
    expect(parse("LimitNOFILE=524288\nLimitNOFILESoft=4096")).toEqual([expect.objectContaining({ value: 4096, lineNumber: 2 })]);
  });

  it("reads the soft limit of /proc/<pid>/limits", () => {
    const text = `$ cat /proc/1204/limits
Limit                     Soft Limit           Hard Limit           Units
Max cpu time              unlimited            unlimited            seconds
Max open files            1024                 4096                 files
Max processes             63404                63404                processes`;
    expect(parse(text)).toEqual([expect.objectContaining({ id: "fd-limit-low", value: 1024, lineNumber: 4 })]);
  });

  it("reads a bare ulimit -n only when the command is named", () => {
    expect(parse("[root@app ~]# ulimit -n\n1024")).toEqual([expect.objectContaining({ value: 1024, lineNumber: 2 })]);
    expect(parse("1024", { kind: "output", index: 0, command: "ulimit -n" })).toEqual([expect.objectContaining({ lineNumber: 1 })]);
    expect(parse("1024")).toEqual([]);
    expect(parse("$ ulimit -n\n65535")).toEqual([]);
  });

  it("counts 'Too many open files' in any wording", () => {
    const text = `2024/11/18 10:00:01 [alert] 1234#0: *99 accept4() failed (24: Too many open files)
2024/11/18 10:00:02 http: Accept error: accept tcp [::]:8080: accept4: too many open files; retrying in 5ms
openat(AT_FDCWD, "/etc/hosts", O_RDONLY|O_CLOEXEC) = -1 EMFILE (Too many open files)
Error: EMFILE: too many open files, open '/app/data.json'
socket: 打开的文件过多`;
    expect(parse(text)).toEqual([
      expect.objectContaining({
        id: "too-many-open-files",
        value: 5,
        lineNumber: 1,
        line: "2024/11/18 10:00:01 [alert] 1234#0: *99 accept4() failed (24: Too many open files)",
      }),
    ]);
  });

  it("reports one low limit per value even when many processes share it", () => {
    const text = Array.from({ length: 20 }, () => "Max open files            1024                 4096                 files").join("\n");
    expect(parse(text)).toHaveLength(1);
  });

  it("keeps quiet on other tools' output and junk", () => {
    expect(parse(";; ANSWER SECTION:\ngoogle.com.\t300\tIN\tA\t142.250.72.14")).toEqual([]);
    expect(parse("UID PID PPID C STIME TTY TIME CMD\nroot 1024 1 0 Nov21 ? 00:00:03 /sbin/init")).toEqual([]);
    expect(parse("open files (-n) unlimited\n(-n) \u0000\nMax open files x y files")).toEqual([]);
  });
});
