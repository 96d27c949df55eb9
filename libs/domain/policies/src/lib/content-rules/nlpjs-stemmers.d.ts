// The stemmers of nlp.js v4 (plain JavaScript, no bundled types): Snowball (Porter 2)
// stemmers for French and English, maintained with the nlp.js language packages.

declare module '@nlpjs/lang-fr' {
  export class StemmerFr {
    stemWord(word: string): string;
  }
}

declare module '@nlpjs/lang-en' {
  export class StemmerEn {
    stemWord(word: string): string;
  }
}
