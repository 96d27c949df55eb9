import type { AttackModule } from './attack-module';

const ASSET_FIELDS = 'id contentType byteSize sha256 width height fileName tags usageCount updatedAt';

export const contentMediaAttacks: AttackModule = {
  name: 'content-media',
  async setup({ asOwner, orgB }) {
    // One asset in B's media library, tagged, planted as owner (its file is not needed to aim at it).
    const [asset] = await asOwner<{ id: string }>(
      `INSERT INTO media_assets (organization_id, storage_key, content_type, byte_size, sha256, width, height, file_name, tags)
       VALUES ($1, md5(random()::text), 'image/png', 1234, repeat('ab', 32), 640, 480, 'b.png', '{brand}') RETURNING id`,
      [orgB],
    );
    return { mediaAssetB: asset.id };
  },
  attacks: {
    mediaAssets: () => [
      { query: '{ mediaAssets(first: 10) { edges { node { id } } } }', options: 'orgB' },
      { query: '{ mediaAssets(first: 10, tag: "brand") { edges { node { id } } } }', options: 'orgB' },
    ],
    mediaAsset: ({ mediaAssetB }) => [
      { query: `{ mediaAsset(id: "${mediaAssetB}") { id downloadUrl } }`, options: 'orgB' },
      { query: `{ mediaAsset(id: "${mediaAssetB}") { id downloadUrl } }`, options: 'orgA' },
    ],
    tagMediaAsset: ({ mediaAssetB }) => [
      { query: `mutation { tagMediaAsset(input: { id: "${mediaAssetB}", tags: ["pwned"] }) { id } }`, options: 'orgB' },
      { query: `mutation { tagMediaAsset(input: { id: "${mediaAssetB}", tags: ["pwned"] }) { id } }`, options: 'orgA' },
    ],
    deleteMediaAsset: ({ mediaAssetB }) => [
      { query: `mutation { deleteMediaAsset(input: { id: "${mediaAssetB}" }) { id } }`, options: 'orgB' },
      { query: `mutation { deleteMediaAsset(input: { id: "${mediaAssetB}" }) { id } }`, options: 'orgA' },
    ],
  },
  snapshot: async ({ api, b, orgB, asOwner }) => ({
    rows: await asOwner('SELECT id, storage_key, tags, updated_at FROM media_assets WHERE organization_id = $1 ORDER BY id', [orgB]),
    api: await api.ok(`{ mediaAssets(first: 100) { edges { node { ${ASSET_FIELDS} } } } }`, {}, { token: b.token, organizationId: orgB }),
  }),
};
