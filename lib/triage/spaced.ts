import { CJK_CHAR } from "../i18n/cjk";

const LATIN_CHAR = /[A-Za-z0-9`_]/;

function join(left: string, right: string): string {
  const a = left.slice(-1);
  const b = right.slice(0, 1);
  const meets = (CJK_CHAR.test(a) && LATIN_CHAR.test(b)) || (LATIN_CHAR.test(a) && CJK_CHAR.test(b));
  return meets ? `${left} ${right}` : `${left}${right}`;
}

/**
 * A Chinese sentence with its values put in, and a space wherever a value meets Chinese text with a
 * Latin letter, digit or code span ("是 tcp_tw_recycle 吗"), as Chinese technical writing spaces them.
 */
export function zh(strings: TemplateStringsArray, ...values: string[]): string {
  return values.reduce((text, value, i) => join(join(text, value), strings[i + 1]), strings[0]);
}
