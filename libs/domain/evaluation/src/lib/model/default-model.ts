import type {
  Criterion,
  DeclarativeCriterion,
  Dimension,
  EvidenceCriterion,
  Localised,
  MaturityModelContent,
  ScaleOption,
} from './model-content';
import { DEFAULT_SETUP_CAP } from './scoring';

/**
 * The built-in maturity model, derived from the method's source documents
 * (seeds 000–003). It is code, not a row: every agency sees it, nobody edits
 * it; an agency copies it to make its own. Assessments freeze a copy of the
 * content with DEFAULT_MODEL_VERSION, so bump the version whenever the content
 * changes. Version 3 pairs each set-up criterion with its practice evidence;
 * version 4 measures governance: the mixed committee with top management
 * (paired with the meetings held), the written strategy approved by management
 * and the actions taken on feedback replace the questions that asked about
 * them. Version 5 measures the hosted press room in the owned-media
 * dimension: the room online paired with its releases of the last 30 days
 * (roadmap step 3), and its newsletter's confirmed subscribers (step 7).
 * Assessments made with earlier versions keep the content they froze, and so
 * do agencies' copies.
 */
export const DEFAULT_MODEL_ID = 'default';
export const DEFAULT_MODEL_VERSION = 5;

/** What set-up alone scores at most on a criterion paired with practice evidence (see `combineSetupAndPractice`). */
const SETUP_CAP = DEFAULT_SETUP_CAP;

const l = (fr: string, en: string): Localised => ({ fr, en });

/** The five answers of every declarative question; each question writes out what they mean for it. */
const LABELS: Localised[] = [
  l('Absent', 'None'),
  l('Amorcé', 'Started'),
  l('En partie', 'Partly'),
  l('En grande partie', 'Largely'),
  l('Pleinement', 'Fully'),
];

/** A 0..4 scale scored 0, .25, .5, .75, 1 with one written meaning [fr, en] per answer. */
function scale(meanings: [fr: string, en: string][]): ScaleOption[] {
  if (meanings.length !== 5) throw new Error('a default-model scale has five answers');
  return meanings.map(([fr, en], value) => ({ value, score: value / 4, label: LABELS[value], meaning: l(fr, en) }));
}

function declarative(c: Omit<DeclarativeCriterion, 'kind' | 'scale'> & { scale: [string, string][] }): DeclarativeCriterion {
  return { kind: 'DECLARATIVE', ...c, scale: scale(c.scale) };
}

function evidence(c: Omit<EvidenceCriterion, 'kind'>): EvidenceCriterion {
  return { kind: 'EVIDENCE', ...c };
}

function dimension(key: string, weight: number, title: Localised, description: Localised, criteria: Criterion[]): Dimension {
  return { key, weight, title, description, criteria };
}

