import type { AssessmentReport, ReportDimension } from '../assessment-report';

/** Realistic reports for the renderers' tests (not part of the module's public API). */

export const FRENCH_REPORT: AssessmentReport = {
  locale: 'fr',
  organizationName: 'Boulangerie Lefèvre & Fils',
  agencyName: 'Agence Côté Réseaux',
  modelName: 'Modèle Socle par défaut',
  modelVersion: 3,
  assessmentId: '6f1c2f0e-4b8a-4d53-9a57-0d8f1f3e2a11',
  assessedAt: new Date('2025-03-12T23:30:00Z'),
  timeZone: 'Europe/Paris',
  overallScore: 58.44,
  previousOverallScore: 49.5,
  previousAssessedAt: new Date('2024-12-02T09:00:00Z'),
  level: { number: 3, name: 'Défini' },
  dimensions: [
    {
      key: 'strategy',
      title: 'Stratégie et objectifs',
      weight: 3,
      score: 72.5,
      previousScore: 60,
      criteria: [
        {
          key: 'strategy.objectives-measurable',
          title: 'Objectifs mesurables',
          kind: 'EVIDENCE',
          weight: 2,
          score: 0.75,
          detail: '3 objectifs sur 4 ont un indicateur chiffré et une échéance.',
        },
        {
          key: 'strategy.brand-voice',
          title: 'Voix de marque définie',
          kind: 'DECLARATIVE',
          weight: 1,
          score: 0.5,
          detail: 'Partiellement : mots à employer listés, mots à éviter à compléter.',
          comment: 'Validé par la direction le 3 mars ; reste la « charte » à diffuser.\nVoir le "compte-rendu" du comité.',
        },
      ],
    },
    {
      key: 'team',
      title: 'Équipe et rituels',
      weight: 2,
      score: 45,
      previousScore: 50,
      criteria: [
        {
          key: 'team.task-force-roles',
          title: 'Rôles de la task force pourvus',
          kind: 'EVIDENCE',
          weight: 2,
          score: 0.6,
          detail: '3 rôles sur 5 pourvus : responsable stratégie, community manager, analyste.',
        },
        {
          key: 'team.weekly-meeting',
          title: 'Réunion hebdomadaire',
          kind: 'DECLARATIVE',
          weight: 1,
          score: null,
          detail: '',
        },
      ],
    },
    {
      key: 'policies',
      title: 'Politiques et chartes',
      weight: 2,
      score: 38.3,
      previousScore: 20,
      criteria: [
        {
          key: 'policies.four-kinds-approved',
          title: 'Les quatre politiques approuvées',
          kind: 'EVIDENCE',
          weight: 2,
          score: 0.5,
          detail: '2 politiques sur 4 approuvées par la direction générale (guide d’usage, politique éditoriale).',
        },
        {
          key: 'policies.acknowledged',
          title: 'Chartes lues par les salariés',
          kind: 'DECLARATIVE',
          weight: 1,
          score: 0.15,
          detail: 'Moins d’un quart des salariés',
          comment: '=SOMME(A1:A9) — œuvre en cours, 👍 Ősz',
        },
      ],
    },
    {
      key: 'content',
      title: 'Contenus et régularité',
      weight: 2,
      score: 66.7,
      previousScore: 55,
      criteria: [
        {
          key: 'content.regularity',
          title: 'Créneaux de publication tenus sur 4 semaines',
          kind: 'EVIDENCE',
          weight: 1,
          score: 0.667,
          detail: '16 créneaux prévus sur 24 ont été publiés (la régularité est la clé).',
        },
      ],
    },
    {
      key: 'community',
      title: 'Communauté et écoute',
      weight: 1,
      score: 55,
      previousScore: 55,
      criteria: [
        {
          key: 'community.accounts-connected',
          title: 'Comptes connectés',
          kind: 'EVIDENCE',
          weight: 1.5,
          score: 0.55,
          detail: '2 réseaux connectés : Mastodon, Bluesky.',
        },
      ],
    },
  ],
  recommendations: [
    {
      criterionKey: 'policies.four-kinds-approved',
      dimensionTitle: 'Politiques et chartes',
      text: 'Faire approuver la politique de gestion des commentaires et la politique d’usage personnel par la direction générale.',
      roadmapStep: { number: 5, title: 'Créer des politiques' },
    },
    {
      criterionKey: 'team.weekly-meeting',
      dimensionTitle: 'Équipe et rituels',
      text: 'Instaurer une réunion hebdomadaire : 10 minutes chacun, puis 20 minutes de remue-méninges.',
    },
  ],
};

