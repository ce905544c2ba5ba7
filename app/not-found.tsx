// Paths no language's catch-all takes (in practice none): a bare page, as the language layouts are not around it.
import Link from "next/link";

import "./globals.css";

export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body>
        <main className="site-main not-found">
          <h1>Not found</h1>
          <p>
            <Link href="/">Netriage</Link> ·{" "}
            <Link href="/zh" lang="zh-CN">
              中文
            </Link>
          </p>
        </main>
      </body>
    </html>
  );
}