export const DEFAULT_MATURITY_MODEL: MaturityModelContent = {
  name: l('Modèle de maturité Socle', 'Socle maturity model'),
  description: l(
    "Mesure l'intégration des médias sociaux dans la stratégie de l'organisation : écouter, définir, mettre en œuvre, évaluer. Chaque critère cite le document de la méthode dont il vient. Un critère qui mesure une mise en place (concurrents listés, politiques approuvées, rituels planifiés, comité constitué…) est couplé à ce que l'organisation fait réellement sur une période glissante (veille qui a tourné, publications diffusées, réponses dans les délais, politiques réécrites et lues, KPI mesurés, réunions tenues) : la mise en place seule vaut au plus 0,4 ; avec la pratique, note = min(mise en place ; 0,4) + 0,6 × mise en place × pratique.",
    "Measures how far social media is integrated into the organisation's strategy: listen, define, implement, evaluate. Every criterion cites the document of the method it comes from. A criterion that measures a set-up (competitors listed, policies approved, rituals scheduled, committee formed…) is paired with what the organisation actually does over a rolling window (listening that ran, publications out, answers in time, policies rewritten and acknowledged, KPIs measured, meetings held): set-up alone scores at most 0.4; with practice, score = min(set-up, 0.4) + 0.6 × set-up × practice.",
  ),
  levels: [
    {
      number: 1,
      minScore: 0,
      name: l('Initial', 'Initial'),
      description: l(
        'Présence ponctuelle, sans objectifs écrits ni rôles attribués ; on publie quand on y pense.',
        'Occasional presence without written objectives or assigned roles; posts go out when someone thinks of it.',
      ),
    },
    {
      number: 2,
      minScore: 20,
      name: l('Exploratoire', 'Exploring'),
      description: l(
        "L'organisation observe, ouvre des comptes et teste ; quelques personnes s'en chargent, sans cadre commun.",
        'The organisation watches, opens accounts and experiments; a few people take care of it, without a shared framework.',
      ),
    },
    {
      number: 3,
      minScore: 40,
      name: l('Défini', 'Defined'),
      description: l(
        'Objectifs mesurables, task force nommée, politiques écrites : la stratégie existe sur papier et commence à être appliquée.',
        'Measurable objectives, a named task force, written policies: the strategy exists on paper and is being applied.',
      ),
    },
    {
      number: 4,
      minScore: 60,
      name: l('Piloté', 'Managed'),
      description: l(
        'Publication régulière, réponses dans les délais, veille et indicateurs suivis chaque mois et remontés à la direction.',
        'Regular publishing, answers within the agreed delays, listening and indicators reviewed monthly and reported to management.',
      ),
    },
    {
      number: 5,
      minScore: 80,
      name: l('Optimisé', 'Optimised'),
      description: l(
        "Les médias sociaux font partie du fonctionnement de toute l'organisation ; les résultats mesurés ajustent la stratégie en continu.",
        'Social media is part of how the whole organisation works; measured results adjust the strategy continuously.',
      ),
    },
  ],
  dimensions: [
    dimension(
      'strategy',
      15,
      l('Stratégie et objectifs', 'Strategy and objectives'),
      l(
        "Des objectifs d'affaires et de marque mesurables, des publics identifiés et des réseaux choisis pour eux, dans la stratégie globale de communication.",
        'Measurable business and brand objectives, identified audiences and networks chosen for them, within the overall communication strategy.',
      ),
      [
        evidence({
          key: 'strategy.objectives-measurable',
          evidenceKey: 'strategy.objectivesMeasurable',
          weight: 3,
          roadmapStep: 2,
          title: l('Objectifs mesurables', 'Measurable objectives'),
          source: 'seed 001, §1; seed 002, step 2',
          recommendation: l(
            "Écrivez vos objectifs d'affaires et de marque avec un indicateur, une valeur de départ, une cible et une échéance.",
            'Write your business and brand objectives with a metric, a baseline, a target and a deadline.',
          ),
        }),
        evidence({
          key: 'strategy.kpis-per-objective',
          evidenceKey: 'strategy.kpisPerObjective',
          practiceEvidenceKey: 'strategy.kpisMeasured',
          setupCap: SETUP_CAP,
          weight: 2,
          roadmapStep: 10,
          title: l('Indicateurs par objectif', 'Indicators for each objective'),
          source: 'seed 001, §2 (analyst)',
          recommendation: l(
            'Rattachez au moins un indicateur de performance (KPI) à chaque objectif, avec sa cible et sa période.',
            'Attach at least one key performance indicator to each objective, with its target and period.',
          ),
        }),
        evidence({
          key: 'strategy.segments-defined',
          evidenceKey: 'strategy.segmentsDefined',
          weight: 2,
          roadmapStep: 2,
          title: l('Publics cibles définis', 'Target audiences defined'),
          source: 'seed 002, step 2; seed 001, §3',
          recommendation: l(
            'Décrivez qui vous voulez rejoindre, leurs besoins et l’usage visé : relations publiques, publicité-marketing ou service client.',
            'Describe whom you want to reach, their needs and the intended use: public relations, advertising and marketing, or customer service.',
          ),
        }),
        evidence({
          key: 'strategy.network-plans',
          evidenceKey: 'strategy.networkPlansDefined',
          practiceEvidenceKey: 'content.publishingPractice',
          setupCap: SETUP_CAP,
          weight: 2,
          roadmapStep: 3,
          title: l('Réseaux choisis et justifiés', 'Networks chosen and justified'),
          source: 'seed 001, §3; seed 002, step 3',
          recommendation: l(
            'Pour chaque public, choisissez le réseau, dites pourquoi, fixez la fréquence de publication et réservez le nom du profil.',
            'For each audience, choose the network, say why, set the posting frequency and reserve the profile name.',
          ),
        }),
        // The written, approved strategy is measured below; what no data shows is how it fits the overall communication.
        declarative({
          key: 'strategy.written-and-integrated',
          weight: 1,
          roadmapStep: 2,
          source: 'seed 002 (stratégie globale de communication); seed 003 (communication globale)',
          title: l('Stratégie intégrée à la communication globale', 'Strategy part of the overall communication'),
          question: l(
            'La stratégie médias sociaux écrite s’inscrit-elle dans la stratégie globale de communication et dans le travail des autres services ?',
            "Is the written social media strategy part of the organisation's overall communication strategy and of the other departments' work?",
          ),
          recommendation: l(
            'Rattachez la stratégie médias sociaux à la stratégie globale de communication : objectifs, messages et calendrier partagés avec les autres équipes.',
            'Tie the social media strategy to the overall communication strategy: objectives, messages and calendar shared with the other teams.',
          ),
          scale: [
            [
              'La stratégie médias sociaux est menée à part, sans lien avec la communication globale.',
              'The social media strategy is run apart, unconnected to the overall communication.',
            ],
            ['Quelques liens existent, au cas par cas.', 'Some links exist, case by case.'],
            [
              'La stratégie cite la communication globale, mais les équipes travaillent chacune de leur côté.',
              'The strategy mentions the overall communication, but the teams each work on their own.',
            ],
            [
              'Objectifs, messages et calendrier sont partagés avec la communication globale.',
              'Objectives, messages and calendar are shared with the overall communication.',
            ],
            [
              'Les médias sociaux font partie de la stratégie globale ; les autres services et équipes numériques y prennent part.',
              'Social media is part of the overall strategy; the other departments and digital teams take part in it.',
            ],
          ],
        }),
        // The key already scores the version in force: approved within a year and unchanged since (1), changed since (0.75),
        // older than a year (0.5), awaiting approval (0.25). An executive approving it is the practice the seeds ask for, so
        // it is not capped like a set-up.
        evidence({
          key: 'strategy.written-approved',
          evidenceKey: 'strategy.strategyApproved',
          weight: 2,
          roadmapStep: 2,
          title: l('Stratégie écrite approuvée par la direction', 'Written strategy approved by management'),
          source: 'seed 003 (définir par écrit); seed 001, §3 (approuvée par la direction)',
          recommendation: l(
            'Figez la stratégie dans une version écrite (objectifs, publics, contenus, ressources), faites-la approuver par la direction, puis faites approuver une nouvelle version dès qu’elle change et au moins chaque année.',
            'Freeze the strategy in a written version (objectives, audiences, content, resources), have management approve it, then have a new version approved whenever it changes and at least every year.',
          ),
        }),
      ],
    ),

    dimension(
      'governance',
      12,
      l('Gouvernance et politiques', 'Governance and policies'),
      l(
        "Les quatre politiques de l'étape 5 (guide d'utilisation, politique éditoriale, gestion des commentaires, usage personnel) et la charte de bonne conduite, approuvées par la direction ; un comité mixte où siège la direction, et qui se réunit.",
        'The four policies of step 5 (usage guide, editorial policy, comment handling, personal use) and the code of conduct, approved by management; a mixed committee with top management on it, which meets.',
      ),
      [
        evidence({
          key: 'governance.four-policies-approved',
          evidenceKey: 'policies.fourKindsApproved',
          practiceEvidenceKey: 'policies.editedFromTemplate',
          setupCap: SETUP_CAP,
          weight: 3,
          roadmapStep: 5,
          title: l('Les quatre politiques approuvées', 'The four policies approved'),
          source: 'seed 002, step 5',
          recommendation: l(
            'Faites approuver par la direction générale les quatre politiques : guide d’utilisation, politique éditoriale, gestion des commentaires, usage personnel.',
            'Have general management approve the four policies: usage guide, editorial policy, comment handling, personal use.',
          ),
        }),
        evidence({
          key: 'governance.usage-guide',
          evidenceKey: 'policies.usageGuide',
          weight: 1,
          roadmapStep: 5,
          title: l("Guide d'utilisation", 'Usage guide'),
          source: 'seed 002, step 5 (A)',
          recommendation: l(
            "Rédigez le guide d'utilisation (contexte, description et logique de chaque réseau, lexique) pour assurer la relève.",
            'Write the usage guide (context, description and logic of each network, glossary) so that someone else can take over.',
          ),
        }),
        evidence({
          key: 'governance.editorial-policy',
          evidenceKey: 'policies.editorialPolicy',
          weight: 1,
          roadmapStep: 5,
          title: l('Politique éditoriale', 'Editorial policy'),
          source: 'seed 002, step 5 (B)',
          recommendation: l(
            'Écrivez la ligne éditoriale : qui publie, quoi, où, comment, et quels résultats sont attendus.',
            'Write the editorial line: who publishes, what, where, how, and which results are expected.',
          ),
        }),
        evidence({
          key: 'governance.personal-use',
          evidenceKey: 'policies.personalUse',
          weight: 1,
          roadmapStep: 5,
          title: l("Politique d'usage personnel", 'Personal-use policy'),
          source: 'seed 002, step 5 (D)',
          recommendation: l(
            "Adoptez une politique d'usage personnel pour tous les employés, validée avec un juriste et approuvée par la direction.",
            'Adopt a personal-use policy for all employees, checked with a lawyer and approved by management.',
          ),
        }),
        evidence({
          key: 'governance.code-of-conduct',
          evidenceKey: 'policies.codeOfConduct',
          weight: 2,
          roadmapStep: 5,
          title: l('Charte de bonne conduite', 'Code of conduct'),
          source: 'seed 001, §3',
          recommendation: l(
            'Publiez une charte de bonne conduite médias sociaux approuvée par la direction et diffusée à tous (courriel, intranet).',
            'Publish a social media code of conduct approved by management and sent to everyone (e-mail, intranet).',
          ),
        }),
        // A committee on paper scores at most the cap; the meetings held (rituals and the committee's own) carry the rest.
        evidence({
          key: 'governance.committee-top-management',
          evidenceKey: 'strategy.committeeWithTopManagement',
          practiceEvidenceKey: 'strategy.meetingsHeld',
          setupCap: SETUP_CAP,
          weight: 2,
          roadmapStep: 6,
          title: l('Comité mixte avec la direction', 'Mixed committee with top management'),
          source: 'seed 000, §3.1; seed 003 (soutien de la direction)',
          recommendation: l(
            'Constituez un comité mixte de plusieurs services où siège un représentant de la direction, réunissez-le au moins chaque trimestre et tenez les rituels de la task force.',
            'Form a committee of several departments with a representative of top management on it, meet at least every quarter and hold the task force’s rituals.',
          ),
        }),
      ],
    ),

    dimension(
      'people',
      12,
      l('Personnes et rôles (task force)', 'People and roles (task force)'),
      l(
        'Une task force aux rôles précis, des rendez-vous réguliers tenus et les ressources nécessaires.',
        'A task force with clear roles, regular meetings actually held and the resources needed.',
      ),
      [
        evidence({
          key: 'people.task-force-roles',
          evidenceKey: 'strategy.taskForceRoles',
          weight: 3,
          roadmapStep: 6,
          title: l('Rôles de la task force pourvus', 'Task-force roles filled'),
          source: 'seed 001, §2; seed 000, §1',
          recommendation: l(
            'Nommez un responsable pour chaque rôle : leader stratégie, responsable du contenu, community manager, analyste, coordinateur.',
            'Name someone for each role: strategy lead, content lead, community manager, analyst, coordinator.',
          ),
        }),
        evidence({
          key: 'people.rituals',
          evidenceKey: 'strategy.rituals',
          practiceEvidenceKey: 'strategy.meetingsHeld',
          setupCap: SETUP_CAP,
          weight: 2,
          roadmapStep: 6,
          title: l('Rendez-vous réguliers', 'Regular meetings'),
          source: 'seed 001, §4',
          recommendation: l(
            'Instaurez la réunion hebdomadaire (10 minutes par personne, 20 minutes de remue-méninges) et le rapport mensuel à la direction.',
            'Hold the weekly meeting (10 minutes each, 20 minutes of brainstorming) and the monthly report to management.',
          ),
        }),
        declarative({
          key: 'people.resources',
          weight: 2,
          roadmapStep: 6,
          source: 'seed 003 (budget, personnel expérimenté); seed 002, step 6',
          title: l('Ressources et compétences', 'Resources and skills'),
          question: l(
            'Du temps, un budget et des personnes expérimentées (dont un community manager) sont-ils affectés aux médias sociaux ?',
            'Are time, budget and experienced people (including a community manager) assigned to social media?',
          ),
          recommendation: l(
            'Affectez du temps et un budget explicites, et confiez l’animation à un community manager formé plutôt qu’à un stagiaire.',
            'Assign explicit time and budget, and give the day-to-day running to a trained community manager rather than an intern.',
          ),
          scale: [
            ['Personne n’a de temps prévu pour cela.', 'Nobody has time set aside for it.'],
            ['Une personne s’en occupe en plus de son travail, sans budget.', 'One person does it on top of their job, without budget.'],
            ['Du temps est prévu, mais sans budget ni compétences reconnues.', 'Time is planned, but without budget or recognised skills.'],
            [
              'Un community manager et un budget sont en place ; les autres rôles sont partiels.',
              'A community manager and a budget are in place; other roles are partial.',
            ],
            [
              'Chaque rôle a le temps, le budget et les compétences nécessaires, revus chaque année.',
              'Every role has the time, budget and skills needed, reviewed every year.',
            ],
          ],
        }),
      ],
    ),

    dimension(
      'content',
      12,
      l('Contenus et régularité de publication', 'Content and publishing regularity'),
      l(
        'Des contenus adaptés à chaque réseau, planifiés dans un calendrier, publiés régulièrement selon un circuit d’approbation et le ton de la marque.',
        'Content adapted to each network, planned in a calendar, published regularly through an approval workflow and in the brand voice.',
      ),
      [
        evidence({
          key: 'content.brand-voice',
          evidenceKey: 'strategy.brandVoice',
          weight: 2,
          roadmapStep: 4,
          title: l('Ton de la marque', 'Brand voice'),
          source: 'seed 001, §3',
          recommendation: l(
            'Décrivez le ton de la marque : mots à employer, mots à éviter, tutoiement ou vouvoiement.',
            'Describe the brand voice: words to use, words to avoid, informal or formal address.',
          ),
        }),
        evidence({
          key: 'content.rules',
          evidenceKey: 'policies.contentRules',
          weight: 1,
          roadmapStep: 5,
          title: l('Règles de contenu appliquées', 'Content rules in force'),
          source: 'seed 002, step 5 (B); seed 001, §3',
          recommendation: l(
            'Traduisez la politique éditoriale et le ton en règles vérifiées sur chaque brouillon (mots à éviter, mentions obligatoires, liens).',
            'Turn the editorial policy and the brand voice into rules checked on every draft (words to avoid, required disclosures, links).',
          ),
        }),
        evidence({
          key: 'content.calendar',
          evidenceKey: 'content.calendarPlanned',
          practiceEvidenceKey: 'content.publishingPractice',
          setupCap: SETUP_CAP,
          weight: 2,
          roadmapStep: 4,
          source: 'seed 002, step 4',
          title: l('Calendrier éditorial', 'Editorial calendar'),
          recommendation: l(
            'Recensez vos contenus, analysez les besoins des publics et tenez un calendrier annuel de diffusion par réseau.',
            'List your content, analyse what the audiences need and keep a yearly publishing calendar for each network.',
          ),
        }),
        evidence({
          key: 'content.regularity',
          evidenceKey: 'content.regularity',
          weight: 3,
          roadmapStep: 7,
          source: 'seed 001, §4 (« la régularité est la clé »)',
          title: l('Régularité de publication', 'Publishing regularity'),
          recommendation: l(
            'Fixez une fréquence par réseau et vérifiez-la chaque semaine en réunion ; mieux vaut moins de réseaux tenus que des comptes abandonnés.',
            'Set a frequency per network and check it in the weekly meeting; fewer networks kept up beat abandoned accounts.',
          ),
        }),
        evidence({
          key: 'content.approval-workflow',
          evidenceKey: 'content.approvalWorkflow',
          weight: 1,
          roadmapStep: 7,
          source: 'seed 001, §5 (approbateur final)',
          title: l("Circuit d'approbation", 'Approval workflow'),
          recommendation: l(
            'Définissez un circuit d’une à trois étapes avec un approbateur final et suspendez les publications programmées lors d’événements graves.',
            'Define a one- to three-step workflow with a final approver, and hold scheduled posts during serious events.',
          ),
        }),
      ],
    ),

    dimension(
      'community',
      10,
      l('Communauté et engagement', 'Community and engagement'),
      l(
        'Répondre aux commentaires dans les délais et sur le bon ton, donner suite aux retours par des actions concrètes, connaître et mobiliser les influenceurs, susciter l’interaction.',
        'Answering comments on time and in the right tone, following feedback up with concrete actions, knowing and involving influencers, sparking interaction.',
      ),
      [
        evidence({
          key: 'community.comment-handling',
          evidenceKey: 'policies.commentHandling',
          practiceEvidenceKey: 'community.responsePractice',
          setupCap: SETUP_CAP,
          weight: 2,
          roadmapStep: 9,
          title: l('Politique de gestion des commentaires', 'Comment-handling policy'),
          source: 'seed 002, step 5 (C)',
          recommendation: l(
            'Écrivez comment vous traitez les propos à votre sujet : délai, par qui, contenu de la réponse, et la structure de crise.',
            'Write how you handle what is said about you: delay, by whom, content of the answer, and the crisis structure.',
          ),
        }),
        evidence({
          key: 'community.comment-rules',
          evidenceKey: 'policies.commentRules',
          practiceEvidenceKey: 'community.responsePractice',
          setupCap: SETUP_CAP,
          weight: 2,
          roadmapStep: 9,
          title: l('Délais de réponse par canal', 'Response delays per channel'),
          source: 'seed 002, steps 5 (C) and 9',
          recommendation: l(
            'Fixez un délai de réponse par canal et par gravité, un rôle responsable et une escalade vers la gestion de crise.',
            'Set a response delay per channel and severity, a responsible role and an escalation to crisis handling.',
          ),
        }),
        // Actions decided from mentions and messages over 90 days (½) and the share followed up (the other ½): practice itself.
        evidence({
          key: 'community.acting-on-feedback',
          evidenceKey: 'community.actingOnFeedback',
          weight: 2,
          roadmapStep: 10,
          title: l('Suites données aux retours', 'Acting on feedback'),
          source: 'seed 003 (déclenchement d’actions après des échos); seed 004',
          recommendation: l(
            'Pour chaque critique ou suggestion importante (mention, message), notez l’action décidée, son responsable et son échéance, puis son suivi ; le rapport trimestriel les reprend.',
            'For every important criticism or suggestion (mention, message), record the action decided, its owner and due date, then its follow-up; the quarterly report lists them.',
          ),
        }),
        // Declarative until the inbox exists; then the median first-response time against the policy's delays replaces it.
        declarative({
          key: 'community.response-time',
          weight: 3,
          roadmapStep: 9,
          source: 'seed 002, step 9; seed 001, §5',
          title: l('Réponses dans les délais', 'Answers on time'),
          question: l(
            'Les commentaires et questions reçoivent-ils une réponse dans le délai fixé, avec une valeur ajoutée et le ton de la marque ?',
            'Do comments and questions get an answer within the agreed delay, adding value and in the brand voice?',
          ),
          recommendation: l(
            'Consultez les profils au moins une fois par jour, répondez dans le délai fixé et mesurez le temps de première réponse.',
            'Check the profiles at least once a day, answer within the agreed delay and measure the first-response time.',
          ),
          scale: [
            ['Les commentaires restent souvent sans réponse.', 'Comments often go unanswered.'],
            ['On répond quand on le voit, parfois après plusieurs jours.', 'Answers come when someone notices, sometimes days later.'],
            ['On répond à la plupart des commentaires, sans délai suivi.', 'Most comments get an answer, with no delay tracked.'],
            ['La plupart des réponses arrivent dans le délai fixé.', 'Most answers arrive within the agreed delay.'],
            [
              'Presque toutes les réponses arrivent dans le délai, qui est mesuré et rapporté.',
              'Nearly all answers arrive on time; the delay is measured and reported.',
            ],
          ],
        }),
        // Declarative until author profiles exist; then evidence of tagged influencers and ambassadors replaces it.
        declarative({
          key: 'community.influencers',
          weight: 2,
          roadmapStep: 8,
          source: 'seed 002, step 8; seed 000, §1 (animateur-facilitateur)',
          title: l('Influenceurs reconnus et mobilisés', 'Influencers identified and involved'),
          question: l(
            'Connaissez-vous les influenceurs et ambassadeurs de vos publics, et les impliquez-vous dans la conversation ?',
            'Do you know the influencers and ambassadors of your audiences, and involve them in the conversation?',
          ),
          recommendation: l(
            'Dressez la liste des influenceurs par public cible, suivez-les et interpellez-les, y compris en commentant sur leurs plateformes.',
            'List the influencers for each target audience, follow them and engage them, including by commenting on their platforms.',
          ),
          scale: [
            ['Nous ne savons pas qui influence nos publics.', 'We do not know who influences our audiences.'],
            ['Quelques noms sont connus de façon informelle.', 'A few names are known informally.'],
            ['Une liste existe mais n’est pas suivie.', 'A list exists but is not followed up.'],
            ['La liste est suivie et certains influenceurs sont sollicités.', 'The list is followed and some influencers are approached.'],
            [
              'Influenceurs et ambassadeurs sont suivis, sollicités et contribuent régulièrement.',
              'Influencers and ambassadors are followed, engaged and contribute regularly.',
            ],
          ],
        }),
      ],
    ),

    dimension(
      'listening',
      10,
      l('Écoute et veille', 'Listening'),
      l(
        'Savoir ce qui se dit sur l’organisation, ses concurrents et son secteur (les actions qui en découlent sont mesurées avec la communauté).',
        'Knowing what is said about the organisation, its competitors and its sector (the actions that follow are measured with the community).',
      ),
      [
        evidence({
          key: 'listening.competitors',
          evidenceKey: 'strategy.competitorsDefined',
          practiceEvidenceKey: 'community.listeningPractice',
          setupCap: SETUP_CAP,
          weight: 2,
          roadmapStep: 1,
          title: l('Concurrents identifiés', 'Competitors identified'),
          source: 'seed 002, step 1; seed 001, §5',
          recommendation: l(
            'Listez vos concurrents et leurs comptes pour suivre ce qu’ils font et comparer vos performances.',
            'List your competitors and their accounts to follow what they do and compare performance.',
          ),
        }),
        // Declarative until listening queries exist; then evidence that queries cover brand and competitors replaces it.
        declarative({
          key: 'listening.coverage',
          weight: 3,
          roadmapStep: 1,
          source: 'seed 002, step 1; seed 000, §3.3; seed 004',
          title: l('Veille de la marque et des concurrents', 'Monitoring of brand and competitors'),
          question: l(
            'Des mots-clés sur votre marque, vos concurrents et les tendances du secteur sont-ils suivis en continu ?',
            'Are keywords about your brand, your competitors and sector trends monitored continuously?',
          ),
          recommendation: l(
            'Mettez en place une veille par mots-clés (marque, concurrents, tendances) et consultez-la plusieurs fois par jour.',
            'Set up keyword monitoring (brand, competitors, trends) and check it several times a day.',
          ),
          scale: [
            ['Aucune veille : nous ne savons pas ce qui se dit sur nous.', 'No monitoring: we do not know what is said about us.'],
            ['Nous cherchons notre nom de temps en temps.', 'We search for our name now and then.'],
            ['Des alertes suivent la marque, pas les concurrents ni les tendances.', 'Alerts follow the brand, not competitors or trends.'],
            ['Marque et concurrents sont suivis chaque semaine.', 'Brand and competitors are followed every week.'],
            [
              'Marque, concurrents et tendances sont suivis chaque jour avec un outil dédié.',
              'Brand, competitors and trends are followed daily with a dedicated tool.',
            ],
          ],
        }),
      ],
    ),

    dimension(
      'measurement',
      10,
      l('Mesure et évaluation', 'Measurement and evaluation'),
      l(
        'Mesurer les résultats contre les objectifs, en rendre compte à la direction, se comparer et ajuster.',
        'Measuring results against objectives, reporting to management, benchmarking and adjusting.',
      ),
      [
        evidence({
          key: 'measurement.recent-assessment',
          evidenceKey: 'evaluation.recentAssessment',
          weight: 1,
          roadmapStep: 10,
          title: l('Évaluation récente', 'Recent assessment'),
          source: 'seed 002, step 10',
          recommendation: l(
            'Refaites une évaluation de maturité au moins une fois par an, idéalement chaque trimestre.',
            'Run a maturity assessment at least once a year, ideally every quarter.',
          ),
        }),
        evidence({
          key: 'measurement.roadmap-progress',
          evidenceKey: 'strategy.roadmapSteps',
          weight: 2,
          roadmapStep: 10,
          title: l('Avancement de la feuille de route', 'Roadmap progress'),
          source: 'seed 002 (les 10 étapes)',
          recommendation: l(
            'Suivez les dix étapes de l’intégration et fixez une échéance à la prochaine étape non terminée.',
            'Track the ten integration steps and set a deadline for the next unfinished one.',
          ),
        }),
        // Declarative until reports are produced by the platform; then evidence of the monthly executive report replaces it.
        declarative({
          key: 'measurement.executive-report',
          weight: 3,
          roadmapStep: 10,
          source: 'seed 001, §2 (coordinateur) and §6',
          title: l('Rapport mensuel à la direction', 'Monthly report to management'),
          question: l(
            'Un rapport court sur les indicateurs et les faits marquants est-il envoyé chaque mois à la direction ?',
            'Is a short report on indicators and highlights sent to management every month?',
          ),
          recommendation: l(
            'Envoyez chaque mois à la direction un rapport simple : indicateurs contre cibles, contenus les plus performants, ce qui se dit de vous.',
            'Send management a simple monthly report: indicators against targets, best-performing content, what is said about you.',
          ),
          scale: [
            ['Aucun compte rendu à la direction.', 'No reporting to management.'],
            ['Des chiffres sont donnés quand on les demande.', 'Figures are given when someone asks.'],
            ['Un compte rendu est fait quelques fois par an.', 'A report is made a few times a year.'],
            ['Un rapport est envoyé presque chaque mois.', 'A report goes out almost every month.'],
            [
              'Un rapport mensuel compare les indicateurs aux cibles et la direction y donne suite.',
              'A monthly report compares indicators with targets and management acts on it.',
            ],
          ],
        }),
        // Declarative until metric samples are collected; then share of voice against competitors replaces it.
        declarative({
          key: 'measurement.adjustment',
          weight: 2,
          roadmapStep: 10,
          source: 'seed 002, step 10; seed 001, §5 (étalonnage concurrentiel)',
          title: l('Comparaison et ajustement', 'Benchmarking and adjustment'),
          question: l(
            'Comparez-vous vos résultats à ceux de vos concurrents et ajustez-vous la stratégie en conséquence ?',
            'Do you compare your results with your competitors’ and adjust the strategy accordingly?',
          ),
          recommendation: l(
            'Comparez chaque trimestre vos indicateurs à ceux des concurrents et notez les ajustements décidés dans la stratégie.',
            'Each quarter, compare your indicators with the competitors’ and record the adjustments decided in the strategy.',
          ),
          scale: [
            ['Les résultats ne sont ni comparés ni suivis d’ajustements.', 'Results are neither compared nor followed by adjustments.'],
            ['Des ajustements se font à l’intuition.', 'Adjustments are made by gut feeling.'],
            ['Les résultats sont revus, sans comparaison aux concurrents.', 'Results are reviewed, without comparison with competitors.'],
            [
              'Une comparaison aux concurrents est faite de temps en temps et mène à des ajustements.',
              'A comparison with competitors is made now and then and leads to adjustments.',
            ],
            [
              'Une comparaison trimestrielle mène à des ajustements écrits de la stratégie.',
              'A quarterly comparison leads to written adjustments of the strategy.',
            ],
          ],
        }),
      ],
    ),

    dimension(
      'owned-media',
      8,
      l('Médias propres et technologie', 'Owned media and technology'),
      l(
        'Des espaces à soi pour publier et héberger les conversations (site, infolettre, blogue, salle de presse), des profils réservés, un kit médias et des outils statistiques.',
        'Spaces of your own to publish and host conversations (site, newsletter, blog, press room), reserved profiles, a media kit and analytics tools.',
      ),
      [
        evidence({
          key: 'owned-media.accounts-connected',
          evidenceKey: 'community.accountsConnected',
          practiceEvidenceKey: 'content.publishingPractice',
          setupCap: SETUP_CAP,
          weight: 2,
          roadmapStep: 3,
          title: l('Profils créés et connectés', 'Profiles created and connected'),
          source: 'seed 002, step 3',
          recommendation: l(
            'Créez les profils des réseaux choisis, réservez les noms et connectez-les à la plateforme.',
            'Create the profiles on the chosen networks, reserve the names and connect them to the platform.',
          ),
        }),
        declarative({
          key: 'owned-media.publishing-systems',
          weight: 2,
          roadmapStep: 3,
          source: 'seed 000, §2.1–2.4',
          title: l('Systèmes de publication propres', 'Own publishing systems'),
          question: l(
            'Disposez-vous de vos propres espaces de publication (site avec infolettre, blogue, salle de presse virtuelle, communauté) reliés à vos réseaux ?',
            'Do you have your own publishing spaces (site with newsletter, blog, virtual press room, community) linked to your networks?',
          ),
          recommendation: l(
            'Donnez-vous un espace à vous (blogue ou salle de presse, infolettre) où les réseaux ramènent le public et les conversations.',
            'Give yourself a space of your own (blog or press room, newsletter) where networks bring the audience and conversations back.',
          ),
          scale: [
            ['Seul un site vitrine existe, sans lien avec les réseaux.', 'Only a brochure site exists, unconnected to the networks.'],
            ['Le site renvoie vers les réseaux.', 'The site links to the networks.'],
            [
              'Un espace de publication (blogue ou infolettre) existe, mis à jour irrégulièrement.',
              'One publishing space (blog or newsletter) exists, updated irregularly.',
            ],
            [
              'Plusieurs espaces propres sont tenus à jour et reliés aux réseaux.',
              'Several own spaces are kept up to date and linked to the networks.',
            ],
            [
              'Site, infolettre, blogue et salle de presse forment un écosystème qui héberge les conversations.',
              'Site, newsletter, blog and press room form an ecosystem that hosts conversations.',
            ],
          ],
        }),
        evidence({
          key: 'owned-media.press-room',
          evidenceKey: 'pressRoom.live',
          practiceEvidenceKey: 'pressRoom.recentReleases',
          setupCap: SETUP_CAP,
          weight: 2,
          roadmapStep: 3,
          source: 'seed 000, §2 (salle de presse virtuelle)',
          title: l('Salle de presse en ligne et alimentée', 'Press room online and kept up'),
          recommendation: l(
            'Ouvrez la salle de presse hébergée (communiqués, kit média, contacts) et publiez-y vos communiqués approuvés au moins deux fois par mois.',
            'Open the hosted press room (releases, media kit, contacts) and publish your approved releases there at least twice a month.',
          ),
        }),
        evidence({
          key: 'owned-media.newsletter',
          evidenceKey: 'pressRoom.newsletterSubscribers',
          weight: 1,
          roadmapStep: 7,
          source: 'seed 000, §2 (infolettre)',
          title: l('Infolettre des communiqués', 'Releases newsletter'),
          recommendation: l(
            'Invitez journalistes et influenceurs à s’abonner aux communiqués depuis la salle de presse (double consentement).',
            'Invite journalists and influencers to subscribe to the releases from the press room (double opt-in).',
          ),
        }),
        evidence({
          key: 'owned-media.media-kit',
          evidenceKey: 'content.mediaKit',
          weight: 1,
          roadmapStep: 4,
          source: 'seed 000, §2.5',
          title: l('Kit médias sociaux', 'Social media kit'),
          recommendation: l(
            'Constituez une bibliothèque d’images, de vidéos et de gabarits validés, accessible à toute la task force.',
            'Build a library of approved images, videos and templates that the whole task force can reach.',
          ),
        }),
        declarative({
          key: 'owned-media.analytics',
          weight: 2,
          roadmapStep: 10,
          source: 'seed 000, §2.6',
          title: l('Outils statistiques', 'Analytics tools'),
          question: l(
            'Des outils statistiques mesurent-ils le trafic que les réseaux amènent vers vos espaces (visiteurs, mots-clés, liens) ?',
            'Do analytics tools measure the traffic networks bring to your spaces (visitors, keywords, links)?',
          ),
          recommendation: l(
            'Installez un outil statistique sur vos espaces, balisez les liens publiés et suivez le trafic venu des réseaux.',
            'Install an analytics tool on your spaces, tag the links you publish and follow the traffic coming from the networks.',
          ),
          scale: [
            ['Aucun outil statistique.', 'No analytics tool.'],
            ['Un outil est installé mais personne ne le consulte.', 'A tool is installed but nobody looks at it.'],
            ['Les chiffres sont consultés de temps en temps.', 'The figures are looked at now and then.'],
            ['Le trafic venu des réseaux est suivi chaque mois.', 'Traffic from the networks is followed every month.'],
            [
              'Les liens sont balisés et le trafic des réseaux alimente les indicateurs des objectifs.',
              'Links are tagged and network traffic feeds the objectives’ indicators.',
            ],
          ],
        }),
      ],
    ),

    dimension(
      'training',
      11,
      l('Formation et mobilisation', 'Training and mobilisation'),
      l(
        'Des politiques connues de tous, des équipes formées en continu, des employés invités à contribuer et à relayer.',
        'Policies known to everyone, teams trained continuously, employees invited to contribute and share.',
      ),
      [
        evidence({
          key: 'training.policies-acknowledged',
          evidenceKey: 'policies.acknowledged',
          practiceEvidenceKey: 'policies.acknowledgedShare',
          setupCap: SETUP_CAP,
          weight: 2,
          roadmapStep: 6,
          title: l('Politiques connues de tous', 'Policies known to everyone'),
          source: 'seed 002, step 5 (D, « doit être connue de tous »)',
          recommendation: l(
            'Demandez à chaque membre de confirmer avoir lu les politiques publiées, et relancez ceux qui ne l’ont pas fait.',
            'Ask every member to confirm they have read the published policies, and remind those who have not.',
          ),
        }),
        declarative({
          key: 'training.continuous',
          weight: 2,
          roadmapStep: 6,
          source: 'seed 000, §3.4; seed 002, step 6',
          title: l('Formation continue', 'Continuous training'),
          question: l(
            'Les personnes impliquées sont-elles formées régulièrement (nouveaux réseaux, pratiques, coaching) ?',
            'Are the people involved trained regularly (new networks, practices, coaching)?',
          ),
          recommendation: l(
            'Prévoyez un plan de formation annuel et des séances de coaching pour la task force et les experts internes.',
            'Plan a yearly training programme and coaching sessions for the task force and internal experts.',
          ),
          scale: [
            ['Aucune formation.', 'No training.'],
            ['Chacun se forme seul, à l’occasion.', 'People teach themselves, occasionally.'],
            ['Une formation a eu lieu au lancement.', 'Training took place at the start.'],
            ['Des formations ont lieu chaque année pour la task force.', 'Training takes place every year for the task force.'],
            [
              'Formation continue et coaching pour la task force et les experts, suivis dans un plan.',
              'Continuous training and coaching for the task force and experts, tracked in a plan.',
            ],
          ],
        }),
        evidence({
          key: 'training.employee-involvement',
          evidenceKey: 'content.suggestions',
          weight: 2,
          roadmapStep: 6,
          source: 'seed 001, §6',
          title: l('Employés impliqués', 'Employees involved'),
          recommendation: l(
            'Ouvrez une boîte à suggestions gérée par le responsable du contenu et envoyez chaque mois les meilleurs contenus avec des messages prêts à partager.',
            'Open a suggestion box run by the content lead and send the best content every month with ready-to-share posts.',
          ),
        }),
        declarative({
          key: 'training.executives',
          weight: 1,
          roadmapStep: 6,
          source: 'seed 001, §6',
          title: l('Dirigeants formés', 'Executives trained'),
          question: l(
            'Les dirigeants sont-ils formés pour s’exprimer eux-mêmes sur les médias sociaux au nom de la marque ?',
            'Are executives trained to speak on social media themselves on behalf of the brand?',
          ),
          recommendation: l(
            'Formez un ou deux dirigeants à prendre la parole sur les réseaux, avec l’appui d’un assistant si leur agenda l’exige.',
            'Train one or two executives to speak on the networks, with an assistant’s help if their schedule requires it.',
          ),
          scale: [
            ['Les dirigeants sont absents des réseaux.', 'Executives are absent from the networks.'],
            ['Un dirigeant a un profil, inactif.', 'One executive has a profile, inactive.'],
            ['Un dirigeant publie parfois, sans accompagnement.', 'One executive posts sometimes, without support.'],
            ['Des dirigeants formés publient régulièrement.', 'Trained executives post regularly.'],
            [
              'Les dirigeants formés sont des voix de référence de la marque, accompagnés par la task force.',
              'Trained executives are reference voices for the brand, supported by the task force.',
            ],
          ],
        }),
      ],
    ),
  ],
};

