import { Client } from 'pg';
import { DEFAULT_MATURITY_MODEL, DEFAULT_MODEL_VERSION, MaturityModelContent } from '@socle/evaluation';
import { AgencySession, signUpAgency, TestApi } from '@socle/testing';
import { firstError } from './e2e-support';

const MODEL_FIELDS =
  'id name builtIn latestPublishedVersion draftVersion versions { id modelId version status createdAt publishedAt content }';

interface Version {
  id: string;
  modelId: string;
  version: number;
  status: string;
  publishedAt: string | null;
  content: MaturityModelContent;
}
interface Model {
  id: string;
  name: string;
  builtIn: boolean;
  latestPublishedVersion: number | null;
  draftVersion: number | null;
  versions: Version[];
}

/**
 * Maturity models over GraphQL: the built-in default first, copying it,
 * editing the draft, publishing (then immutable, also in SQL), export and
 * import with every problem named by its path.
 */
describe('maturity models', () => {
  let api: TestApi;
  let admin: Client;
  let owner: AgencySession;

  const as = () => ({ token: owner.token });
  const create = async (input: Record<string, unknown>) =>
    (
      await api.ok<{ createMaturityModel: Model }>(
        `mutation ($input: CreateMaturityModelInput!) { createMaturityModel(input: $input) { ${MODEL_FIELDS} } }`,
        { input },
        as(),
      )
    ).createMaturityModel;
  const updateDraft = (modelId: string, content: unknown) =>
    api.gql<{ updateMaturityModelDraft: Version }>(
      'mutation ($input: UpdateMaturityModelDraftInput!) { updateMaturityModelDraft(input: $input) { id modelId version status content } }',
      { input: { modelId, content } },
      as(),
    );
  const publish = (modelId: string) =>
    api.gql<{ publishMaturityModelVersion: Version }>(
      'mutation ($input: PublishMaturityModelVersionInput!) { publishMaturityModelVersion(input: $input) { id modelId version status publishedAt content } }',
      { input: { modelId } },
      as(),
    );
  const importModel = (name: string, json: string) =>
    api.gql<{ importMaturityModel: Model }>(
      `mutation ($input: ImportMaturityModelInput!) { importMaturityModel(input: $input) { ${MODEL_FIELDS} } }`,
      { input: { name, json } },
      as(),
    );
  const countModels = async () =>
    (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM maturity_models WHERE agency_id = $1', [owner.agencyId])).rows[0].n;

  beforeAll(async () => {
    api = await TestApi.start();
    owner = await signUpAgency(api, 'Agence Modèles');
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await api.stop();
  });

  it('lists the built-in model first, published and read-only', async () => {
    const data = await api.ok<{ maturityModels: { edges: { node: Model }[] } }>(
      `{ maturityModels(first: 5) { edges { node { ${MODEL_FIELDS} } } } }`,
      {},
      as(),
    );
    const first = data.maturityModels.edges[0].node;
    expect(first).toMatchObject({ id: 'default', builtIn: true, latestPublishedVersion: DEFAULT_MODEL_VERSION, draftVersion: null });
    expect(first.versions.map((v) => [v.version, v.status])).toEqual([[DEFAULT_MODEL_VERSION, 'PUBLISHED']]);
    expect(first.versions[0].content).toEqual(JSON.parse(JSON.stringify(DEFAULT_MATURITY_MODEL)));
    const change = await updateDraft('default', DEFAULT_MATURITY_MODEL);
    expect(firstError(change).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.modelId' });
  });

  it('copies the default, edits the draft, publishes it; the published version then never changes', async () => {
    const model = await create({ name: 'Modèle Horizon', fromModelId: 'default' });
    expect(model).toMatchObject({ builtIn: false, name: 'Modèle Horizon', draftVersion: 1, latestPublishedVersion: null });
    expect(model.versions[0].content.dimensions).toEqual(JSON.parse(JSON.stringify(DEFAULT_MATURITY_MODEL.dimensions)));

    const edited = structuredClone(model.versions[0].content);
    edited.dimensions[0].weight = 30;
    edited.levels[1].name = { fr: 'Découverte', en: 'Discovering' };
    const saved = await updateDraft(model.id, edited);
    expect(saved.body.data?.updateMaturityModelDraft).toMatchObject({ version: 1, status: 'DRAFT' });

    const published = (await publish(model.id)).body.data?.publishMaturityModelVersion;
    expect(published).toMatchObject({ version: 1, status: 'PUBLISHED' });
    expect(published?.content.dimensions[0].weight).toBe(30);
    // Nothing left to publish.
    expect(firstError(await publish(model.id)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.modelId' });

    // Editing after publication starts version 2; version 1 stays as published.
    const next = structuredClone(edited);
    next.dimensions[0].weight = 5;
    expect((await updateDraft(model.id, next)).body.data?.updateMaturityModelDraft).toMatchObject({ version: 2, status: 'DRAFT' });
    const read = (
      await api.ok<{ maturityModel: Model }>(`query ($id: ID!) { maturityModel(id: $id) { ${MODEL_FIELDS} } }`, { id: model.id }, as())
    ).maturityModel;
    expect(read).toMatchObject({ latestPublishedVersion: 1, draftVersion: 2 });
    expect(read.versions.map((v) => [v.version, v.status, v.content.dimensions[0].weight])).toEqual([
      [2, 'DRAFT', 5],
      [1, 'PUBLISHED', 30],
    ]);
    // A version's id is the same in the model's versions and in the answers of the mutations that made it; each version has its own,
    // and the same number of another model is another version.
    const [v2, v1] = read.versions.map((v) => v.id);
    expect([model.versions[0].id, saved.body.data?.updateMaturityModelDraft.id, published?.id]).toEqual([v1, v1, v1]);
    expect(v2).not.toBe(v1);
    const other = await create({ name: 'Modèle Voisin', fromModelId: 'default' });
    expect(other.versions.map((v) => v.version)).toEqual([1]);
    expect(other.versions[0].id).not.toBe(v1);

    // And the database itself refuses to change or delete the published version.
    await expect(
      admin.query(`UPDATE maturity_model_versions SET content = '{}'::jsonb WHERE model_id = $1 AND version = 1`, [model.id]),
    ).rejects.toThrow(/published and cannot change/);
    await expect(admin.query('DELETE FROM maturity_model_versions WHERE model_id = $1 AND version = 1', [model.id])).rejects.toThrow(
      /published and cannot change/,
    );
  });

  it('refuses invalid draft content with every path, and stores nothing', async () => {
    const model = await create({ name: 'Brouillon', fromModelId: 'default' });
    const bad = structuredClone(model.versions[0].content);
    bad.levels[1].minScore = 0;
    bad.dimensions[2].criteria[0].weight = -1;
    bad.dimensions[3].title.en = '';
    const res = await updateDraft(model.id, bad);
    const error = firstError(res);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    const fields = (error.extensions.problems as { field: string }[]).map((p) => p.field).sort();
    expect(fields).toEqual([
      'input.content.dimensions[2].criteria[0].weight',
      'input.content.dimensions[3].title.en',
      'input.content.levels[1].minScore',
    ]);
    const read = (
      await api.ok<{ maturityModel: Model }>(`query ($id: ID!) { maturityModel(id: $id) { ${MODEL_FIELDS} } }`, { id: model.id }, as())
    ).maturityModel;
    expect(read.versions[0].content).toEqual(model.versions[0].content);
  });

  it('starts from a minimal valid skeleton, or from given content', async () => {
    const skeleton = await create({ name: 'Vierge' });
    expect(skeleton.versions[0].content.levels).toHaveLength(2);
    expect((await publish(skeleton.id)).body.data?.publishMaturityModelVersion.status).toBe('PUBLISHED');
    const three = structuredClone(DEFAULT_MATURITY_MODEL);
    three.levels = [three.levels[0], { ...three.levels[2], number: 2, minScore: 35 }, { ...three.levels[4], number: 3, minScore: 70 }];
    const given = await create({ name: 'Trois étapes', content: three });
    expect(given.versions[0].content.levels.map((l) => l.minScore)).toEqual([0, 35, 70]);
    const both = await api.gql(
      'mutation { createMaturityModel(input: { name: "x", fromModelId: "default", content: { a: 1 } }) { id } }',
      {},
      as(),
    );
    expect(firstError(both).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.content' });
  });

  it('exports in the published format and imports it back unchanged', async () => {
    const exported = (await api.ok<{ exportMaturityModel: string }>('{ exportMaturityModel(modelId: "default") }', {}, as()))
      .exportMaturityModel;
    const doc = JSON.parse(exported);
    expect(doc).toMatchObject({ format: 'socle.maturity-model', formatVersion: 1 });
    const schema = JSON.parse((await api.ok<{ maturityModelJsonSchema: string }>('{ maturityModelJsonSchema }')).maturityModelJsonSchema);
    expect(doc.$schema).toBe(schema.$id);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');

    const res = await importModel('Importé', exported);
    const imported = res.body.data?.importMaturityModel;
    expect(imported).toMatchObject({ name: 'Importé', draftVersion: 1 });
    expect(imported?.versions[0].content).toEqual(doc.model);
  });

  it('refuses an invalid import with the path of each problem, storing nothing', async () => {
    const before = await countModels();
    const doc = JSON.parse(
      (await api.ok<{ exportMaturityModel: string }>('{ exportMaturityModel(modelId: "default") }', {}, as())).exportMaturityModel,
    );
    doc.model.dimensions[2].criteria[0].weight = 0;
    doc.model.levels[3].minScore = 10;
    doc.model.dimensions[1].criteria[0].evidenceKey = 'nobody.computesThis';
    const res = await importModel('Cassé', JSON.stringify(doc));
    const error = firstError(res);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    const fields = (error.extensions.problems as { field: string }[]).map((p) => p.field).sort();
    expect(fields).toEqual([
      'input.json.model.dimensions[1].criteria[0].evidenceKey',
      'input.json.model.dimensions[2].criteria[0].weight',
      'input.json.model.levels[3].minScore',
    ]);
    expect(res.body.data ?? null).toBeNull();

    const notJson = firstError(await importModel('Cassé', '{"format": '));
    expect(notJson.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.json' });
    expect(await countModels()).toBe(before);
  });

  it('keeps management to agency owners and admins', async () => {
    const res = await api.gql('mutation { createMaturityModel(input: { name: "x" }) { id } }', {}, { token: 'not-a-token' });
    expect(firstError(res).extensions.code).toBe('UNAUTHENTICATED');
  });
});
