/**
 * Starter templates, one per kind and language. Their sections follow the
 * method: seed 002 step 5 (A usage guide: context, networks and glossary, logic
 * of each network, the hand-over; B editorial policy: who, what, where, how,
 * results; C comment handling: how, delay, by whom, content of the answer,
 * crisis structure; D personal use: rules of professional ethics known by all,
 * approved by the general management) and seed 001 §3 (a code of conduct for the
 * team and every employee, approved by management, published internally).
 * French and English templates of a kind have the same section keys.
 */
import type { PolicyKind, PolicyLanguage, PolicySection } from '../documents/policy-model';

export interface PolicyTemplate {
  kind: PolicyKind;
  language: PolicyLanguage;
  title: string;
  sections: readonly PolicySection[];
}

type Bilingual = { key: string; en: [title: string, body: string]; fr: [title: string, body: string] };

const CONTENT: Record<PolicyKind, { title: { en: string; fr: string }; sections: Bilingual[] }> = {
  USAGE_GUIDE: {
    title: { en: 'Social media usage guide', fr: 'Guide d’utilisation des médias sociaux' },
    sections: [
      {
        key: 'context',
        en: [
          'Context',
          'Why the organisation is on social media, which objectives it pursues and which audiences it serves. Link the objectives and audience segments of the strategy.',
        ],
        fr: [
          'Contexte',
          'Pourquoi l’organisation est présente sur les médias sociaux, quels objectifs elle poursuit et quelles clientèles elle sert. Reprenez les objectifs et les segments de la stratégie.',
        ],
      },
      {
        key: 'networks',
        en: [
          'Networks and glossary',
          'Each network the organisation uses, its account names, and the words the team uses (mention, reach, engagement, thread, story…).',
        ],
        fr: [
          'Description des réseaux et lexique',
          'Chaque réseau utilisé par l’organisation, le nom de ses comptes, et le vocabulaire de l’équipe (mention, portée, engagement, fil, story…).',
        ],
      },
      {
        key: 'network-logic',
        en: ['Logic of each network', 'What works on each network: formats, tone, best times, publishing frequency, what not to do there.'],
        fr: [
          'Logique de chaque réseau',
          'Ce qui fonctionne sur chaque réseau : formats, ton, meilleurs moments, fréquence de publication, ce qu’il ne faut pas y faire.',
        ],
      },
      {
        key: 'handover',
        en: [
          'Hand-over',
          'Who holds which access, where the tools and routines are described, and how someone else takes over in an absence: a turnkey guide, so the work never depends on one person.',
        ],
        fr: [
          'Capacité de relève',
          'Qui détient quels accès, où sont décrits les outils et les routines, et comment une autre personne prend le relais en cas d’absence : un outil clé en main, pour que le travail ne dépende jamais d’une seule personne.',
        ],
      },
    ],
  },
  EDITORIAL_POLICY: {
    title: { en: 'Editorial policy', fr: 'Politique éditoriale' },
    sections: [
      {
        key: 'who',
        en: ['Who?', 'Who speaks for the organisation, who writes, who approves, and to whom the content is addressed.'],
        fr: ['Qui ?', 'Qui s’exprime au nom de l’organisation, qui rédige, qui approuve, et à qui s’adressent les contenus.'],
      },
      {
        key: 'what',
        en: [
          'What?',
          'The editorial line: the themes the organisation talks about (beyond its products), the values it shows, the subjects it avoids.',
        ],
        fr: [
          'Quoi ?',
          'La ligne éditoriale : les thèmes dont l’organisation parle (au-delà de ses produits), les valeurs qu’elle montre, les sujets qu’elle évite.',
        ],
      },
      {
        key: 'where',
        en: ['Where?', 'On which networks and owned channels each kind of content is published, and why there.'],
        fr: ['Où ?', 'Sur quels réseaux et canaux propres chaque type de contenu est publié, et pourquoi là.'],
      },
      {
        key: 'how',
        en: [
          'How?',
          'Tone and form of address, formats, publishing frequency, the annual calendar, and the approval steps before publication.',
        ],
        fr: [
          'Comment ?',
          'Le ton et la forme d’adresse (tu ou vous), les formats, la fréquence de publication, le calendrier annuel et les étapes d’approbation avant publication.',
        ],
      },
      {
        key: 'results',
        en: ['Results', 'What the content must achieve, the indicators that measure it and when they are reviewed.'],
        fr: ['Résultats', 'Ce que les contenus doivent produire, les indicateurs qui le mesurent et quand ils sont revus.'],
      },
    ],
  },
  COMMENT_HANDLING: {
    title: { en: 'Comment-handling policy', fr: 'Politique de gestion des commentaires' },
    sections: [
      {
        key: 'how',
        en: [
          'How we handle what is said about us',
          'Which comments and mentions get an answer, which are only watched, and which are hidden or reported (insults, spam, personal data).',
        ],
        fr: [
          'Comment traite-t-on les propos à notre sujet',
          'Quels commentaires et mentions reçoivent une réponse, lesquels sont seulement suivis, lesquels sont masqués ou signalés (insultes, spam, données personnelles).',
        ],
      },
      {
        key: 'delay',
        en: [
          'Delay',
          'How long we take to answer, by channel and by severity. The comment rules of the platform hold these delays and compute each due time.',
        ],
        fr: [
          'Délai',
          'Combien de temps pour répondre, par canal et par gravité. Les règles de gestion des commentaires de la plateforme portent ces délais et calculent chaque échéance.',
        ],
      },
      {
        key: 'by-whom',
        en: [
          'By whom',
          'Who answers (the community manager by default), who steps in for expert questions, and the autonomy the person in charge has.',
        ],
        fr: [
          'Par qui',
          'Qui répond (le community manager par défaut), qui intervient pour les questions d’experts, et l’autonomie laissée au responsable.',
        ],
      },
      {
        key: 'answer-content',
        en: [
          'Content of the answer',
          'Tone, what an answer always contains, what it never contains, and reply templates for frequent cases.',
        ],
        fr: [
          'Contenu de la réponse',
          'Le ton, ce qu’une réponse contient toujours, ce qu’elle ne contient jamais, et des modèles de réponse pour les cas fréquents.',
        ],
      },
      {
        key: 'crisis',
        en: [
          'Crisis structure',
          'What makes a situation a crisis, who is alerted, who decides, who speaks, and when scheduled publications are paused. Validate this scheme with the management.',
        ],
        fr: [
          'Structure de gestion de crise',
          'Ce qui fait d’une situation une crise, qui est alerté, qui décide, qui s’exprime, et quand les publications programmées sont suspendues. Validez ce schéma avec la direction.',
        ],
      },
    ],
  },
  PERSONAL_USE: {
    title: { en: 'Personal-use policy', fr: 'Politique d’usage personnel' },
    sections: [
      {
        key: 'scope',
        en: [
          'Who it applies to',
          'Every employee, on their personal accounts, whenever they mention the organisation, its clients or their work.',
        ],
        fr: [
          'À qui elle s’applique',
          'À tous les employés, sur leurs comptes personnels, dès qu’ils évoquent l’organisation, ses clients ou leur travail.',
        ],
      },
      {
        key: 'ethics',
        en: [
          'Rules of professional ethics',
          'Respect, honesty, no disparagement of clients, competitors or colleagues; the same rules apply online as anywhere else.',
        ],
        fr: [
          'Règles d’éthique professionnelle',
          'Respect, honnêteté, aucun dénigrement des clients, concurrents ou collègues ; les règles sociales s’appliquent en ligne comme ailleurs.',
        ],
      },
      {
        key: 'speaking-about-us',
        en: [
          'Speaking about the organisation',
          'Say that you work here when you talk about it, speak in your own name, and leave official answers to the people in charge.',
        ],
        fr: [
          'Parler de l’organisation',
          'Indiquez que vous y travaillez lorsque vous en parlez, exprimez-vous en votre nom, et laissez les réponses officielles aux personnes responsables.',
        ],
      },
      {
        key: 'confidentiality',
        en: [
          'Confidentiality',
          'What is never shared: unpublished information, client data, internal documents, pictures of restricted areas.',
        ],
        fr: [
          'Confidentialité',
          'Ce qui n’est jamais partagé : informations non publiées, données de clients, documents internes, images de lieux réservés.',
        ],
      },
      {
        key: 'when-in-doubt',
        en: [
          'When in doubt',
          'Whom to ask before posting, and how to report a message that worries you. This policy is approved by the general management and must be known by all.',
        ],
        fr: [
          'En cas de doute',
          'Qui consulter avant de publier, et comment signaler un message qui vous inquiète. Cette politique est approuvée par la direction générale et doit être connue de tous.',
        ],
      },
    ],
  },
  CODE_OF_CONDUCT: {
    title: { en: 'Social media code of conduct', fr: 'Charte de bonne conduite sur les médias sociaux' },
    sections: [
      {
        key: 'purpose',
        en: ['Purpose', 'Reduce the risks to how the brand is perceived on social networks, for the team and for every employee.'],
        fr: [
          'Objet',
          'Réduire les risques pour la perception de la marque sur les réseaux sociaux, pour l’équipe comme pour chaque salarié.',
        ],
      },
      {
        key: 'scope',
        en: [
          'Who it applies to',
          'The social media task force and every employee; it is shared with all by an internal mail or the intranet.',
        ],
        fr: [
          'Champ d’application',
          'La task force médias sociaux et tous les salariés ; elle est diffusée à tous par un mail interne ou l’intranet.',
        ],
      },
      {
        key: 'principles',
        en: ['Principles', 'Be transparent, be respectful, add value, stay consistent with the strategy and the brand voice.'],
        fr: [
          'Principes',
          'Être transparent, être respectueux, apporter de la valeur, rester cohérent avec la stratégie et la voix de la marque.',
        ],
      },
      {
        key: 'sensitive-events',
        en: [
          'Sensitive events',
          'During disasters and sensitive news, scheduled content is reviewed or paused and the team pays close attention to its communities.',
        ],
        fr: [
          'Événements sensibles',
          'Lors de catastrophes ou d’actualités sensibles, les contenus programmés sont revus ou suspendus et l’équipe est très attentive à ses communautés.',
        ],
      },
      {
        key: 'approval',
        en: ['Approval and updates', 'This charter is approved by the management, reviewed every year and after every incident.'],
        fr: ['Approbation et mises à jour', 'Cette charte est approuvée par la direction, revue chaque année et après chaque incident.'],
      },
    ],
  },
};

function build(kind: PolicyKind, language: PolicyLanguage): PolicyTemplate {
  const content = CONTENT[kind];
  return {
    kind,
    language,
    title: content.title[language],
    sections: content.sections.map((s) => ({ key: s.key, title: s[language][0], body: s[language][1] })),
  };
}

/** Every template: each kind in French and in English. */
export const POLICY_TEMPLATES: readonly PolicyTemplate[] = (Object.keys(CONTENT) as PolicyKind[]).flatMap((kind) => [
  build(kind, 'fr'),
  build(kind, 'en'),
]);

export function policyTemplate(kind: PolicyKind, language: PolicyLanguage): PolicyTemplate {
  return POLICY_TEMPLATES.find((t) => t.kind === kind && t.language === language) as PolicyTemplate;
}

/** The templates matching the optional filters. */
export function policyTemplates(filter: { kind?: PolicyKind; language?: PolicyLanguage } = {}): PolicyTemplate[] {
  return POLICY_TEMPLATES.filter((t) => (!filter.kind || t.kind === filter.kind) && (!filter.language || t.language === filter.language));
}
