"use client";

// Plain words for what the engine returns: where a command runs, how much evidence a cause has.
import { useTranslations } from "next-intl";

const PLACES = ["client", "server", "load-balancer", "proxy", "node", "pod", "both-ends", "dns-client", "any-host"] as const;

export function useStepWords() {
  const t = useTranslations("stepWords");
  return {
    /** "on the server that should answer"; an unknown place is named as it is. */
    whereToRun(where: string | undefined): string | undefined {
      if (!where) return undefined;
      return (PLACES as readonly string[]).includes(where) ? t(`where.${where}`) : t("where.other", { place: where.replace(/-/g, " ") });
    },
    /** "2 findings point to it, none against it". */
    evidenceSummary(support: number, against: number): string {
      return t("evidence", { support, against });
    },
  };
}
