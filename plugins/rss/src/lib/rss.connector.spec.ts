import {
  ConnectorContext,
  ConnectorError,
  createHttpClient,
  loadConnectorsFromConfig,
  Mention,
  validateMention,
} from '@socle/connector-sdk';
import { FeedTestServer, fixture, PRIVATE_PASSWORD, PRIVATE_USER, startFeedServer } from '../test/feed-server';
import { parseFeed } from './feed-parser';
import { decodeCursor, RssConnector } from './rss.connector';

const connector = new RssConnector();
const now = new Date('2024-12-01T00:00:00Z');
const ctx = (timeoutMs = 2000): ConnectorContext => ({ http: createHttpClient({ timeoutMs }), now: () => now });
const creds = (serviceUrl: string) => ({ serviceUrl, secrets: {} });

async function rejection(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectorError);
    return error as ConnectorError;
  }
  throw new Error('expected the call to fail');
}

describe('RSS connector over HTTP (project fixtures)', () => {
  let server: FeedTestServer;
  const serveFixture = (name: string, contentType = 'application/xml', extra: { etag?: string; lastModified?: string } = {}) =>
    server.serve(`/${name}`, { body: fixture(name), contentType, ...extra });
  const fetchAll = async (url: string): Promise<Mention[]> => (await connector.fetchMentions(ctx(), creds(url), {})).items;

  beforeAll(async () => {
    server = await startFeedServer();
  });
  afterAll(() => server.close());

  it('reads RSS 2.0 with French text, HTML summaries and authors; duplicates by guid appear once', async () => {
    const items = await fetchAll(serveFixture('rss2-fr.xml', 'application/rss+xml'));
    expect(items).toHaveLength(3);
    expect(items[0]).toEqual({
      externalId: 'agence-ete-2024-001',
      url: 'https://agence-ete.example/articles/noel-besancon',
      authorHandle: 'Hélène Durand',
      authorName: "Hélène Durand (Le Journal de l'Agence Été)",
      text: 'Lancement de la campagne « Noël à Besançon »\n\nLa campagne de Noël démarre\u00a0: vitrines, réseaux et événements.'.replace(
        '\u00a0',
        ' ',
      ),
      publishedAt: '2024-12-02T08:30:00.000Z',
      language: 'fr-FR',
    });
    expect(items[1]).toMatchObject({
      externalId: 'https://agence-ete.example/articles/cafe-rencontre',
      authorHandle: 'François Lefèvre',
      text: expect.stringContaining('Rendez-vous jeudi à 18 h & apéritif offert. Entrée libre — places limitées.'),
    });
    // No guid and no link: identified by its content, dated when fetched (and flagged so), linked to the site.
    expect(items[2]).toMatchObject({
      externalId: expect.stringMatching(/^sha256:/),
      url: 'https://agence-ete.example/',
      publishedAt: now.toISOString(),
      publishedAtEstimated: true,
    });
    expect(items[0].publishedAtEstimated).toBeUndefined();
  });

  it('keeps enclosures as attachments: resolved against the feed URL, typed, deduplicated, never javascript: or data:', async () => {
    const url = serveFixture('rss2-podcast.xml', 'application/rss+xml');
    const items = await fetchAll(url);
    expect(items).toHaveLength(2);
    expect(items[0]).toEqual({
      externalId: 'ondes-12',
      url: 'https://ondes.example/episodes/12',
      authorHandle: 'Studio des Ondes',
      authorName: 'Studio des Ondes (Les Ondes d’Été)',
      text: 'Épisode 12 – Les marchés de Noël ☃\n\nReportage au marché.\nAvec les artisans…',
      publishedAt: '2024-12-03T05:00:00.000Z',
      attachments: [
        { url: `${server.baseUrl}/media/episode-12.mp3`, kind: 'audio', mediaType: 'audio/mpeg', byteSize: 24986239 },
        { url: 'https://cdn.ondes.example/covers/12.jpg', kind: 'image' },
        { url: 'https://cdn.ondes.example/video/12.mp4', kind: 'video', mediaType: 'video/mp4' },
        { url: 'https://cdn.ondes.example/docs/12.pdf', kind: 'file' },
      ],
    });
    // No date: the fetch time, flagged; an unknown length and an empty type are left out, the kind comes from the extension.
    expect(items[1]).toMatchObject({
      publishedAt: now.toISOString(),
      publishedAtEstimated: true,
      attachments: [{ url: 'https://cdn.ondes.example/trailer.m4a', kind: 'audio' }],
    });
    for (const item of items) expect(validateMention(item)).toEqual([]);
  });

  it('reads a feed served with white space before <?xml', async () => {
    const body = Buffer.concat([Buffer.from('\r\n\n  '), fixture('rss2-fr.xml')]);
    const items = await fetchAll(server.serve('/leading-space.xml', { body, contentType: 'application/rss+xml' }));
    expect(items).toHaveLength(3);
  });

  it('rejects a deeply nested feed quickly, with an error that says so', async () => {
    const body = Buffer.from(
      `<rss version="2.0"><channel><item><description>${'<div>'.repeat(50_000)}</description></item></channel></rss>`,
    );
    const error = await rejection(connector.fetchMentions(ctx(), creds(server.serve('/deep.xml', { body })), {}));
    expect(error.kind).toBe('REJECTED');
    expect(error.message).toBe('fetch feed: malformed feed: elements are nested more than 64 levels deep');
  });

  it('reads a feed using HTML entities the XML does not declare, and keeps unknown ones as written', async () => {
    const body = Buffer.from(
      '<rss version="2.0"><channel><title>Flux</title><item><guid>e1</guid><title>&Eacute;t&eacute; &mdash; &sup2; &frac12; &Omega; &spades;</title>' +
        '<description>Prix &eurosign; &amp;amp; &lt;b&gt;gras&lt;/b&gt;</description></item></channel></rss>',
    );
    const [item] = await fetchAll(server.serve('/entities.xml', { body }));
    expect(item.text).toBe('Été — ² ½ Ω ♠\n\nPrix &eurosign; & gras');
  });

  it('reads Atom 1.0: alternate link resolved against the feed, author name, xhtml content, published over updated', async () => {
    const items = await fetchAll(serveFixture('atom-fr.xml', 'application/atom+xml'));
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      externalId: 'tag:orchestre.example,2024:42',
      url: `${server.baseUrl}/carnet/repetition-generale`,
      authorHandle: 'Chloé Martin',
      text: 'Répétition générale ouverte au public\n\nVenez écouter la Symphonie fantastique avant la première.',
      publishedAt: '2024-11-28T17:00:00.000Z',
      language: 'fr',
    });
    expect(items[1]).toMatchObject({
      text: 'Saison 2025 dévoilée\n\nDouze concerts, dont trois créations.',
      authorHandle: "Carnet de l'Orchestre de Région",
    });
  });

  it('reads RSS 1.0 (RDF) with Dublin Core dates and creators', async () => {
    const items = await fetchAll(serveFixture('rss1-fr.rdf', 'application/rdf+xml'));
    expect(items.map((item) => item.externalId)).toEqual([
      'https://mairie.example/annonces/marche',
      'https://mairie.example/annonces/travaux',
    ]);
    expect(items[0]).toMatchObject({ authorHandle: 'Service communication', publishedAt: '2024-11-25T09:00:00.000Z', language: 'fr' });
    expect(items[1].text).toBe("Travaux rue des Écoles\n\nCirculation alternée jusqu'à la fin du mois.");
  });

  it('honours the encoding declared in the prolog: ISO-8859-1 and windows-1252', async () => {
    // The HTTP header lies (utf-8); the XML declaration wins.
    const latin1 = await fetchAll(serveFixture('rss2-iso-8859-1.xml', 'text/xml; charset=utf-8'));
    expect(latin1[0].text).toBe(
      "Fête de la gastronomie à Dijon : crème de cassis et pain d'épices\n\nÉlus, chefs et producteurs réunis ; entrée à 5 euros.",
    );
    const cp1252 = await fetchAll(serveFixture('rss2-windows-1252.xml'));
    expect(cp1252[0].text).toBe(
      'Soldes d’hiver : jusqu’à –50 % et 10 € offerts\n\n« Œuvre collective » des commerçants… rendez-vous samedi.',
    );
    expect(cp1252[0].authorHandle).toBe('L’Écho des Commerçants');
  });

  it.each([
    ['broken-truncated.xml', /malformed feed: the XML is not well formed or is truncated \(\d+:\d+: /],
    ['broken-html.html', /the server answered with an HTML page \("Page introuvable – Agence Été"\), not a feed/],
    ['broken-not-a-feed.xml', /not a feed: the root element is <urlset>/],
    ['broken-empty.xml', /the body is empty/],
    ['broken-bad-entity.xml', /the XML is not well formed or is truncated/],
  ])('%s gives REJECTED naming the problem', async (name, message) => {
    const error = await rejection(connector.fetchMentions(ctx(), creds(serveFixture(name)), {}));
    expect(error.kind).toBe('REJECTED');
    expect(error.message).toMatch(message);
    expect(error.message.startsWith('fetch feed: ')).toBe(true);
  });

  it('sends If-None-Match from the cursor and returns no items on 304', async () => {
    const url = serveFixture('rss1-fr.rdf', 'application/xml', { etag: '"v1"' });
    const first = await connector.fetchMentions(ctx(), creds(url), {});
    expect(first.items).toHaveLength(2);
    expect(decodeCursor(first.cursor).etag).toBe('"v1"');
    const before = server.requests.length;
    const second = await connector.fetchMentions(ctx(), creds(url), { cursor: first.cursor });
    expect(server.requests[before].headers['if-none-match']).toBe('"v1"');
    expect(second).toEqual({ items: [], cursor: first.cursor });
  });

  it('sends If-Modified-Since from the cursor and returns no items on 304', async () => {
    const lastModified = 'Sat, 30 Nov 2024 12:00:00 GMT';
    const url = serveFixture('atom-fr.xml', 'application/xml', { lastModified });
    const first = await connector.fetchMentions(ctx(), creds(url), {});
    const before = server.requests.length;
    const second = await connector.fetchMentions(ctx(), creds(url), { cursor: first.cursor });
    expect(server.requests[before].headers['if-modified-since']).toBe(lastModified);
    expect(second.items).toEqual([]);
  });

  it('pages without validators while items remain, then returns only new items', async () => {
    server.addLiveItems(5);
    const page1 = await connector.fetchMentions(ctx(), creds(server.liveUrl), { limit: 4 });
    expect(page1.items).toHaveLength(4);
    expect(decodeCursor(page1.cursor).etag).toBeUndefined();
    const page2 = await connector.fetchMentions(ctx(), creds(server.liveUrl), { limit: 4, cursor: page1.cursor });
    expect(page2.items).toHaveLength(1);
    expect(decodeCursor(page2.cursor).etag).toMatch(/^"/);
    server.addLiveItems(2);
    const page3 = await connector.fetchMentions(ctx(), creds(server.liveUrl), { limit: 4, cursor: page2.cursor });
    const ids = [...page1.items, ...page2.items, ...page3.items].map((item) => item.externalId);
    expect(page3.items).toHaveLength(2);
    expect(new Set(ids).size).toBe(7);
  });

  it('filters by keywords, ignoring case and accents (search)', async () => {
    const url = serveFixture('rss2-fr.xml');
    const { items } = await connector.fetchMentions(ctx(), creds(url), { keywords: ['besancon', 'CAFÉ'] });
    expect(items.map((item) => item.externalId)).toEqual(['agence-ete-2024-001', 'https://agence-ete.example/articles/cafe-rencontre']);
  });

  it('rejects a cursor it did not issue', async () => {
    const error = await rejection(connector.fetchMentions(ctx(), creds(server.liveUrl), { cursor: 'bm90IGEgY3Vyc29y' }));
    expect(error.kind).toBe('REJECTED');
  });

  it('uses basic auth from the secrets; a wrong password is AUTH_EXPIRED', async () => {
    const ok = await connector.fetchMentions(
      ctx(),
      { serviceUrl: server.privateUrl, secrets: { username: PRIVATE_USER, password: PRIVATE_PASSWORD } },
      {},
    );
    expect(ok.items.length).toBeGreaterThan(0);
    const error = await rejection(
      connector.fetchMentions(ctx(), { serviceUrl: server.privateUrl, secrets: { username: PRIVATE_USER, password: 'nope' } }, {}),
    );
    expect(error.kind).toBe('AUTH_EXPIRED');
  });

  it('authorize accepts a feed URL and refuses an HTML page or a non-http URL', async () => {
    await expect(connector.authorize(ctx(), { serviceUrl: serveFixture('atom-fr.xml'), fields: {} })).resolves.toEqual({
      serviceUrl: `${server.baseUrl}/atom-fr.xml`,
      secrets: {},
    });
    const html = await rejection(connector.authorize(ctx(), { serviceUrl: serveFixture('broken-html.html', 'text/html'), fields: {} }));
    expect(html.message).toMatch(/HTML page/);
    const ftp = await rejection(connector.authorize(ctx(), { serviceUrl: 'ftp://example.org/feed', fields: {} }));
    expect(ftp.kind).toBe('REJECTED');
  });

  it('answers a stalled server with TRANSIENT within the timeout', async () => {
    server.inject({ type: 'slow', delayMs: 5000 });
    const started = Date.now();
    const error = await rejection(connector.fetchMentions(ctx(200), creds(server.liveUrl), {}));
    expect(error.kind).toBe('TRANSIENT');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('says nothing can be published', () => {
    expect(connector.validate({ text: 'Bonjour' })).toEqual([
      { rule: 'publish.unsupported', path: 'variant', message: 'RSS / Atom is listening only: nothing can be published to it.' },
    ]);
  });

  it('is enabled by configuration alone, as the npm package @socle/plugin-rss', () => {
    const registry = loadConnectorsFromConfig(['@socle/plugin-rss']);
    expect(registry.list().map((c) => c.manifest.id)).toEqual(['rss']);
  });

  it('parses a UTF-8 byte-order mark and a UTF-16 feed', () => {
    const text = fixture('rss1-fr.rdf').toString('utf8').replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(parseFeed(utf16).items[1].title).toBe('Travaux rue des Écoles');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture('atom-fr.xml')]);
    expect(parseFeed(bom).format).toBe('atom');
  });
});