/** The evidence keys the default model reads, set-up and practice (other modules register them). */
export const DEFAULT_MODEL_EVIDENCE_KEYS: readonly string[] = [
  ...new Set(
    DEFAULT_MATURITY_MODEL.dimensions.flatMap((d) =>
      d.criteria.flatMap((c) => (c.kind === 'EVIDENCE' ? [c.evidenceKey, ...(c.practiceEvidenceKey ? [c.practiceEvidenceKey] : [])] : [])),
    ),
  ),
].sort();

/** Smallest valid content to start a model from scratch: two levels, one dimension, one question. */
export function skeletonModel(name: string): MaturityModelContent {
  return {
    name: l(name, name),
    description: l('À compléter.', 'To be written.'),
    levels: [
      { number: 1, minScore: 0, name: l('Débutant', 'Beginning'), description: l('À compléter.', 'To be written.') },
      { number: 2, minScore: 50, name: l('Avancé', 'Advanced'), description: l('À compléter.', 'To be written.') },
    ],
    dimensions: [
      dimension('strategy', 1, l('Stratégie', 'Strategy'), l('À compléter.', 'To be written.'), [
        declarative({
          key: 'strategy.objectives',
          weight: 1,
          roadmapStep: 2,
          source: 'seed 001, §1',
          title: l('Objectifs', 'Objectives'),
          question: l(
            'Vos objectifs médias sociaux sont-ils écrits et mesurables ?',
            'Are your social media objectives written and measurable?',
          ),
          recommendation: l('Écrivez des objectifs mesurables.', 'Write measurable objectives.'),
          scale: [
            ['Aucun objectif.', 'No objectives.'],
            ['Des intentions orales.', 'Spoken intentions.'],
            ['Des objectifs écrits, non mesurables.', 'Written objectives, not measurable.'],
            ['Des objectifs écrits, en partie mesurables.', 'Written objectives, partly measurable.'],
            ['Des objectifs écrits et mesurables, suivis.', 'Written, measurable objectives, followed up.'],
          ],
        }),
      ]),
    ],
  };
}
