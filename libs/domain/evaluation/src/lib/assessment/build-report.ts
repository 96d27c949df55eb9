import type { OrganizationUnitOfWork } from '@socle/platform-database';
import { badInput, notFound } from '@socle/platform-errors';
import { isUuid } from '@socle/platform-database';
import type { AssessmentReport, ReportLocale } from '../report/assessment-report';
import { AssessmentRepository } from './assessment.repository';
import { toAssessmentObject } from './assessment-view';

const repository = new AssessmentRepository();

/**
 * Everything a finalised assessment's report shows, in `locale` (default: the
 * organisation's language). The unit of work must be scoped to the
 * organisation. Three statements whatever the size of the model.
 */
export async function buildAssessmentReport(
  uow: OrganizationUnitOfWork,
  assessmentId: string,
  locale?: ReportLocale,
): Promise<AssessmentReport> {
  const scope = { uow, organizationId: uow.organizationId };
  const found = isUuid(assessmentId) ? await repository.find(scope, assessmentId) : null;
  if (!found) throw notFound('Assessment', assessmentId);
  if (found.status !== 'FINALIZED' || found.overallScore === null || found.level === null) {
    throw badInput('assessmentId', 'is not finalised yet: a report shows a finalised assessment');
  }
  const record = { ...found, locale: locale ?? found.locale };
  const [answers, agencyName] = await Promise.all([repository.answersOf(scope, [assessmentId]), repository.agencyName(scope)]);
  const view = toAssessmentObject(record, answers);
  const commentByKey = new Map(answers.map((a) => [a.criterionKey, a.comment]));
  return {
    locale: record.locale,
    organizationName: record.organizationName,
    agencyName,
    modelName: view.model.name,
    modelVersion: view.model.version,
    assessmentId: view.id,
    assessedAt: view.assessedAt,
    timeZone: record.timeZone,
    overallScore: found.overallScore,
    ...(record.previousOverallScore !== null ? { previousOverallScore: record.previousOverallScore } : {}),
    ...(record.previousAssessedAt ? { previousAssessedAt: record.previousAssessedAt } : {}),
    level: { number: view.level?.number ?? found.level, name: view.level?.name ?? String(found.level) },
    dimensions: view.dimensions.map((d) => {
      const previous = record.previousDimensionScores?.[d.key];
      return {
        key: d.key,
        title: d.title,
        weight: d.weight,
        score: d.score ?? 0,
        ...(previous !== undefined && previous !== null ? { previousScore: previous } : {}),
        criteria: d.criteria.map((c) => {
          const comment = commentByKey.get(c.key);
          return {
            key: c.key,
            title: c.title,
            kind: c.kind,
            weight: c.weight,
            score: c.score,
            detail: c.detail ?? '',
            ...(comment ? { comment } : {}),
          };
        }),
      };
    }),
    recommendations: view.recommendations.map((r) => ({
      criterionKey: r.criterionKey,
      dimensionTitle: r.dimensionTitle,
      text: r.text,
      ...(r.roadmapStep ? { roadmapStep: { number: r.roadmapStep.number, title: r.roadmapStep.title } } : {}),
    })),
  };
}
