import type { BrandVoice } from '../brand-voice/brand-voice.reader';
import { Locale } from '../i18n';
import type {
  CompetitorRecord,
  KpiRecord,
  NetworkPlanRecord,
  ObjectiveRecord,
  RitualRecord,
  SegmentRecord,
  TaskForceMemberRecord,
} from '../repositories';
import { TASK_FORCE_ROLES, TASK_FORCE_ROLE_LABELS, TASK_FORCE_ROLE_MISSIONS } from '../task-force/roles';

export interface StrategyDocumentData {
  organizationName: string;
  locale: Locale;
  generatedAt: Date;
  objectives: ObjectiveRecord[];
  kpis: KpiRecord[];
  segments: SegmentRecord[];
  plans: NetworkPlanRecord[];
  brandVoice: BrandVoice | null;
  competitors: CompetitorRecord[];
  taskForce: TaskForceMemberRecord[];
  rituals: (RitualRecord & { displayTitle: string; next: Date })[];
}

const T = {
  title: { fr: 'Stratégie médias sociaux', en: 'Social media strategy' },
  generated: { fr: 'Document généré le', en: 'Document generated on' },
  intro: {
    fr: 'Les bases stratégiques définies par écrit : objectifs, groupes cibles, contenus et ressources.',
    en: 'The strategic base, in writing: objectives, target groups, content and resources.',
  },
  objectives: { fr: '1. Objectifs', en: '1. Objectives' },
  noObjectives: { fr: "Aucun objectif n'est encore défini.", en: 'No objective is defined yet.' },
  kind: { BUSINESS: { fr: 'Objectif de business', en: 'Business objective' }, BRAND: { fr: 'Objectif de marque', en: 'Brand objective' } },
  measure: { fr: 'Indicateur', en: 'Metric' },
  from: { fr: 'de', en: 'from' },
  to: { fr: 'à', en: 'to' },
  by: { fr: "d'ici le", en: 'by' },
  kpis: { fr: 'KPI', en: 'KPIs' },
  noKpi: { fr: 'aucun KPI pour le moment', en: 'no KPI yet' },
  frequency: {
    DAILY: { fr: 'quotidien', en: 'daily' },
    WEEKLY: { fr: 'hebdomadaire', en: 'weekly' },
    MONTHLY: { fr: 'mensuel', en: 'monthly' },
    QUARTERLY: { fr: 'trimestriel', en: 'quarterly' },
    YEARLY: { fr: 'annuel', en: 'yearly' },
  } as Record<string, { fr: string; en: string }>,
  target: { fr: 'cible', en: 'target' },
  segments: { fr: '2. Groupes cibles', en: '2. Target groups' },
  noSegments: { fr: "Aucun groupe cible n'est encore défini.", en: 'No target group is defined yet.' },
  usages: { fr: 'Usages', en: 'Usages' },
  usage: {
    PR: { fr: 'relations publiques', en: 'public relations' },
    ADVERTISING_MARKETING: { fr: 'publicité et marketing', en: 'advertising and marketing' },
    CUSTOMER_SERVICE: { fr: 'service client', en: 'customer service' },
  } as Record<string, { fr: string; en: string }>,
  needs: { fr: 'Besoins', en: 'Needs' },
  content: { fr: '3. Contenus', en: '3. Content' },
  networks: { fr: 'Réseaux', en: 'Networks' },
  noNetworks: { fr: "Aucun réseau n'est encore choisi.", en: 'No network is chosen yet.' },
  networkHeader: {
    fr: '| Réseau | Groupes cibles | Publications par semaine | Compte réservé | Pourquoi |',
    en: '| Network | Target groups | Posts per week | Reserved handle | Why |',
  },
  voice: { fr: 'Voix de la marque', en: 'Brand voice' },
  noVoice: { fr: "La voix de la marque n'est pas encore définie.", en: 'The brand voice is not defined yet.' },
  tone: { fr: 'Ton', en: 'Tone' },
  use: { fr: 'Mots à employer', en: 'Words to use' },
  avoid: { fr: 'Mots à éviter', en: 'Words to avoid' },
  address: { fr: "Forme d'adresse", en: 'Form of address' },
  addressForm: { TU: { fr: 'tutoiement', en: '"tu" (informal)' }, VOUS: { fr: 'vouvoiement', en: '"vous" (formal)' } } as Record<
    string,
    { fr: string; en: string }
  >,
  notSet: { fr: 'non définie', en: 'not set' },
  competitors: { fr: 'Concurrents observés', en: 'Competitors watched' },
  resources: { fr: '4. Ressources', en: '4. Resources' },
  taskForce: { fr: 'Task force', en: 'Task force' },
  vacant: { fr: 'à pourvoir', en: 'vacant' },
  external: { fr: 'externe', en: 'external' },
  rituals: { fr: 'Rituels', en: 'Rituals' },
  noRituals: { fr: "Aucun rituel n'est planifié.", en: 'No ritual is scheduled.' },
  next: { fr: 'prochain', en: 'next' },
  weekdays: {
    fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
    en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  },
  everyWeek: { fr: 'chaque', en: 'every' },
  monthly: { fr: 'le {day} de chaque mois', en: 'on day {day} of every month' },
  at: { fr: 'à', en: 'at' },
  none: { fr: '—', en: '—' },
};

