// Extra 1–5 ratings name a criterion. People pick one from a list, or name it in words; the key
// the API stores ("delivery_speed") is derived here and never typed or shown.

/** Criteria offered in the wave form, each with a label in every language (waves.criteria.<key>). */
export const CRITERIA = ['delivery', 'quality', 'communication', 'responsiveness', 'price', 'expertise'] as const;
export type Criterion = (typeof CRITERIA)[number];

export const isListedCriterion = (key: string | null | undefined): key is Criterion => (CRITERIA as readonly string[]).includes(key ?? '');

/** The key of a criterion named in words: "Delivery speed" → "delivery_speed"; "Szybkość dostaw" → "szybkosc_dostaw". */
export function criterionKey(words: string): string {
  return words
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/å/g, 'a')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/g, '');
}

/** How a criterion reads: a listed one by its label, another by its key in words ("delivery_speed" → "Delivery speed"). */
export function criterionLabel(key: string | null | undefined, t: (key: string) => string): string {
  if (!key) return '';
  if (isListedCriterion(key)) return t(`waves.criteria.${key}`);
  const words = key.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
