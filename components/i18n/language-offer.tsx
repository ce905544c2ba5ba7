"use client";

import { useEffect, useState } from "react";
import Link from "next/link";

import { LANGUAGE_OFFER_COOKIE } from "@/lib/i18n/paths";

import { rememberLocale } from "./language-switch";

/**
 * On `/`: when the browser asks for Chinese first and no choice is remembered, proxy.ts leaves a
 * one-visit cookie; this offers the Chinese pages once (in Chinese), and remembers the answer.
 */
export function LanguageOffer() {
  const [offered, setOffered] = useState(false);
  useEffect(() => {
    if (!document.cookie.split("; ").includes(`${LANGUAGE_OFFER_COOKIE}=zh`)) return;
    document.cookie = `${LANGUAGE_OFFER_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
    // Shown after hydration: the page itself is static and the same for everyone.
    setOffered(true);
  }, []);
  if (!offered) return null;
  return (
    <aside className="panel language-offer" lang="zh-CN" aria-label="语言">
      <p>Netriage 有完整的中文界面和中文案例。</p>
      <p className="button-row">
        <Link className="button primary" href="/zh" onClick={() => rememberLocale("zh")} data-offer="zh">
          使用中文
        </Link>
        <button
          type="button"
          className="button"
          lang="en"
          data-offer="en"
          onClick={() => {
            rememberLocale("en");
            setOffered(false);
          }}
        >
          Stay in English
        </button>
      </p>
    </aside>
  );
}
