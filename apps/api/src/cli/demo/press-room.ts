/** The demo's press rooms: one per client, live, with its press contact, the blog digest offered, and a first release. */
import { apiLocale, clientIds, DemoCall } from './calls';

type Headers = Record<string, string>;

const ROOMS: Record<string, { description: string; contact: { name: string; role: string; email: string } }> = {
  boulangerie: {
    description: 'Les communiqués, photos et contacts presse de la Boulangerie Dupont, artisan boulanger-pâtissier à Annecy depuis 1987.',
    contact: { name: 'Claire Dupont', role: 'Relations presse', email: 'presse@boulangerie.demo' },
  },
  mutuelle: {
    description: 'Espace presse de la Mutuelle des Alpes : communiqués, chiffres clés, visuels et contacts pour les journalistes.',
    contact: { name: 'Service communication', role: 'Contact presse', email: 'presse@mutuelle.demo' },
  },
  velo: {
    description: 'Press releases, product images and press contacts of Cycles Léman SA, bicycle maker on Lake Geneva.',
    contact: { name: 'Press office', role: 'Media relations', email: 'press@velo.demo' },
  },
};

/**
 * Opens each client's press room at `/press/<slug>` the first time (a room already there is left as its members set
 * it), and publishes its first release from an approved item once one exists and the room has none. Through the
 * public API, idempotent: a second run changes nothing.
 */
export async function seedPressRoomDemo(
  must: DemoCall,
  ownerAuth: Headers,
  clients: readonly { slug: string; name: string; locale: string }[],
  report: (line: string) => void = () => undefined,
): Promise<void> {
  const ids = await clientIds(must, ownerAuth);
  for (const client of clients) {
    const room = ROOMS[client.slug];
    const orgId = ids.get(client.name);
    if (!room || !orgId) continue;
    const owner = { ...ownerAuth, 'x-socle-organization': orgId };
    const found = await must<{ pressRoom: { url: string } | null; pressReleases: { totalCount: number } }>(
      '{ pressRoom { url } pressReleases(first: 1) { totalCount } }',
      {},
      owner,
    );
    let url = found.pressRoom?.url;
    if (!found.pressRoom) {
      const open = (slug: string) =>
        must<{ updatePressRoom: { url: string } }>(
          'mutation ($input: UpdatePressRoomInput!) { updatePressRoom(input: $input) { url } }',
          {
            input: {
              slug,
              title: client.name,
              description: room.description,
              enabled: true,
              language: apiLocale(client.locale),
              blogDigest: true,
              contacts: [room.contact],
            },
          },
          owner,
        );
      // Slugs are unique on the instance: another organisation may hold the client's (a second demo agency).
      const saved = await open(client.slug).catch((error: unknown) => {
        if (!String(error instanceof Error ? error.message : error).includes('PRESS_ROOM_SLUG_TAKEN')) throw error;
        return open(`${client.slug}-${orgId.slice(0, 8)}`);
      });
      url = saved.updatePressRoom.url;
      report(`${client.name}: press room at ${url}`);
    }
    if (found.pressReleases.totalCount > 0) continue;
    const items = await must<{ contentItems: { edges: { node: { id: string; status: string } }[] } }>(
      '{ contentItems(first: 100) { edges { node { id status } } } }',
      {},
      owner,
    );
    const approved = items.contentItems.edges.find((e) => e.node.status === 'APPROVED')?.node;
    if (!approved) continue;
    const release = await must<{ publishPressRelease: { url: string } }>(
      'mutation ($input: PublishPressReleaseInput!) { publishPressRelease(input: $input) { url } }',
      { input: { itemId: approved.id } },
      owner,
    );
    report(`${client.name}: first press release at ${release.publishPressRelease.url}`);
  }
}