export const ENGLISH_REPORT: AssessmentReport = {
  locale: 'en',
  organizationName: 'Northwind Outfitters',
  agencyName: 'Harbour Digital',
  modelName: 'Socle default model',
  modelVersion: 2,
  assessmentId: '0b3e1f6a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  assessedAt: new Date('2025-06-30T15:00:00Z'),
  timeZone: 'UTC',
  overallScore: 41.25,
  level: { number: 2, name: 'Emerging' },
  dimensions: [
    {
      key: 'strategy',
      title: 'Strategy and objectives',
      weight: 2,
      score: 50,
      criteria: [
        {
          key: 'strategy.objectives-measurable',
          title: 'Measurable objectives',
          kind: 'EVIDENCE',
          weight: 1,
          score: 0.5,
          detail: '2 of 4 objectives have a figure and a deadline.',
        },
        {
          key: 'strategy.segments',
          title: 'Audience segments',
          kind: 'DECLARATIVE',
          weight: 1,
          score: 0.5,
          detail: 'Some segments are written down.',
          comment: 'Retail, "pro" buyers, press, investors',
        },
      ],
    },
    {
      key: 'team',
      title: 'Team and rituals',
      weight: 1,
      score: 20,
      criteria: [
        {
          key: 'team.task-force-roles',
          title: 'Task force roles filled',
          kind: 'EVIDENCE',
          weight: 1,
          score: 0.2,
          detail: '1 of 5 roles filled.',
        },
      ],
    },
    {
      key: 'policies',
      title: 'Policies',
      weight: 1,
      score: 45,
      criteria: [
        {
          key: 'policies.usage-guide',
          title: 'Usage guide',
          kind: 'EVIDENCE',
          weight: 1,
          score: 0.45,
          detail: 'A usage guide is drafted, not approved yet.',
        },
      ],
    },
  ],
  recommendations: [
    {
      criterionKey: 'team.task-force-roles',
      dimensionTitle: 'Team and rituals',
      text: 'Name a content lead and a community manager in the task force.',
      roadmapStep: { number: 6, title: 'Training and mobilisation' },
    },
  ],
};

/** A long report: many dimensions, criteria and long texts, to exercise page breaks. */
export function longReport(dimensions = 9, criteriaPerDimension = 8): AssessmentReport {
  const dims: ReportDimension[] = [];
  for (let d = 1; d <= dimensions; d++) {
    dims.push({
      key: `dim${d}`,
      title: `Dimension numéro ${d}`,
      weight: 1,
      score: (d * 37) % 101,
      previousScore: (d * 23) % 101,
      criteria: Array.from({ length: criteriaPerDimension }, (_, c) => ({
        key: `dim${d}.criterion-${c + 1}`,
        title: `Critère ${d}.${c + 1} dont l’intitulé est assez long pour passer à la ligne dans la colonne prévue`,
        kind: c % 2 === 0 ? ('EVIDENCE' as const) : ('DECLARATIVE' as const),
        weight: 1 + (c % 3),
        score: c === 3 ? null : ((c * 13) % 11) / 10,
        detail: `Explication ${d}.${c + 1} : ${'une phrase qui détaille le constat. '.repeat(1 + (c % 4))}`,
        comment: c % 3 === 0 ? `Commentaire ${d}.${c + 1} : ${'précision apportée par l’évaluateur. '.repeat(2 + c)}` : undefined,
      })),
    });
  }
  return {
    ...FRENCH_REPORT,
    organizationName: 'Grande Coopérative des Producteurs Réunis',
    dimensions: dims,
    recommendations: Array.from({ length: 12 }, (_, i) => ({
      criterionKey: `dim${(i % dimensions) + 1}.criterion-1`,
      dimensionTitle: `Dimension numéro ${(i % dimensions) + 1}`,
      text: `Recommandation ${i + 1} : ${'agir sur ce point faible. '.repeat(3)}`,
      roadmapStep: { number: (i % 10) + 1, title: `Étape ${(i % 10) + 1}` },
    })),
  };
}
