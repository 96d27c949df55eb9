import { Webhook } from 'standardwebhooks';
import { DEFAULT_WEBHOOK_RETRY, webhookRetryDelay } from './deliver-webhooks.job';
import { excerptOf, generateWebhookSecret, RESPONSE_EXCERPT_MAX, signatureHeader } from './webhook-sender';

describe('webhook retries', () => {
  it('spreads eight attempts over more than a day, then gives up', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map((attempts) => webhookRetryDelay(DEFAULT_WEBHOOK_RETRY, attempts, () => 0));
    expect(waits).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 50_400_000]);
    const total = (waits as number[]).reduce((sum, wait) => sum + wait, 0);
    expect(total).toBeGreaterThan(86_400_000);
    expect(webhookRetryDelay(DEFAULT_WEBHOOK_RETRY, 8, () => 0)).toBeNull();
  });

  it('stretches each wait by at most the jitter, never shortens it', () => {
    expect(webhookRetryDelay(DEFAULT_WEBHOOK_RETRY, 2, () => 0.999)).toBeLessThanOrEqual(300_000 * 1.2);
    expect(webhookRetryDelay(DEFAULT_WEBHOOK_RETRY, 2, () => 0.5)).toBe(330_000);
  });
});

describe('webhook signatures', () => {
  it('signs with every given secret, space-separated, each verifiable on its own', () => {
    const [previous, current] = [generateWebhookSecret(), generateWebhookSecret()];
    const at = new Date();
    const body = JSON.stringify({ type: 'alert.raised', data: { alertId: 'a' } });
    const header = signatureHeader([current, previous], 'msg-1', at, body);
    expect(header.split(' ')).toHaveLength(2);
    const headers = { 'webhook-id': 'msg-1', 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': header };
    expect(new Webhook(previous).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(current).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(current).verify(`${body} `, headers)).toThrow();
  });
});

describe('response excerpts', () => {
  it('keep at most 1 024 characters, without control characters or a split surrogate pair', () => {
    expect(excerptOf(new TextEncoder().encode(`a\u0000b\u001bc${'x'.repeat(5000)}`))).toBe(`abc${'x'.repeat(RESPONSE_EXCERPT_MAX - 3)}`);
    const emoji = excerptOf(new TextEncoder().encode(`${'x'.repeat(RESPONSE_EXCERPT_MAX - 1)}😀`));
    expect(emoji).toBe('x'.repeat(RESPONSE_EXCERPT_MAX - 1));
    expect(excerptOf(new Uint8Array([0xff, 0xfe, 0x41]))).toBe('\ufffd\ufffdA');
  });
});
