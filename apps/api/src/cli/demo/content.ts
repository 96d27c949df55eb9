/**
 * Demo editorial life of each client organisation, through the public API, in
 * the client's language: its approval chain, ideas from the suggestion box
 * (suggested by the contributor; one accepted, one declined with a reason, one
 * waiting for triage) and items written by the community manager with a brief,
 * theme, campaign, strategy references and a planned day over the coming weeks.
 *
 * Review and approval need a variant, and a variant needs a connected network
 * account. The demo connects none (nothing may call a network at start-up), so
 * the items meant for review and approval stay DRAFT; once an account with
 * publishing is connected, the next run writes their variants, submits them
 * and has the people of the approval chain approve. Nothing here calls a
 * network: variants are checked against the connector's manifest and the
 * organisation's rules, and nothing is scheduled.
 *
 * Idempotent: every piece is looked up (items by title) before it is created,
 * and each item is only ever moved forward towards its target status.
 * Mutations of one kind are sent together as one aliased operation.
 */
import { actingAs, clientIds, type DemoCall, type LogIn } from './calls';

type Headers = Record<string, string>;

type Role = 'STRATEGY_LEAD' | 'CONTENT_LEAD' | 'EXECUTIVE_APPROVER';
type Target = 'DRAFT' | 'IN_REVIEW' | 'APPROVED';

interface DemoIdea {
  title: string;
  brief: string;
  theme: string;
  /** The content lead's decision; null leaves the idea waiting for triage. */
  decision: 'ACCEPT' | 'DECLINE' | null;
  /** Why it is declined (its suggester reads it). */
  reason?: string;
}

interface DemoItem {
  title: string;
  brief: string;
  theme: string;
  campaign: string;
  /** Titles and names of the demo strategy (looked up; left out when absent). */
  objective?: string;
  segment?: string;
  /** The network plan's network, also the preferred account for the variant. */
  network?: string;
  /** Planned for this many days after the run that creates it, at this UTC hour. */
  inDays: number;
  hour: number;
  target: Target;
  /** The variant's text, written once an account can take it (review and approval need one). */
  post: string;
}

interface DemoContent {
  /** null keeps the default chain (the content lead). */
  chain: Role[] | null;
  approvalComment: string;
  ideas: DemoIdea[];
  items: DemoItem[];
}

