/** Letters NFKD does not decompose but a French or English reader takes as the same. */
const EXTRA_FOLDS: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const EXTRA_FOLD_PATTERN = /[œæßøłđðþı]/g;

/** Case and accents folded (égalité = egalite), NFKD; format characters (soft hyphen, zero-width) removed. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}]+/gu, '')
    .replace(EXTRA_FOLD_PATTERN, (letter) => EXTRA_FOLDS[letter]);
}
