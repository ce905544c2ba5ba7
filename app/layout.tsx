import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";

import { AccountMenu } from "@/components/auth/account-menu";
import { HeaderSearch } from "@/components/search/header-search";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Netriage", template: "%s · Netriage" },
  description: "Network troubleshooting cases, root causes and triage for support engineers.",
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0d1117" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body>
        <header className="site-header">
          <nav className="site-nav" aria-label="Main">
            <Link href="/" className="brand">
              Netriage
            </Link>
            <Link href="/cases">Cases</Link>
            <Link href="/causes">Root causes</Link>
            <HeaderSearch />
            <Link href="/triage">Triage</Link>
            <Link href="/train">Training</Link>
            <Link href="/library">Write</Link>
            <AccountMenu />
          </nav>
        </header>
        <main className="site-main">{children}</main>
        <footer className="site-footer">Netriage · cases and root causes from real network tickets</footer>
      </body>
    </html>
  );
}
