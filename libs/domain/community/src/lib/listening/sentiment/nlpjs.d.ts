// The parts of nlp.js v4 (plain JavaScript, no bundled types) that sentiment scoring and
// language detection use.

declare module '@nlpjs/core' {
  export class Container {
    use(plugin: unknown): void;
    register(name: string, value: unknown, isSingleton?: boolean): void;
    get(name: string): unknown;
  }
}

declare module '@nlpjs/lang-fr' {
  export class LangFr {}
}

declare module '@nlpjs/lang-en' {
  export class LangEn {}
}

declare module '@nlpjs/sentiment' {
  import type { Container } from '@nlpjs/core';
  export class SentimentAnalyzer {
    constructor(settings: { container: Container });
    process(input: {
      locale: string;
      text: string;
    }): Promise<{ sentiment: { score: number; numWords: number; numHits: number; vote: string } }>;
  }
}

declare module '@nlpjs/language-min' {
  export interface LanguageGuess {
    alpha3: string;
    alpha2: string;
    language: string;
    score: number;
  }
  export class Language {
    guess(utterance: string, allowList?: readonly string[], limit?: number): LanguageGuess[];
  }
}
