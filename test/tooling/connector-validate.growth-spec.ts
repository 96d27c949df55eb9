import type { Connector, Variant } from '@socle/connector-sdk';
import { growthRatio, LINEAR_GROWTH_LIMIT } from '@socle/connector-sdk/testing';
import { BlueskyConnector } from '@socle/plugin-bluesky';
import { FacebookConnector } from '@socle/plugin-facebook';
import { GhostConnector } from '@socle/plugin-ghost';
import { InstagramConnector } from '@socle/plugin-instagram';
import { LinkedinConnector } from '@socle/plugin-linkedin';
import { MastodonConnector } from '@socle/plugin-mastodon';
import { ThreadsConnector } from '@socle/plugin-threads';
import { WordpressConnector } from '@socle/plugin-wordpress';
import { XConnector } from '@socle/plugin-x';
import { YoutubeConnector } from '@socle/plugin-youtube';

// The editor runs each connector's own `validate` on what a member types, inside an API request: a variant's text
// (up to 100,000 characters) and its settings. Every built-in connector's check must stay linear on hostile text.
// Inputs of 4,000 and 32,000 characters.
const SIZE = 4000;

const connectors: [string, Connector][] = [
  ['Bluesky', new BlueskyConnector()],
  ['Facebook', new FacebookConnector()],
  ['Ghost', new GhostConnector()],
  ['Instagram', new InstagramConnector()],
  ['LinkedIn', new LinkedinConnector()],
  ['Mastodon', new MastodonConnector()],
  ['Threads', new ThreadsConnector()],
  ['WordPress', new WordpressConnector()],
  ['X', new XConnector()],
  ['YouTube', new YoutubeConnector()],
];

/** Hostile texts: runs of the characters the checks look for (hashtags, mentions, links, markup, emoji, slugs). */
const shapes: [string, (n: number) => string][] = [
  ['hashes and at signs', (n) => '#@'.repeat(n / 2)],
  ['would-be mentions', (n) => ' @a.'.repeat(n / 4)],
  ['would-be links', (n) => 'http://a.'.repeat(n / 9)],
  ['angle brackets and ampersands', (n) => '<&>'.repeat(n / 3)],
  ['emoji and combining marks', (n) => '👩‍👩‍👧e\u0301'.repeat(n / 10)],
  ['dashes and letters', (n) => 'a-'.repeat(n / 2)],
];

/** A variant whose text and long-form settings (title, excerpt, slug) are all the hostile text. */
const variantOf = (text: string): Variant => ({
  text,
  options: { title: text.slice(0, 300), excerpt: text.slice(0, 300), slug: `${text.slice(0, 200)}!` },
  media: [{ mimeType: 'image/jpeg', data: new Uint8Array(0), byteSize: 1000, width: 100, height: 100 }],
});

describe('connector checks on hostile text, as the editor runs them', () => {
  for (const [network, connector] of connectors) {
    it.each(shapes)(`${network} takes linear time on %s`, (_name, make) => {
      const ratio = growthRatio(make, (text) => connector.validate(variantOf(text)), SIZE);
      expect({ sample: make(40).slice(0, 20), linear: ratio < LINEAR_GROWTH_LIMIT }).toEqual({
        sample: make(40).slice(0, 20),
        linear: true,
      });
    });
  }
});
