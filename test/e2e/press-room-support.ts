import { createSocket, Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import type { Client } from 'pg';
import sharp from 'sharp';
import request from 'supertest';
import { AgencySession, TestApi } from '@socle/testing';

/**
 * A tiny DNS server on 127.0.0.1 (UDP, node:dgram) for the custom-domain tests: it answers TXT questions from its
 * table, NXDOMAIN for names it does not know, and counts the questions it was asked. Enough of RFC 1035 for one
 * question per message, which is what a resolver sends.
 */
export class LoopbackDns {
  readonly txt = new Map<string, string[]>();
  readonly asked: string[] = [];
  private socket!: Socket;
  port = 0;

  async start(): Promise<this> {
    this.socket = createSocket('udp4');
    this.socket.on('message', (message, peer) => {
      const answer = this.answer(message);
      if (answer) this.socket.send(answer, peer.port, peer.address);
    });
    await new Promise<void>((resolve) => this.socket.bind(0, '127.0.0.1', resolve));
    this.port = (this.socket.address() as AddressInfo).port;
    return this;
  }

  get server(): string {
    return `127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.socket.close(() => resolve()));
  }

  private answer(message: Buffer): Buffer | null {
    if (message.length < 12) return null;
    const id = message.readUInt16BE(0);
    const questions = message.readUInt16BE(4);
    if (questions !== 1) return null;
    // The question: labels, then type and class.
    let offset = 12;
    const labels: string[] = [];
    while (offset < message.length) {
      const length = message[offset];
      if (length === 0) break;
      if (length > 63) return null;
      labels.push(message.subarray(offset + 1, offset + 1 + length).toString('latin1'));
      offset += 1 + length;
    }
    const questionEnd = offset + 5;
    if (questionEnd > message.length) return null;
    const type = message.readUInt16BE(offset + 1);
    const name = labels.join('.').toLowerCase();
    this.asked.push(name);
    const values = type === 16 ? this.txt.get(name) : undefined;
    const question = message.subarray(12, questionEnd);
    const header = Buffer.alloc(12);
    header.writeUInt16BE(id, 0);
    // QR, opcode 0, AA, RD copied, RA; RCODE 3 (NXDOMAIN) when the name is unknown.
    header.writeUInt16BE(0x8000 | 0x0400 | (message.readUInt16BE(2) & 0x0100) | 0x0080 | (values ? 0 : this.txt.has(name) ? 0 : 3), 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(values?.length ?? 0, 6);
    const answers = (values ?? []).map((value) => {
      const text = Buffer.from(value, 'utf8');
      // A TXT value longer than 255 bytes is several strings.
      const chunks: Buffer[] = [];
      for (let i = 0; i < text.length || i === 0; i += 255) {
        const part = text.subarray(i, i + 255);
        chunks.push(Buffer.concat([Buffer.from([part.length]), part]));
        if (text.length === 0) break;
      }
      const rdata = Buffer.concat(chunks);
      const record = Buffer.alloc(12);
      record.writeUInt16BE(0xc00c, 0); // the question's name
      record.writeUInt16BE(16, 2); // TXT
      record.writeUInt16BE(1, 4); // IN
      record.writeUInt32BE(60, 6);
      record.writeUInt16BE(rdata.length, 10);
      return Buffer.concat([record, rdata]);
    });
    return Buffer.concat([header, question, ...answers]);
  }
}

export const png = (width: number, rgb: [number, number, number]) =>
  sharp({ create: { width, height: Math.round(width * 0.75), channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } })
    .png()
    .toBuffer();

/** Uploads a file to an organisation's media library; answers its id. */
export async function uploadMedia(api: TestApi, session: AgencySession, organizationId: string, file: Buffer): Promise<string> {
  const res = await request(api.server)
    .post('/media')
    .set('authorization', `Bearer ${session.token}`)
    .set('x-socle-organization', organizationId)
    .attach('file', file, { filename: 'visuel.png', contentType: 'image/png' });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** A content item moved to APPROVED as its approval chain would (review is another suite's journey). */
export async function approvedItem(
  api: TestApi,
  admin: Client,
  session: AgencySession,
  organizationId: string,
  fields: { title: string; brief?: string },
  status: 'APPROVED' | 'DRAFT' | 'IN_REVIEW' = 'APPROVED',
): Promise<string> {
  const created = await api.ok<{ createContentItem: { id: string } }>(
    'mutation ($input: CreateContentItemInput!) { createContentItem(input: $input) { id } }',
    { input: { title: fields.title, brief: fields.brief ?? '' } },
    { token: session.token, organizationId },
  );
  const id = created.createContentItem.id;
  const path = status === 'DRAFT' ? [] : status === 'IN_REVIEW' ? ['IN_REVIEW'] : ['IN_REVIEW', 'APPROVED'];
  for (const next of path) await admin.query('UPDATE content_items SET status = $2 WHERE id = $1', [id, next]);
  return id;
}

/** A long-form variant (a blog article's settings: title, html, excerpt, marked as the item's long form) as the variant editor stores it. */
export async function longFormVariant(
  admin: Client,
  organizationId: string,
  itemId: string,
  options: Record<string, string>,
  mediaIds: string[] = [],
): Promise<void> {
  await admin.query(
    `INSERT INTO content_variants (organization_id, item_id, network, text, media_ids, options, long_form)
     VALUES ($1, $2, 'wordpress', '', $3::uuid[], $4::jsonb, true)`,
    [organizationId, itemId, mediaIds, JSON.stringify(options)],
  );
}

export const ROOM_FIELDS = `id slug title description enabled language url
  customDomain { id host status recordName recordValue verifiedAt checkError }
  contacts { id name role email phone } mediaKit { id mediaAssetId caption credit publicUrl }`;
export const RELEASE_FIELDS = 'id itemId slug title summary bodyHtml mediaAssetIds publishAt withdrawnAt status isPublic url';

/** A GET without credentials, as a journalist's browser or a feed reader sends it; the body as text. */
export function getPublic(api: TestApi, path: string, headers: Record<string, string> = {}) {
  let req = request(api.server).get(path);
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  return req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

export const textOf = (res: { body: unknown }): string => (Buffer.isBuffer(res.body) ? res.body.toString('utf8') : String(res.body));
