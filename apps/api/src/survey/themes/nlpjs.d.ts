/** The slice of nlp.js's language packages the matcher uses (they ship no types). */
interface NlpStemmer {
  tokenizeAndStem(text: string, keepStops?: boolean): string[];
}
type NlpStemmerClass = new () => NlpStemmer;

declare module '@nlpjs/lang-en-min' {
  export const StemmerEn: NlpStemmerClass;
}
declare module '@nlpjs/lang-pl' {
  export const StemmerPl: NlpStemmerClass;
}
declare module '@nlpjs/lang-da' {
  export const StemmerDa: NlpStemmerClass;
}
declare module '@nlpjs/lang-ru' {
  export const StemmerRu: NlpStemmerClass;
}
declare module '@nlpjs/lang-sl' {
  export const StemmerSl: NlpStemmerClass;
}
