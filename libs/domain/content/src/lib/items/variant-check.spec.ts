import type { ConnectorManifest, Variant } from '@socle/connector-sdk';
import { compileContentPolicy, effectiveRules } from '@socle/policies';
import { findingsOf, MediaFacts, publishedText } from './variant-check';

const CAPABILITIES = {
  publish: true,
  media: true,
  threads: false,
  reply: false,
  delete: false,
  mentions: false,
  search: false,
  comments: false,
  metrics: false,
};
const tiny: ConnectorManifest = {
  id: 'tiny',
  displayName: 'Tiny',
  authKind: 'access-token',
  capabilities: CAPABILITIES,
  text: { maxLength: 20, counting: 'code-points' },
  media: { maxCount: 2, types: ['image/png'], maxBytes: 1000 },
  rateLimit: { requests: 10, windowSeconds: 60 },
} as ConnectorManifest;
const feed = {
  ...tiny,
  id: 'feed',
  displayName: 'Feed',
  capabilities: { ...CAPABILITIES, publish: false, media: false },
  text: { maxLength: 0, counting: 'code-points' },
} as ConnectorManifest;
const textOnly = { ...tiny, id: 'text', displayName: 'Text', capabilities: { ...CAPABILITIES, media: false } } as ConnectorManifest;

const policy = (
  rules = effectiveRules(
    [
      { id: 'no-free', kind: 'AVOID_WORDS', severity: 'BLOCK', words: ['gratuit'] },
      { id: 'tags', kind: 'MAX_HASHTAGS', severity: 'WARN', max: 1 },
    ],
    null,
  ),
) => compileContentPolicy({ locale: 'en', rules });
const png = { contentType: 'image/png', byteSize: 500 };
const draft = (text: string, extra: { linkUrl?: string; media?: MediaFacts[] } = {}) => ({
  text,
  linkUrl: extra.linkUrl ?? null,
  media: extra.media ?? [],
});

