import { useTranslations } from "next-intl";

import { LocaleLink } from "@/components/i18n/locale-link";

export function NotFoundPage() {
  const t = useTranslations("notFound");
  return (
    <div className="not-found">
      <h1>{t("title")}</h1>
      <p>{t("text")}</p>
      <p>
        <LocaleLink href="/cases">{t("cases")}</LocaleLink> · <LocaleLink href="/causes">{t("causes")}</LocaleLink>
      </p>
    </div>
  );
}

/** 403: signed in, but the role does not open this page (or the session is not shared with you). */
export function ForbiddenPage() {
  const t = useTranslations("forbidden");
  return (
    <section className="panel" role="alert">
      <h1>{t("title")}</h1>
      <p>{t("text")}</p>
      <p>{t.rich("next", { link: (chunks) => <LocaleLink href="/">{chunks}</LocaleLink> })}</p>
    </section>
  );
}