const CONTENT: Record<string, DemoContent> = {
  boulangerie: {
    chain: null,
    approvalComment: 'Validé, merci : parfait pour le lancement.',
    ideas: [
      {
        title: 'Les coulisses du fournil à 4 h du matin',
        theme: 'Savoir-faire',
        decision: 'ACCEPT',
        brief: 'Une courte vidéo de l’équipe au pétrin avant l’ouverture : le levain, le façonnage, la première fournée.',
      },
      {
        title: 'Concours du plus gros croissant',
        theme: 'Animation',
        decision: 'DECLINE',
        reason:
          'Belle idée, mais un concours demande un règlement et une validation juridique : gardons-la pour l’anniversaire de la boutique.',
        brief: 'Les clients votent pour le croissant le plus généreux de la semaine.',
      },
      {
        title: 'Recette de la pâte à crêpes de Mamie Dupont',
        theme: 'Recettes',
        decision: null,
        brief: 'La recette familiale en quatre photos, avec notre farine de blé T65.',
      },
    ],
    items: [
      {
        title: 'Click & collect : commandez la veille, retirez dès 7 h',
        theme: 'Services',
        campaign: 'Click & collect',
        objective: 'Commandes en ligne',
        segment: 'Familles du quartier',
        network: 'mastodon',
        inDays: 3,
        hour: 7,
        target: 'APPROVED',
        brief: 'Rappeler que la commande en ligne existe et qu’elle est prête à l’ouverture. Ton chaleureux, une photo du comptoir.',
        post: 'Commandez votre pain la veille sur notre site et retirez-le dès 7 h, encore tiède. Simple, rapide et fait maison. #ClickAndCollect',
      },
      {
        title: 'Portrait : Julien, apprenti boulanger',
        theme: 'Savoir-faire',
        campaign: 'Nos artisans',
        objective: 'Notoriété dans le quartier',
        segment: 'Presse locale',
        network: 'mastodon',
        inDays: 8,
        hour: 8,
        target: 'IN_REVIEW',
        brief: 'Julien prépare son CAP chez nous : son parcours, sa première fournée, ce qu’il aime dans le métier.',
        post: 'Julien a 17 ans et prépare son CAP chez nous. Ce matin, il a façonné seul sa première fournée de baguettes au levain. Bravo Julien ! #Apprentissage',
      },
      {
        title: 'Le pain du mois : seigle et noix',
        theme: 'Produits',
        campaign: 'Pain du mois',
        objective: 'Notoriété dans le quartier',
        segment: 'Familles du quartier',
        network: 'mastodon',
        inDays: 15,
        hour: 7,
        target: 'DRAFT',
        brief: 'Présenter le pain du mois, son levain et l’accord avec les fromages de la fromagerie voisine.',
        post: 'Ce mois-ci : le pain de seigle aux noix, au levain naturel. Parfait avec un bon fromage !',
      },
      {
        title: 'Atelier enfants du mercredi : façonner son petit pain',
        theme: 'Animation',
        campaign: 'Nos artisans',
        segment: 'Familles du quartier',
        network: 'mastodon',
        inDays: 22,
        hour: 9,
        target: 'DRAFT',
        brief: 'Annoncer l’atelier (8 enfants, 45 minutes, inscription en boutique) et montrer les petits pains de la dernière édition.',
        post: 'Mercredi, atelier pour les 6-10 ans : chacun façonne et emporte son petit pain. Inscriptions en boutique.',
      },
    ],
  },
  mutuelle: {
    chain: ['CONTENT_LEAD', 'EXECUTIVE_APPROVER'],
    approvalComment: 'Validé : le message est clair et conforme à nos engagements.',
    ideas: [
      {
        title: 'Les questions des adhérents en vidéo',
        theme: 'Pédagogie',
        decision: 'ACCEPT',
        brief: 'Chaque mois, un conseiller répond en une minute à la question la plus posée à l’accueil.',
      },
      {
        title: 'Témoignages d’adhérents hospitalisés',
        theme: 'Témoignages',
        decision: 'DECLINE',
        reason:
          'Ce sont des données de santé : nous ne publions pas d’histoires de soins, même anonymisées. Proposons plutôt des témoignages sur la prévention.',
        brief: 'Des adhérents racontent comment la mutuelle les a accompagnés pendant une hospitalisation.',
      },
      {
        title: 'Quiz : connaissez-vous vos garanties ?',
        theme: 'Pédagogie',
        decision: null,
        brief: 'Cinq questions simples sur l’optique, le dentaire et les médecines douces, avec les réponses le lendemain.',
      },
    ],
    items: [
      {
        title: 'Prévention : 5 gestes pour le dos au bureau',
        theme: 'Prévention',
        campaign: 'Santé au travail',
        objective: 'Nouveaux adhérents jeunes actifs',
        segment: 'Jeunes actifs',
        network: 'bluesky',
        inDays: 4,
        hour: 11,
        target: 'APPROVED',
        brief: 'Des conseils concrets et validés par notre médecin conseil, en visuel carrousel, sans promesse de remboursement.',
        post: 'Mal de dos au bureau ? Écran à hauteur des yeux, pieds à plat, une pause toutes les heures… Nos 5 gestes simples pour prendre soin de vous. #Prévention',
      },
      {
        title: 'Suivre ses remboursements dans l’espace adhérent',
        theme: 'Services',
        campaign: 'Espace adhérent',
        objective: 'Relation adhérents',
        segment: 'Adhérents',
        network: 'bluesky',
        inDays: 9,
        hour: 11,
        target: 'IN_REVIEW',
        brief: 'Montrer en trois captures où suivre ses demandes de remboursement, pour réduire les appels à l’accueil.',
        post: 'Où en est votre remboursement ? Connectez-vous à votre espace adhérent, rubrique « Mes demandes » : tout y est, étape par étape.',
      },
      {
        title: 'Premier emploi : comprendre sa complémentaire santé',
        theme: 'Pédagogie',
        campaign: 'Premier emploi',
        objective: 'Nouveaux adhérents jeunes actifs',
        segment: 'Jeunes actifs',
        network: 'bluesky',
        inDays: 16,
        hour: 17,
        target: 'DRAFT',
        brief: 'Mutuelle d’entreprise, dispense, options : les trois questions des jeunes actifs, en langage simple.',
        post: 'Premier emploi : votre employeur vous propose une mutuelle ? On vous explique l’essentiel en trois points.',
      },
      {
        title: 'Journée de dépistage gratuite à Annecy',
        theme: 'Prévention',
        campaign: 'Santé au travail',
        objective: 'Relation adhérents',
        segment: 'Adhérents',
        network: 'bluesky',
        inDays: 23,
        hour: 8,
        target: 'DRAFT',
        brief: 'Annoncer la journée de dépistage (tension, vue, audition) avec nos partenaires, sur inscription.',
        post: 'Journée de dépistage gratuite à Annecy : tension, vue, audition. Inscription sur notre site.',
      },
    ],
  },
  velo: {
    chain: ['CONTENT_LEAD', 'STRATEGY_LEAD'],
    approvalComment: 'Approved: clear offer, on brand.',
    ideas: [
      {
        title: 'Factory floor: how a frame is welded',
        theme: 'Behind the scenes',
        decision: 'ACCEPT',
        brief: 'A 45-second clip from the Morges workshop: tube cutting, welding, the final alignment check.',
      },
      {
        title: 'Price match against Alpen Bikes',
        theme: 'Promotion',
        decision: 'DECLINE',
        reason: 'We do not compete on price in public: let us show service and durability instead.',
        brief: 'Match any lower price for the same class of e-bike for one month.',
      },
      {
        title: 'Commuter of the month',
        theme: 'Community',
        decision: null,
        brief: 'Each month, one rider tells us about their daily route, with a photo of their bike.',
      },
    ],
    items: [
      {
        title: 'Book a test ride at the Lausanne showroom',
        theme: 'Test rides',
        campaign: 'Test-ride weekends',
        objective: 'Online test-ride bookings',
        segment: 'Commuters',
        network: 'mastodon',
        inDays: 2,
        hour: 16,
        target: 'APPROVED',
        brief: 'Drive bookings: the offer (free, 30 minutes, helmets provided), the hours, one link.',
        post: 'Ride before you decide: book a free 30-minute test ride at our Lausanne showroom, any weekday after 4 pm. Helmets provided. #TestRide',
      },
      {
        title: 'Commute checklist: lights, brakes, tyres, chain',
        theme: 'Service',
        campaign: 'Commuter care',
        segment: 'Commuters',
        network: 'bluesky',
        inDays: 6,
        hour: 6,
        target: 'IN_REVIEW',
        brief: 'Four checks before the morning ride, each with a photo; end with the free check-up at any dealer.',
        post: 'Four checks before your morning ride: lights on, brakes firm, tyres at pressure, chain clean. Need a hand? Any Cycles Léman dealer checks it for free.',
      },
      {
        title: 'New Léman City frame: Swiss-made from tube to paint',
        theme: 'Product',
        campaign: 'Léman City launch',
        objective: 'Share of voice among Swiss cyclists',
        segment: 'Cycling press',
        network: 'bluesky',
        inDays: 13,
        hour: 9,
        target: 'DRAFT',
        brief: 'Launch post for the press: what changed in the frame, where it is made, availability.',
        post: 'Meet the new Léman City frame: designed, welded and painted in Switzerland.',
      },
      {
        title: 'Workshop open day: meet the mechanics',
        theme: 'Behind the scenes',
        campaign: 'Commuter care',
        objective: 'Share of voice among Swiss cyclists',
        segment: 'Commuters',
        network: 'mastodon',
        inDays: 20,
        hour: 8,
        target: 'DRAFT',
        brief: 'Invite riders to the workshop open day: tours every hour, a repair corner, coffee.',
        post: 'Workshop open day: tours every hour, a repair corner and coffee with the mechanics who build your ride.',
      },
    ],
  },
};

