/**
 * The demo's practice on its network, through the public API, different for
 * each client so that the portfolio, the roadmap and the reports tell three
 * stories:
 * - the bakery publishes a little and answers slowly (one question answered,
 *   one assigned and waiting, a complaint left unanswered);
 * - the mutual listens and answers well (every question answered) but
 *   publishes rarely (its approved post goes out on its planned day);
 * - the bicycle maker publishes a lot (short posts due within the first minute)
 *   and answers some.
 * Approved items are scheduled and published by the worker; replies are sent by
 * the worker to the demo network. Publication history before the first start
 * cannot be written through the API: the demo network holds the clients' older
 * posts, Socle's publications start at the first start.
 *
 * Idempotent: items are looked up by title and only moved forward; only NEW or
 * ASSIGNED inbox items are acted on, and each once.
 */
import { actingAs, clientIds, demoEmail, type DemoCall, type LogIn } from './calls';
import { batch } from './content';

type Headers = Record<string, string>;

interface QuickPost {
  title: string;
  theme: string;
  campaign: string;
  text: string;
  /** Due this many seconds after the run that schedules it. */
  dueInSeconds: number;
}

interface InboxAnswer {
  /** The author's username at the demo network: the practice answers the mention they wrote (not their later comments). */
  author: string;
  assign?: boolean;
  reply?: string;
}

interface Practice {
  /** Seconds from the run to the publication of the client's approved items (by title); absent: their planned day. */
  publishSoon: Record<string, number>;
  quickPosts: QuickPost[];
  inbox: InboxAnswer[];
}

