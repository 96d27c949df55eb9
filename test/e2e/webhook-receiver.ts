import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { TestApi } from '@socle/testing';

export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * A webhook receiver on loopback for the tests: records every request. `answer` gives each request's status by path and
 * rank on that path; `reply` the body sent with it.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  answer: (path: string, index: number) => number = () => 200;
  private server?: Server;

  constructor(private readonly reply: (status: number, index: number) => string = (status) => (status < 300 ? 'ok' : 'refused')) {}

  async start(): Promise<this> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        const index = this.at(path).length;
        this.received.push({ path, headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8') });
        const status = this.answer(path, index);
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(this.reply(status, index));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}${path}`;
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/** The event a request carried, once its Standard Webhooks signature checks with `secret` (throws otherwise). */
export const verifyWebhook = (secret: string, r: ReceivedWebhook) =>
  new Webhook(secret).verify(r.body, {
    'webhook-id': r.headers['webhook-id'],
    'webhook-timestamp': r.headers['webhook-timestamp'],
    'webhook-signature': r.headers['webhook-signature'],
  });

/**
 * An endpoint of the organisation listening to `eventTypes` at `receiver`: events are written to the outbox only when an
 * endpoint listens, so a test that reads what a change told the webhooks subscribes first.
 */
export async function listenToWebhooks(
  api: TestApi,
  session: { token: string },
  organizationId: string,
  receiver: WebhookReceiver,
  eventTypes: string[],
): Promise<{ id: string; secret: string }> {
  const { createWebhookEndpoint } = await api.ok<{ createWebhookEndpoint: { secret: string; endpoint: { id: string } } }>(
    'mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id } } }',
    { input: { url: receiver.url('/events'), eventTypes } },
    { token: session.token, organizationId },
  );
  return { id: createWebhookEndpoint.endpoint.id, secret: createWebhookEndpoint.secret };
}