const ITEM_FIELDS = 'id title status source revision variants { id networkAccountId }';

interface Item {
  id: string;
  title: string;
  status: string;
  source: string;
  revision: number;
  variants: { id: string; networkAccountId: string | null }[];
}
interface Progress {
  status: string;
  currentStep: number | null;
  steps: { number: number; role: string | null }[];
}

/**
 * One operation carrying one aliased mutation per input, so a batch costs one
 * round trip (and one transaction). Returns the results in input order.
 */
export async function batch<T>(
  must: DemoCall,
  as: () => Promise<Headers>,
  mutation: string,
  inputType: string,
  selection: string,
  inputs: Record<string, unknown>[],
): Promise<T[]> {
  if (inputs.length === 0) return [];
  const headers = await as();
  const params = inputs.map((_, i) => `$i${i}: ${inputType}!`).join(', ');
  const fields = inputs.map((_, i) => `i${i}: ${mutation}(input: $i${i}) { ${selection} }`).join(' ');
  const data = await must<Record<string, T>>(
    `mutation ${mutation}Batch(${params}) { ${fields} }`,
    Object.fromEntries(inputs.map((v, i) => [`i${i}`, v])),
    headers,
  );
  return inputs.map((_, i) => data[`i${i}`]);
}

/** `2026-12-05T07:00:00.000Z`: `days` after today (UTC) at `hour` UTC. */
function plannedFor(days: number, hour: number, now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days, hour)).toISOString();
}

