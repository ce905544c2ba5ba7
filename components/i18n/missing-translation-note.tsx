import { useTranslations } from "next-intl";

/** Shown above a body that is not yet written in the page's language (it is shown in English). */
export function MissingTranslationNote() {
  const t = useTranslations("content");
  return (
    <p className="panel missing-translation" role="note" data-missing-translation>
      {t("missingTranslation")}
    </p>
  );
}