const PRACTICE: Record<string, Practice> = {
  boulangerie: {
    publishSoon: { 'Click & collect : commandez la veille, retirez dès 7 h': 40 },
    quickPosts: [],
    inbox: [
      { author: 'paul_voisin', reply: 'Bonjour Paul, oui : ouverts le 1er mai de 7 h à 13 h. Bonne journée !' },
      { author: 'julie_r', assign: true },
    ],
  },
  mutuelle: {
    publishSoon: {},
    quickPosts: [],
    inbox: [
      {
        author: 'ines_etudiante',
        reply:
          'Bonjour Inès, la mutuelle d’entreprise est en principe obligatoire, mais une dispense est possible dans certains cas : un conseiller vous rappelle si vous nous écrivez en message privé.',
      },
      {
        author: 'gerard_ch',
        assign: true,
        reply:
          'Bonjour Gérard, nous sommes désolés de ce délai. Notre service remboursements reprend votre dossier aujourd’hui et vous appelle.',
      },
      { author: 'lea_m', reply: 'Bonjour Léa, rubrique « Mes documents » de l’espace adhérent, puis « Attestation de tiers payant ».' },
    ],
  },
  velo: {
    publishSoon: { 'Book a test ride at the Lausanne showroom': 25 },
    quickPosts: [
      {
        title: 'Saturday group ride from the Morges workshop',
        theme: 'Community',
        campaign: 'Commuter care',
        text: 'Saturday 9 am: easy 30 km group ride from our Morges workshop along the lake, coffee included. All bikes welcome. #GroupRide',
        dueInSeconds: 15,
      },
      {
        title: 'Tip: tyre pressure for winter commuting',
        theme: 'Service',
        campaign: 'Commuter care',
        text: 'Winter tip: drop your tyre pressure by 0.5 bar for better grip on wet roads. Check it weekly. #BikeCare',
        dueInSeconds: 35,
      },
      {
        title: 'Léman Cargo back in stock',
        theme: 'Product',
        campaign: 'Léman City launch',
        text: 'The Léman Cargo is back in stock in all sizes. Test it at any dealer this week. #SwissMade',
        dueInSeconds: 50,
      },
      {
        title: 'Rider story: 20 km a day from Nyon',
        theme: 'Community',
        campaign: 'Commuter care',
        text: 'Meet Julia, who rides 20 km a day from Nyon to Geneva on her Léman City, rain or shine. #RiderStory',
        dueInSeconds: 3 * 86_400,
      },
    ],
    inbox: [
      {
        author: 'anna_bern',
        reply: 'Hi Anna! Yes, the Léman City rack takes any rack-mounted child seat up to 22 kg; our dealers fit the Thule Yepp for free.',
      },
      { author: 'pierre_lausanne', assign: true },
    ],
  },
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Item {
  id: string;
  title: string;
  status: string;
  variants: { id: string }[];
}
interface InboxItem {
  id: string;
  kind: string;
  authorHandle: string;
  status: string;
}

export async function seedCommunityDemo(
  must: DemoCall,
  logIn: LogIn,
  ownerAuth: Headers,
  clients: readonly { slug: string; name: string }[],
  report: (line: string) => void = () => undefined,
  options: { inboxWaitMs?: number } = {},
): Promise<void> {
  const ids = await clientIds(must, ownerAuth);
  const targets = clients
    .map((client) => ({
      client,
      practice: PRACTICE[client.slug],
      orgId: ids.get(client.name),
    }))
    .filter((t): t is { client: { slug: string; name: string }; practice: Practice; orgId: string } => !!t.practice && !!t.orgId);

  for (const { client, practice, orgId } of targets) {
    const owner = { ...ownerAuth, 'x-socle-organization': orgId };
    const as = actingAs(logIn, client.slug, orgId);
    const state = await must<{
      contentItems: { edges: { node: Item }[] };
      networkAccounts: { edges: { node: { id: string; network: string; status: string } }[] };
    }>(
      '{ contentItems(first: 100) { edges { node { id title status variants { id } } } } networkAccounts(first: 100) { edges { node { id network status } } } }',
      {},
      owner,
    );
    const account = state.networkAccounts.edges.map((e) => e.node).find((a) => a.network === 'mastodon' && a.status === 'OK');
    if (!account) continue;
    const items = new Map(state.contentItems.edges.map((e) => [e.node.title, e.node]));

    // Short posts written, reviewed and approved the way content.ts does it.
    const newPosts = practice.quickPosts.filter((post) => !items.has(post.title));
    const created = await batch<Item>(
      must,
      () => as('COMMUNITY_MANAGER'),
      'createContentItem',
      'CreateContentItemInput',
      'id title status variants { id }',
      newPosts.map((post) => ({ title: post.title, theme: post.theme, campaign: post.campaign, brief: post.text })),
    );
    for (const item of created) items.set(item.title, item);
    const drafts = practice.quickPosts.filter((post) => items.get(post.title)?.status === 'DRAFT');
    await batch(
      must,
      () => as('COMMUNITY_MANAGER'),
      'setVariant',
      'SetContentVariantInput',
      'id',
      drafts
        .filter((post) => items.get(post.title)?.variants.length === 0)
        .map((post) => ({ itemId: items.get(post.title)?.id, networkAccountId: account.id, text: post.text })),
    );
    const submitted = await batch<Item>(
      must,
      () => as('COMMUNITY_MANAGER'),
      'submitContentItem',
      'ContentItemInput',
      'id title status variants { id }',
      drafts.map((post) => ({ id: items.get(post.title)?.id })),
    );
    for (const item of submitted) items.set(item.title, item);
    for (const post of practice.quickPosts.filter((p) => items.get(p.title)?.status === 'IN_REVIEW')) {
      const itemId = items.get(post.title)?.id;
      for (let step = 0; step < 3; step += 1) {
        const progress = (
          await must<{ contentItemApprovals: { status: string; currentStep: number | null; steps: { role: string | null }[] } }>(
            'query ($id: ID!) { contentItemApprovals(itemId: $id) { status currentStep steps { role } } }',
            { id: itemId },
            owner,
          )
        ).contentItemApprovals;
        const role = progress.currentStep === null ? null : progress.steps[progress.currentStep - 1].role;
        if (progress.status !== 'IN_REVIEW' || !role) break;
        const approved = await must<{ approveContentItem: { status: string } }>(
          'mutation ($input: ApproveContentItemInput!) { approveContentItem(input: $input) { status } }',
          { input: { itemId, comment: 'OK' } },
          await as(role),
        );
        items.set(post.title, { ...(items.get(post.title) as Item), status: approved.approveContentItem.status });
      }
    }

    // Every approved item scheduled: soon for those the practice publishes now, otherwise on its planned day.
    const now = Date.now();
    const planned = await must<{
      contentItems: { edges: { node: { id: string; title: string; status: string; plannedFor: string | null } }[] };
    }>('{ contentItems(first: 100) { edges { node { id title status plannedFor } } } }', {}, owner);
    let scheduled = 0;
    for (const item of planned.contentItems.edges.map((e) => e.node).filter((i) => i.status === 'APPROVED')) {
      const quick = practice.quickPosts.find((post) => post.title === item.title);
      const soon = practice.publishSoon[item.title] ?? quick?.dueInSeconds;
      const plannedAt = item.plannedFor ? Date.parse(item.plannedFor) : NaN;
      const dueAt = soon !== undefined ? now + soon * 1000 : plannedAt > now + 60_000 ? plannedAt : now + 86_400_000;
      await must(
        'mutation ($input: ScheduleContentItemInput!) { scheduleContentItem(input: $input) { id } }',
        { input: { itemId: item.id, dueAt: new Date(dueAt).toISOString() } },
        await as('COMMUNITY_MANAGER'),
      );
      scheduled += 1;
    }
    if (scheduled) report(`${client.name}: ${scheduled} item(s) scheduled on the demo network.`);
  }

  // The inbox: mentions of each account arrive through the worker; the practice answers some.
  const deadline = Date.now() + (options.inboxWaitMs ?? 15_000);
  for (const { client, practice, orgId } of targets) {
    const owner = { ...ownerAuth, 'x-socle-organization': orgId };
    const list = async () =>
      (
        await must<{ inboxItems: { edges: { node: InboxItem }[] } }>(
          '{ inboxItems(first: 100) { edges { node { id kind authorHandle status } } } }',
          {},
          owner,
        )
      ).inboxItems.edges.map((e) => e.node);
    // A customer who mentioned the account may also comment on a new post later: the practice answers the mention only.
    const find = (inbox: InboxItem[], author: string) =>
      inbox.find((i) => i.kind === 'MENTION' && i.authorHandle.toLowerCase().startsWith(`${author}@`));
    let inbox = await list();
    if (practice.inbox.some((answer) => !find(inbox, answer.author))) {
      await must('mutation { refreshInbox }', {}, owner);
      while (practice.inbox.some((answer) => !find(inbox, answer.author)) && Date.now() < deadline) {
        await sleep(500);
        inbox = await list();
      }
    }
    const open = practice.inbox.filter((answer) => ['NEW', 'ASSIGNED', 'ESCALATED'].includes(find(inbox, answer.author)?.status ?? ''));
    if (open.length === 0) continue;
    const manager = await (async () => {
      const token = await logIn(demoEmail('COMMUNITY_MANAGER', client.slug));
      if (!token) throw new Error(`cannot log in as ${demoEmail('COMMUNITY_MANAGER', client.slug)}`);
      return { authorization: `Bearer ${token}`, 'x-socle-organization': orgId };
    })();
    const me = await must<{ me: { user: { id: string } } }>('{ me { user { id } } }', {}, manager);
    for (const answer of open) {
      const item = find(inbox, answer.author) as InboxItem;
      if (answer.assign && item.status !== 'ASSIGNED') {
        await must(
          'mutation ($input: AssignInboxItemInput!) { assignInboxItem(input: $input) { id } }',
          {
            input: { id: item.id, assigneeId: me.me.user.id },
          },
          manager,
        );
      }
      if (answer.reply) {
        await must(
          'mutation ($input: ReplyToInboxItemInput!) { replyToInboxItem(input: $input) { id } }',
          {
            input: { itemId: item.id, text: answer.reply },
          },
          manager,
        );
      }
    }
    const missing = practice.inbox.filter((answer) => !find(inbox, answer.author)).length;
    if (missing) report(`${client.name}: ${missing} inbox item(s) not arrived yet; the next run answers them.`);
  }
}