export async function seedContentDemo(
  must: DemoCall,
  logIn: LogIn,
  ownerAuth: Headers,
  clients: readonly { slug: string; name: string; locale: string }[],
  report: (line: string) => void = () => undefined,
): Promise<void> {
  const ids = await clientIds(must, ownerAuth);
  for (const client of clients) {
    const plan = CONTENT[client.slug];
    const orgId = ids.get(client.name);
    if (!plan || !orgId) continue;
    const owner = { ...ownerAuth, 'x-socle-organization': orgId };
    // Each demo person logs in once per run (the seed keeps their session), and only when they have something to do.
    const as = actingAs(logIn, client.slug, orgId);

    const chain = await must<{ approvalChain: { isDefault: boolean } }>('{ approvalChain { isDefault } }', {}, owner);
    if (plan.chain && chain.approvalChain.isDefault) {
      await must(
        'mutation ($input: SetApprovalChainInput!) { setApprovalChain(input: $input) { isDefault } }',
        { input: { steps: plan.chain.map((role) => ({ role, mode: 'ANY' })) } },
        await as('CONTENT_LEAD'),
      );
    }

    const listed = await must<{ contentItems: { edges: { node: Item }[] } }>(
      `{ contentItems(first: 100) { edges { node { ${ITEM_FIELDS} } } } }`,
      {},
      owner,
    );
    const items = new Map(listed.contentItems.edges.map((e) => [e.node.title, e.node]));

    // The suggestion box: the contributor suggests, the content lead triages.
    const newIdeas = plan.ideas.filter((idea) => !items.has(idea.title));
    const suggested = await batch<Item>(
      must,
      () => as('CONTRIBUTOR'),
      'suggestContentIdea',
      'SuggestContentIdeaInput',
      ITEM_FIELDS,
      newIdeas.map(({ title, brief, theme }) => ({ title, brief, theme })),
    );
    for (const item of suggested) items.set(item.title, item);
    const toTriage = plan.ideas.filter((idea) => idea.decision && items.get(idea.title)?.status === 'IDEA');
    const triaged = await batch<Item>(
      must,
      () => as('CONTENT_LEAD'),
      'triageContentIdea',
      'TriageContentIdeaInput',
      ITEM_FIELDS,
      toTriage.map((idea) => ({ id: items.get(idea.title)?.id, decision: idea.decision, reason: idea.reason })),
    );
    for (const item of triaged) items.set(item.title, item);

    // The task force's items, written by the community manager.
    const newItems = plan.items.filter((item) => !items.has(item.title));
    if (newItems.length) {
      const refs = await must<{
        objectives: { edges: { node: { id: string; title: string } }[] };
        audienceSegments: { edges: { node: { id: string; name: string } }[] };
        networkPlans: { edges: { node: { id: string; network: string } }[] };
      }>(
        '{ objectives(first: 100) { edges { node { id title } } } audienceSegments(first: 100) { edges { node { id name } } } networkPlans(first: 100) { edges { node { id network } } } }',
        {},
        owner,
      );
      const now = new Date();
      const created = await batch<Item>(
        must,
        () => as('COMMUNITY_MANAGER'),
        'createContentItem',
        'CreateContentItemInput',
        ITEM_FIELDS,
        newItems.map((item) => ({
          title: item.title,
          brief: item.brief,
          theme: item.theme,
          campaign: item.campaign,
          plannedFor: plannedFor(item.inDays, item.hour, now),
          objectiveId: refs.objectives.edges.find((e) => e.node.title === item.objective)?.node.id,
          segmentId: refs.audienceSegments.edges.find((e) => e.node.name === item.segment)?.node.id,
          networkPlanId: refs.networkPlans.edges.find((e) => e.node.network === item.network)?.node.id,
        })),
      );
      for (const item of created) items.set(item.title, item);
    }

    // Review and approval: only with a connected account that publishes (the demo has none until one is connected).
    const toSubmit = plan.items.filter((item) => item.target !== 'DRAFT' && items.get(item.title)?.status === 'DRAFT');
    if (toSubmit.length) {
      const accounts = await must<{
        networks: { id: string; capabilities: string[] }[];
        networkAccounts: { edges: { node: { id: string; network: string; status: string } }[] };
      }>('{ networks { id capabilities } networkAccounts(first: 100) { edges { node { id network status } } } }', {}, owner);
      const publishing = new Set(accounts.networks.filter((n) => n.capabilities.includes('publish')).map((n) => n.id));
      const usable = accounts.networkAccounts.edges.map((e) => e.node).filter((a) => a.status === 'OK' && publishing.has(a.network));
      if (usable.length === 0) {
        report(
          `${client.name}: ${toSubmit.length} item(s) stay DRAFT until a network account is connected (review needs a variant for an account).`,
        );
      } else {
        const writer = () => as('COMMUNITY_MANAGER');
        const withoutVariant = toSubmit.filter((item) => items.get(item.title)?.variants.length === 0);
        await batch(
          must,
          writer,
          'setVariant',
          'SetContentVariantInput',
          'id',
          withoutVariant.map((item) => ({
            itemId: items.get(item.title)?.id,
            networkAccountId: (usable.find((a) => a.network === item.network) ?? usable[0]).id,
            text: item.post,
          })),
        );
        const submitted = await batch<Item>(
          must,
          writer,
          'submitContentItem',
          'ContentItemInput',
          ITEM_FIELDS,
          toSubmit.map((item) => ({ id: items.get(item.title)?.id })),
        );
        for (const item of submitted) items.set(item.title, item);
      }
    }

    // Each step of the chain decided by the demo person holding its role.
    for (const item of plan.items.filter((i) => i.target === 'APPROVED' && items.get(i.title)?.status === 'IN_REVIEW')) {
      const itemId = items.get(item.title)?.id;
      for (let step = 0; step < 3; step += 1) {
        const progress = (
          await must<{ contentItemApprovals: Progress }>(
            'query ($id: ID!) { contentItemApprovals(itemId: $id) { status currentStep steps { number role } } }',
            { id: itemId },
            owner,
          )
        ).contentItemApprovals;
        const role = progress.currentStep === null ? null : progress.steps[progress.currentStep - 1].role;
        if (progress.status !== 'IN_REVIEW' || !role) break;
        await must(
          'mutation ($input: ApproveContentItemInput!) { approveContentItem(input: $input) { status } }',
          { input: { itemId, comment: plan.approvalComment } },
          await as(role),
        );
      }
    }
  }
}
