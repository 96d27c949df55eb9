import type { EvidenceContext, EvidenceProvider, EvidenceResult } from '@socle/platform-evidence';

export const ACCOUNTS_CONNECTED_KEY = 'community.accountsConnected';

interface AccountFacts {
  ok: number;
  total: number;
  networks: string[];
  failing: string[];
}

/** Pure: the evidence from the counts (score 1 once one account is healthy). */
export function accountsConnectedEvidence(f: AccountFacts): EvidenceResult {
  const failing = f.failing.length
    ? { fr: ` ; à reconnecter ou vérifier : ${f.failing.join(', ')}`, en: `; to reconnect or check: ${f.failing.join(', ')}` }
    : { fr: '', en: '' };
  if (f.ok === 0) {
    return {
      value: 0,
      score: 0,
      explanation:
        f.total === 0
          ? { fr: "Aucun compte de réseau n'est connecté.", en: 'No network account is connected.' }
          : { fr: `Aucun compte connecté ne fonctionne${failing.fr}.`, en: `No connected account works${failing.en}.` },
    };
  }
  return {
    value: f.ok,
    score: 1,
    explanation: {
      fr: `${f.ok} compte${f.ok > 1 ? 's' : ''} connecté${f.ok > 1 ? 's' : ''} et en bon état sur ${f.networks.join(', ')}${failing.fr}.`,
      en: `${f.ok} connected account${f.ok > 1 ? 's' : ''} in good health on ${f.networks.join(', ')}${failing.en}.`,
    },
  };
}

/** The community module's evidence: one statement, whatever the number of accounts. */
export const communityEvidenceProvider: EvidenceProvider = {
  module: 'community',
  definitions: [
    {
      key: ACCOUNTS_CONNECTED_KEY,
      title: { fr: 'Profils créés et connectés', en: 'Profiles created and connected' },
      description: {
        fr: 'Au moins un compte de réseau connecté et en bon état ; la liste des réseaux concernés.',
        en: 'At least one network account connected and healthy; the networks concerned.',
      },
      source: 'seed 002, step 3',
    },
  ],
  async compute(ctx: EvidenceContext) {
    const [row] = await ctx.uow.query<AccountFacts>(
      `SELECT count(*) FILTER (WHERE status = 'OK')::int AS ok, count(*)::int AS total,
              coalesce(array_agg(DISTINCT network ORDER BY network) FILTER (WHERE status = 'OK'), '{}') AS networks,
              coalesce(array_agg(DISTINCT network ORDER BY network) FILTER (WHERE status <> 'OK'), '{}') AS failing
         FROM network_accounts WHERE organization_id = $1`,
      [ctx.organizationId],
    );
    return { [ACCOUNTS_CONNECTED_KEY]: accountsConnectedEvidence(row) };
  },
};