/** Escapes what Markdown would read as markup in user text (and keeps table cells on one line). */
export function md(text: string): string {
  return text.replace(/([\\`*_[\]|<>#])/g, '\\$1').replace(/\r?\n/g, ' ');
}

function number(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 4 }).format(value);
}

function longDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

function dateTime(at: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(at);
}

/** The strategy document as Markdown, in the organisation's language (seed 003: objectives, target groups, content, resources). */
export function strategyMarkdown(d: StrategyDocumentData): string {
  const l = d.locale;
  const colon = l === 'fr' ? ' :' : ':';
  const out: string[] = [];
  out.push(
    `# ${T.title[l]} — ${md(d.organizationName)}`,
    '',
    `_${T.generated[l]} ${longDate(d.generatedAt.toISOString().slice(0, 10), l)}._`,
    '',
    T.intro[l],
    '',
  );

  out.push(`## ${T.objectives[l]}`, '');
  if (d.objectives.length === 0) out.push(T.noObjectives[l], '');
  for (const o of d.objectives) {
    const unit = o.unit ? ` ${md(o.unit)}` : '';
    out.push(`### ${md(o.title)}`, '', `_${T.kind[o.kind][l]}_`, '');
    if (o.description) out.push(md(o.description), '');
    out.push(
      `- **${T.measure[l]}**${colon} ${md(o.metric)}, ${T.from[l]} ${number(o.baseline, l)}${unit} ${T.to[l]} ${number(o.target, l)}${unit}, ${T.by[l]} ${longDate(o.deadline, l)}`,
    );
    const kpis = d.kpis.filter((k) => k.objectiveId === o.id);
    if (kpis.length === 0) out.push(`- **${T.kpis[l]}**${colon} ${T.noKpi[l]}`);
    for (const k of kpis) {
      out.push(
        `- **${T.kpis[l]}**${colon} ${md(k.name)} (${md(k.metric)}), ${T.target[l]} ${number(k.target, l)}${k.unit ? ` ${md(k.unit)}` : ''}, ${T.frequency[k.frequency]?.[l] ?? k.frequency}`,
      );
    }
    out.push('');
  }

  out.push(`## ${T.segments[l]}`, '');
  if (d.segments.length === 0) out.push(T.noSegments[l], '');
  for (const s of d.segments) {
    out.push(`### ${md(s.name)}`, '');
    if (s.description) out.push(md(s.description), '');
    out.push(`- **${T.usages[l]}**${colon} ${s.usages.length ? s.usages.map((u) => T.usage[u]?.[l] ?? u).join(', ') : T.none[l]}`);
    out.push(`- **${T.needs[l]}**${colon} ${s.needs ? md(s.needs) : T.none[l]}`, '');
  }

  out.push(`## ${T.content[l]}`, '', `### ${T.networks[l]}`, '');
  if (d.plans.length === 0) out.push(T.noNetworks[l], '');
  else {
    out.push(T.networkHeader[l], '|---|---|---|---|---|');
    for (const p of d.plans) {
      out.push(
        `| ${md(p.network)} | ${p.segments.map((s) => md(s.name)).join(', ') || T.none[l]} | ${p.postsPerWeek} | ${p.reservedHandle ? md(p.reservedHandle) : T.none[l]} | ${p.rationale ? md(p.rationale) : T.none[l]} |`,
      );
    }
    out.push('');
  }
  out.push(`### ${T.voice[l]}`, '');
  if (!d.brandVoice) out.push(T.noVoice[l], '');
  else {
    const v = d.brandVoice;
    out.push(
      `- **${T.tone[l]}**${colon} ${v.tone ? md(v.tone) : T.none[l]}`,
      `- **${T.use[l]}**${colon} ${v.wordsToUse.length ? v.wordsToUse.map(md).join(', ') : T.none[l]}`,
      `- **${T.avoid[l]}**${colon} ${v.wordsToAvoid.length ? v.wordsToAvoid.map(md).join(', ') : T.none[l]}`,
      `- **${T.address[l]}**${colon} ${v.addressForm ? T.addressForm[v.addressForm][l] : T.notSet[l]}`,
      '',
    );
  }
  if (d.competitors.length) {
    out.push(`### ${T.competitors[l]}`, '');
    for (const c of d.competitors) {
      const handles = c.handles.map((h) => `${md(h.network)}: ${md(h.handle)}`).join(', ');
      out.push(`- **${md(c.name)}**${handles ? ` (${handles})` : ''}${c.notes ? `, ${md(c.notes)}` : ''}`);
    }
    out.push('');
  }

  out.push(`## ${T.resources[l]}`, '', `### ${T.taskForce[l]}`, '');
  for (const role of TASK_FORCE_ROLES) {
    const people = d.taskForce.filter((m) => m.role === role).map((m) => `${md(m.name)}${m.userId ? '' : ` (${T.external[l]})`}`);
    out.push(
      `- **${TASK_FORCE_ROLE_LABELS[role][l]}**${colon} ${people.length ? people.join(', ') : `_${T.vacant[l]}_`}. ${TASK_FORCE_ROLE_MISSIONS[role][l]}`,
    );
  }
  out.push('', `### ${T.rituals[l]}`, '');
  if (d.rituals.length === 0) out.push(T.noRituals[l]);
  for (const r of d.rituals) {
    const when =
      r.cadence === 'WEEKLY'
        ? `${T.everyWeek[l]} ${T.weekdays[l][(r.weekday as number) - 1]}`
        : T.monthly[l].replace('{day}', String(r.dayOfMonth));
    out.push(
      `- **${md(r.displayTitle)}**${colon} ${when} ${T.at[l]} ${r.time} (${r.timezone}); ${T.next[l]} ${dateTime(r.next, r.timezone, l)}`,
    );
  }
  out.push('');
  return out.join('\n');
}
