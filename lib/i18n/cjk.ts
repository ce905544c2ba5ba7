// The one definition of the characters Chinese text is recognised by: CJK Unified Ideographs and
// Extension A (U+3400-U+9FFF). Schemas, the language of a ticket, key terms, spacing and search read it.

const FIRST = 0x3400;
const LAST = 0x9fff;
const escaped = (code: number) => `\\u${code.toString(16).padStart(4, "0")}`;

/** The range as the inside of a regular-expression character class. */
export const CJK_RANGE = `${escaped(FIRST)}-${escaped(LAST)}`;
/** One CJK character. */
export const CJK_CHAR = new RegExp(`[${CJK_RANGE}]`);
/** Whether a UTF-16 code unit is a CJK character (for loops over char codes). */
export const isCjkCode = (code: number): boolean => code >= FIRST && code <= LAST;
