import type { Client } from 'pg';
import { AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { adminDatabase, firstError, heldAtWrite } from './e2e-support';

const CREATE_QUERY = 'mutation ($input: CreateListeningQueryInput!) { createListeningQuery(input: $input) { id } }';

/**
 * Writes that race for one unique key: each module checks its keys first (a name already used), but two requests
 * can both pass the check before either writes. Held at the write together (a SHARE lock on the table lets their
 * reads by and stops their writes until all wait), one wins and the others are told CONFLICT, never INTERNAL;
 * one row is stored. A key no module names still answers CONFLICT (CONCURRENT_WRITE: see the API's formatError).
 */
describe('concurrent writes for one unique key', () => {
  let api: TestApi;
  let admin: Client;
  let owner: AgencySession;
  let org: string;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Concurrence');
    org = await createOrganization(api, owner, 'Client Concurrence');
  });
  afterAll(async () => {
    await api?.stop();
    await admin?.end();
  });

  it('four listening queries of one name created at once: one stored, the others CONFLICT', async () => {
    const name = 'Veille boulangerie';
    const answers = await heldAtWrite(
      'listening_queries',
      [1, 2, 3, 4].map(
        () => () =>
          api.gql<{ createListeningQuery: { id: string } }>(
            CREATE_QUERY,
            { input: { kind: 'BRAND', name, query: 'boulangerie' } },
            { token: owner.token, organizationId: org },
          ),
      ),
    );
    const made = answers.filter((res) => res.body.data?.createListeningQuery);
    expect(made).toHaveLength(1);
    for (const res of answers.filter((r) => !r.body.data?.createListeningQuery)) {
      expect(res.status).toBeLessThan(500);
      // Told as the check tells it: the name, where it was given.
      expect(firstError(res).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.name', reason: 'LISTENING_QUERY_NAME_TAKEN' });
    }
    const { rows } = await admin.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM listening_queries WHERE organization_id = $1 AND lower(name) = lower($2)',
      [org, name],
    );
    expect(rows[0].n).toBe(1);
  });
});