describe('the findings of a variant', () => {
  it('is empty for a text the network takes and the rules allow', () => {
    expect(findingsOf({ network: 'tiny', manifest: tiny }, policy(), draft('Bonjour #pain'))).toEqual([]);
  });

  it('keeps the rules’ severities and spans: BLOCK for a forbidden word, WARN for hashtags', () => {
    const text = 'Pain gratuit #a #b';
    const findings = findingsOf({ network: 'tiny', manifest: tiny }, policy(), draft(text));
    expect(findings.map((f) => [f.severity, f.rule, f.spans.map((s) => text.slice(s.start, s.end))])).toEqual([
      ['BLOCK', 'no-free', ['gratuit']],
      ['WARN', 'tags', ['#b']],
    ]);
  });

  it('reports a text too long once, with the part beyond the limit', () => {
    const text = 'x'.repeat(25);
    const findings = findingsOf({ network: 'tiny', manifest: tiny }, policy(), draft(text));
    expect(findings).toEqual([expect.objectContaining({ severity: 'BLOCK', rule: 'network-limits', spans: [{ start: 20, end: 25 }] })]);
    // When the organisation's own NETWORK_LIMITS rule only warns, the connector's limit still blocks.
    const lenient = policy(effectiveRules([{ id: 'mine', kind: 'NETWORK_LIMITS', severity: 'WARN' }], null));
    expect(findingsOf({ network: 'tiny', manifest: tiny }, lenient, draft(text)).map((f) => [f.severity, f.rule])).toEqual([
      ['BLOCK', 'text.too-long'],
      ['WARN', 'mine'],
    ]);
  });

  it('measures the text with its link, as the network receives it', () => {
    expect(publishedText(draft('Voir', { linkUrl: 'https://a.example/x' }))).toBe('Voir\n\nhttps://a.example/x');
    expect(publishedText(draft('Voir https://a.example/x', { linkUrl: 'https://a.example/x' }))).toBe('Voir https://a.example/x');
    expect(publishedText(draft('', { linkUrl: 'https://a.example/x' }))).toBe('https://a.example/x');
    expect(
      findingsOf({ network: 'tiny', manifest: tiny }, policy(), draft('Voir', { linkUrl: 'https://a.example/long' })).map((f) => f.rule),
    ).toEqual(['network-limits']);
  });

  it('blocks what the network cannot take: nothing on a listening-only feed, media where there is none, too many attachments, an empty post', () => {
    expect(findingsOf({ network: 'feed', manifest: feed }, policy(), draft('Bonjour')).map((f) => f.rule)).toEqual(['publish.unsupported']);
    expect(findingsOf({ network: 'text', manifest: textOnly }, policy(), draft('Bonjour', { media: [png] })).map((f) => f.rule)).toEqual([
      'media.unsupported',
    ]);
    expect(
      findingsOf({ network: 'tiny', manifest: tiny }, policy(), draft('Bonjour', { media: [png, png, png] })).map((f) => f.rule),
    ).toEqual(['media.too-many']);
    const kinds = findingsOf(
      { network: 'tiny', manifest: tiny },
      policy(),
      draft('Bonjour', {
        media: [
          { contentType: 'image/gif', byteSize: 10 },
          { contentType: 'image/png', byteSize: 5000 },
        ],
      }),
    );
    expect(kinds.map((f) => [f.rule, f.message])).toEqual([
      ['media.type', expect.stringContaining('Attachment 1 is image/gif')],
      ['media.too-large', expect.stringContaining('Attachment 2 weighs')],
    ]);
    expect(findingsOf({ network: 'tiny', manifest: tiny }, policy(), draft('  ')).map((f) => f.rule)).toEqual(['text.empty']);
    // Media alone is a post.
    expect(findingsOf({ network: 'tiny', manifest: tiny }, policy(), draft('', { media: [png] }))).toEqual([]);
  });

  it('asks the connector’s own check (rules only its code knows), with the media described from the library, never loaded', () => {
    const seen: Variant[] = [];
    const validate = (variant: Variant) => {
      seen.push(variant);
      return [{ rule: 'tiny.slug', path: 'options.slug', message: 'Tiny: the slug may only hold a-z, 0-9 and hyphens.' }];
    };
    const findings = findingsOf({ network: 'tiny', manifest: tiny, validate }, policy(), {
      ...draft('Salut', { linkUrl: 'https://a.ex', media: [{ ...png, width: 640, height: 480 }] }),
      options: { slug: 'Pas bon' },
    });
    expect(findings.map((f) => [f.severity, f.rule, f.message])).toEqual([
      ['BLOCK', 'tiny.slug', 'Tiny: the slug may only hold a-z, 0-9 and hyphens.'],
    ]);
    expect(seen).toHaveLength(1);
    expect(seen[0].text).toBe('Salut\n\nhttps://a.ex');
    expect(seen[0].options).toEqual({ slug: 'Pas bon' });
    expect(seen[0].media).toEqual([{ mimeType: 'image/png', data: new Uint8Array(0), byteSize: 500, width: 640, height: 480 }]);
  });

  it('says once what the manifest and the connector both say, and ignores the empty files an older plugin sees in described media', () => {
    // A plugin built against an SDK that predates described media reads their size from the (empty) bytes.
    const older = (variant: Variant) => [
      ...(variant.media ?? []).flatMap((m, i) =>
        m.data.byteLength === 0 ? [{ rule: 'media.empty', path: `media[${i}]`, message: `Attachment ${i + 1} is empty.` }] : [],
      ),
      ...((variant.media ?? []).length > 2 ? [{ rule: 'media.too-many', path: 'media', message: 'Tiny (plugin): too many.' }] : []),
    ];
    const findings = findingsOf(
      { network: 'tiny', manifest: tiny, validate: older },
      policy(),
      draft('Bonjour', { media: [png, png, png] }),
    );
    expect(findings.map((f) => [f.rule, f.message])).toEqual([['media.too-many', expect.not.stringContaining('plugin')]]);
    // A file that really is empty is still said, by the manifest's check.
    expect(
      findingsOf(
        { network: 'tiny', manifest: tiny, validate: older },
        policy(),
        draft('Bonjour', { media: [{ ...png, byteSize: 0 }] }),
      ).map((f) => f.rule),
    ).toEqual(['media.empty']);
  });

  it('falls back on the manifest’s limits when the connector’s check throws (a plugin’s bug never blocks the editor)', () => {
    const validate = () => {
      throw new Error('plugin bug');
    };
    expect(findingsOf({ network: 'tiny', manifest: tiny, validate }, policy(), draft('Bonjour'))).toEqual([]);
    expect(
      findingsOf({ network: 'tiny', manifest: tiny, validate }, policy(), draft('Bonjour', { media: [{ ...png, byteSize: 5000 }] })).map(
        (f) => f.rule,
      ),
    ).toEqual(['media.too-large']);
  });

  it('checks an attached video like an image: against the network’s media types and size limit, named by its position', () => {
    const video = { contentType: 'video/mp4', byteSize: 900 };
    const videos = {
      ...tiny,
      id: 'videos',
      displayName: 'Videos',
      media: { maxCount: 2, types: ['image/png', 'video/mp4'], maxBytes: 1000 },
    };
    const on = (manifest: ConnectorManifest, media: { contentType: string; byteSize: number }[]) =>
      findingsOf({ network: manifest.id, manifest }, policy(), draft('Bonjour', { media })).map((f) => [f.rule, f.message]);
    expect(on(videos, [png, video])).toEqual([]);
    // A network that takes images only refuses the video, naming which attachment it is.
    expect(on(tiny, [png, video])).toEqual([
      ['media.type', expect.stringMatching(/^Attachment 2 is video\/mp4; Tiny accepts image\/png\.$/)],
    ]);
    expect(on(videos, [{ contentType: 'video/quicktime', byteSize: 10 }])).toEqual([
      ['media.type', expect.stringContaining('Attachment 1 is video/quicktime')],
    ]);
    expect(on(videos, [png, { contentType: 'video/mp4', byteSize: 1001 }])).toEqual([
      ['media.too-large', expect.stringContaining('Attachment 2 weighs')],
    ]);
  });

  it('blocks a variant whose account is gone or whose connector is not enabled, still reporting the rules', () => {
    expect(findingsOf(null, policy(), draft('gratuit')).map((f) => [f.severity, f.rule])).toEqual([
      ['BLOCK', 'account.disconnected'],
      ['BLOCK', 'no-free'],
    ]);
    expect(findingsOf({ network: 'gone', manifest: null }, policy(), draft('ok')).map((f) => f.rule)).toEqual(['network.unavailable']);
  });
});
