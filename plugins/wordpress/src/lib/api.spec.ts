import { ConnectorError, createHttpResponse } from '@socle/connector-sdk';
import { apiRootFromLinkHeader, apiUrl, checkApiRoot, siteUrlOf, wordpressError } from './api';
import { articleViolations, contentOf, articleOf, textToHtml } from './article';

const utf8 = new TextEncoder();
const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  createHttpResponse(
    status,
    { 'content-type': 'application/json', ...headers },
    utf8.encode(typeof body === 'string' ? body : JSON.stringify(body)),
  );

describe('discovery', () => {
  it('finds the API root among several links, commas inside URIs and quoted parameters included', () => {
    expect(apiRootFromLinkHeader('<https://example.com/wp-json/>; rel="https://api.w.org/"')).toBe('https://example.com/wp-json/');
    expect(
      apiRootFromLinkHeader(
        '<https://example.com/?p=1,2>; rel="shortlink"; title="a, b", <https://example.com/?rest_route=/>; rel="https://api.w.org/"',
      ),
    ).toBe('https://example.com/?rest_route=/');
    expect(apiRootFromLinkHeader('<https://example.com/x>; rel="alternate https://api.w.org/"')).toBe('https://example.com/x');
    expect(apiRootFromLinkHeader('<https://example.com/wp-json/>; rel="alternate"')).toBeUndefined();
    expect(apiRootFromLinkHeader(undefined)).toBeUndefined();
    expect(apiRootFromLinkHeader('garbage')).toBeUndefined();
  });

  it('accepts an API root on the site or its www twin only, and builds route URLs for both root styles', () => {
    const site = siteUrlOf('https://example.com/blog/');
    expect(checkApiRoot(site, 'https://www.example.com/blog/wp-json')).toBe('https://www.example.com/blog/wp-json/');
    expect(() => checkApiRoot(site, 'https://collector.example/wp-json/')).toThrow(ConnectorError);
    expect(apiUrl('https://example.com/wp-json/', 'wp/v2/posts', { search: 'a b', page: undefined })).toBe(
      'https://example.com/wp-json/wp/v2/posts?search=a+b',
    );
    expect(apiUrl('https://example.com/?rest_route=/', 'wp/v2/posts', { page: '2' })).toBe(
      'https://example.com/?rest_route=%2Fwp%2Fv2%2Fposts&page=2',
    );
  });

  it('refuses a site address in clear text over the internet, or with credentials in it', () => {
    expect(() => siteUrlOf('http://example.com')).toThrow(/https/);
    expect(() => siteUrlOf('https://user:pw@example.com')).toThrow(/user name/);
    expect(() => siteUrlOf('not a url')).toThrow(/not a URL/);
    expect(siteUrlOf('http://127.0.0.1:8080/').origin).toBe('http://127.0.0.1:8080');
  });
});

describe('WordPress error bodies', () => {
  it.each<[number, unknown, string]>([
    [
      401,
      { code: 'incorrect_password', message: 'The provided password is an invalid application password.', data: { status: 401 } },
      'AUTH_EXPIRED',
    ],
    [401, { code: 'rest_not_logged_in', message: 'You are not currently logged in.', data: { status: 401 } }, 'AUTH_EXPIRED'],
    [
      403,
      { code: 'rest_cannot_publish', message: 'Sorry, you are not allowed to publish posts in this post type.', data: { status: 403 } },
      'REJECTED',
    ],
    [404, { code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } }, 'REJECTED'],
    [404, { code: 'rest_post_invalid_id', message: 'Invalid post ID.', data: { status: 404 } }, 'REJECTED'],
    [500, { code: 'rest_upload_unknown_error', message: 'Could not write file.', data: { status: 500 } }, 'TRANSIENT'],
  ])('%s %j -> %s with the code and message as the reason', (status, body, kind) => {
    const error = wordpressError(answer(status, body), 'WordPress test');
    expect(error.kind).toBe(kind);
    const wp = body as { code: string; message: string };
    expect(error.networkReason).toBe(`${wp.code}: ${wp.message}`);
    expect(error.status).toBe(status);
  });

  it('a 429 from the host keeps its Retry-After; a 403 from a proxy without a WordPress body is AUTH_EXPIRED as usual', () => {
    expect(wordpressError(answer(429, { code: 'too_many', message: 'Slow down' }, { 'retry-after': '30' }), 'x').retryAfterSeconds).toBe(
      30,
    );
    expect(wordpressError(answer(403, '<html><title>Forbidden</title></html>', { 'content-type': 'text/html' }), 'x').kind).toBe(
      'AUTH_EXPIRED',
    );
  });
});

describe('article body', () => {
  it('escapes text into paragraphs and line breaks', () => {
    expect(textToHtml('Bonjour <b>& "vous"</b>\nligne 2\n\n\nSuite')).toBe(
      '<p>Bonjour &lt;b&gt;&amp; &quot;vous&quot;&lt;/b&gt;<br />\nligne 2</p>\n\n<p>Suite</p>',
    );
  });

  it('appends the canonical line and the further images, escaped', () => {
    const article = articleOf({ text: 'Corps', options: { title: 'T', canonicalUrl: 'https://example.com/a?x="1"' } });
    expect(contentOf(article, [{ url: 'https://example.com/i.png', alt: 'un "chat"' }])).toBe(
      '<p>Corps</p>\n\n<p class="socle-canonical">First published at <a href="https://example.com/a?x=&quot;1&quot;">https://example.com/a?x=&quot;1&quot;</a>.</p>\n\n' +
        '<figure class="wp-block-image"><img src="https://example.com/i.png" alt="un &quot;chat&quot;" /></figure>',
    );
  });

  it('reports each wrong option on its own path', () => {
    const violations = articleViolations({
      text: 'x',
      options: { slug: 'Not A Slug', canonicalUrl: 'javascript:alert(1)', status: 'private', tags: 7, html: 'x'.repeat(1024 * 1024 + 1) },
    });
    expect(violations.map((violation) => `${violation.path} ${violation.rule}`).sort()).toEqual([
      'options.canonicalUrl canonical-url.format',
      'options.html html.too-large',
      'options.slug slug.format',
      'options.status status.value',
      'options.tags option.type',
      'options.title title.required',
    ]);
  });
});
