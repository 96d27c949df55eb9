import request from 'supertest';
import { createOrganization, signUpAgency, TestApi } from '@socle/testing';

/**
 * The REST routes (signed links: approvals, reports, policy acknowledgements; the media library; the organisation archive) fed hostile paths and bodies: deep JSON, NUL bytes, lone
 * surrogates, truncated JSON, oversized bodies and paths, path traversal. Every answer is a 4xx, never a 500.
 */
describe('REST routes under hostile input', () => {
  let api: TestApi;
  afterAll(() => api?.stop());
  it('answers every hostile path and body with a 4xx', async () => {
    api = await TestApi.start();
    const a = await signUpAgency(api, 'A');
    const org = await createOrganization(api, a, 'Org');
    const server = (api as unknown as { server: Parameters<typeof request>[0] }).server;
    const statuses: string[] = [];
    const deep = '{"verdict":' + '['.repeat(5000) + ']'.repeat(5000) + '}';
    for (const body of [deep, '{"verdict":"APPROVE","comment":"\u0000"}', '{"verdict":"\ud800"}', '{"verdict":', 'x'.repeat(2_000_000)]) {
      for (const token of ['abc', 'a'.repeat(5000), '%00', 'x%01y', '%ED%A0%80', '..%2f..%2fetc']) {
        const r = await request(server).post(`/approvals/${token}`).set('content-type', 'application/json').send(body);
        statuses.push(`approvals ${token.slice(0, 12)} ${r.status}`);
        const g = await request(server).get(`/approvals/${token}`);
        statuses.push(`approvals-get ${token.slice(0, 12)} ${g.status}`);
        const report = await request(server).get(`/reports/${token}`);
        statuses.push(`reports-get ${token.slice(0, 12)} ${report.status}`);
        const acknowledge = await request(server)
          .post(`/policy-acknowledgements/${token}`)
          .set('content-type', 'application/json')
          .send(body);
        statuses.push(`acknowledgements ${token.slice(0, 12)} ${acknowledge.status}`);
        const read = await request(server).get(`/policy-acknowledgements/${token}`);
        statuses.push(`acknowledgements-get ${token.slice(0, 12)} ${read.status}`);
      }
    }
    const auth = { authorization: `Bearer ${a.token}`, 'x-socle-organization': org };
    for (const [type, body] of [
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="file"; filename="\u0000.png"\r\n\r\n\u0000\u0000\r\n--x--',
      ],
      ['multipart/form-data; boundary=' + 'b'.repeat(5000), '--'],
      ['multipart/form-data', 'garbage'],
      ['application/json', deep],
    ] as const) {
      const r = await request(server).post('/media').set(auth).set('content-type', type).send(body);
      statuses.push(`media ${r.status}`);
    }
    for (const id of ['not-a-uuid', '00000000-0000-0000-0000-000000000000', '%00', 'a'.repeat(5000)]) {
      const r = await request(server).get(`/media/${id}`).set(auth);
      statuses.push(`media-get ${id.slice(0, 12)} ${r.status}`);
    }
    // The organisation archive: the export's passphrase body and path, the import's multipart, as the agency's owner.
    const owner = { authorization: `Bearer ${a.token}` };
    for (const body of [
      deep,
      '{"passphrase":"\u0000\u0000\u0000\u0000\u0000\u0000\u0000"}',
      '{"passphrase":"\ud800"}',
      '{"passphrase":',
      'x'.repeat(2_000_000),
    ]) {
      const r = await request(server).post(`/organizations/${org}/archive`).set(owner).set('content-type', 'application/json').send(body);
      statuses.push(`archive ${r.status}`);
    }
    for (const id of ['not-a-uuid', '%00', 'a'.repeat(5000), '..%2f..%2fetc']) {
      const r = await request(server).post(`/organizations/${id}/archive`).set(owner).send({ passphrase: 'a long enough passphrase' });
      statuses.push(`archive ${id.slice(0, 12)} ${r.status}`);
    }
    for (const [type, body] of [
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="passphrase"\r\n\r\n\u0000\ud800\r\n--x\r\nContent-Disposition: form-data; name="archive"; filename="\u0000.tar.gz"\r\n\r\n\u0000\u0000\r\n--x--',
      ],
      ['multipart/form-data; boundary=' + 'b'.repeat(5000), '--'],
      ['multipart/form-data', 'garbage'],
      ['application/json', deep],
    ] as const) {
      const r = await request(server).post('/agency/organization-archives').set(owner).set('content-type', type).send(body);
      statuses.push(`archive-import ${r.status}`);
    }
    expect(statuses.length).toBe(6 * 5 * 5 + 4 + 4 + 5 + 4 + 4);
    expect(statuses.filter((s) => !/\s4\d\d$/.test(s))).toEqual([]);
    // About 200 requests, some of 2 MB: a few seconds alone, far longer beside a full run on two cores.
  }, 180_000);
});
