import type { ContentLibrary } from "@/lib/content/library";
import { causeTitle } from "@/lib/content/localized";
import type { Locale } from "@/lib/i18n/locales";
import { LocaleLink } from "@/components/i18n/locale-link";

/** Links to root-cause pages, titled from the library in the page's language. */
export function CauseLinks({ ids, library, locale }: { ids: readonly string[]; library: ContentLibrary; locale: Locale }) {
  return (
    <ul className="chip-list">
      {ids.map((id) => {
        const cause = library.getRootCause(id);
        return (
          <li key={id}>
            <LocaleLink href={`/causes/${id}`} className="chip">
              {cause ? causeTitle(cause, locale) : id}
            </LocaleLink>
          </li>
        );
      })}
    </ul>
  );
}
