import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { Connection, PageArgs, pageSize, toConnection, decodeCursor } from '@socle/platform-graphql';
import {
  AnswerAssessmentCriterionInput,
  AssessmentConnection,
  AssessmentObject,
  FinalizeAssessmentInput,
  StartAssessmentInput,
} from './assessment.dto';
import { AssessmentRecord } from './assessment.repository';
import { AssessmentService } from './assessment.service';
import { toAssessmentObject } from './assessment-view';

@Resolver(() => AssessmentObject)
export class AssessmentResolver {
  constructor(private readonly service: AssessmentService) {}

  @Requires('assessments.read')
  @Query(() => AssessmentConnection, {
    description: "The organisation's maturity assessments, newest first by their date (assessedAt; a draft's start).",
  })
  async assessments(@OrgCtx() ctx: OrganizationContext, @Args() page: PageArgs): Promise<Connection<AssessmentObject>> {
    const size = pageSize(page);
    const rows = await this.service.page(ctx, { size, after: page.after ? decodeCursor(page.after) : undefined });
    // Answers of the whole page in one statement.
    const answers = await this.service.answersOf(
      ctx,
      rows.slice(0, size).map((r) => r.id),
    );
    return toConnection(
      rows,
      size,
      (r: AssessmentRecord) => [(r.assessedAt ?? r.startedAt).toISOString(), r.id],
      (r) =>
        toAssessmentObject(
          r,
          answers.filter((a) => a.assessmentId === r.id),
        ),
      !!page.after,
      () => this.service.count(ctx),
    );
  }

  @Requires('assessments.read')
  @Query(() => AssessmentObject, {
    nullable: true,
    description: 'One assessment: model, answers, scores, evidence, level, recommendations and trend. NOT_FOUND for an unknown id.',
  })
  async assessment(
    @OrgCtx() ctx: OrganizationContext,
    @Args('id', { type: () => ID, description: 'Identifier of the assessment.' }) id: string,
  ): Promise<AssessmentObject> {
    return this.view(ctx, await this.service.get(ctx, id));
  }

  @Requires('assessments.manage')
  @Mutation(() => AssessmentObject, {
    description:
      'Starts an assessment on the built-in model ("default") or a published version of a model of your agency. NOT_FOUND for an unknown model or a version that is not published.',
  })
  async startAssessment(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The model and version.' }) input: StartAssessmentInput,
  ): Promise<AssessmentObject> {
    return this.view(ctx, await this.service.start(ctx, input.modelId, input.version));
  }

  @Requires('assessments.manage')
  @Mutation(() => AssessmentObject, {
    description:
      'Answers (or changes the answer to) one declarative question of a draft assessment. BAD_USER_INPUT for a criterion that is not in the model or is an evidence one, or a value not on its scale; CONFLICT (reason ASSESSMENT_FINALIZED) once finalised; NOT_FOUND for an unknown assessment.',
  })
  async answerAssessmentCriterion(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The assessment, the criterion and the answer.' }) input: AnswerAssessmentCriterionInput,
  ): Promise<AssessmentObject> {
    return this.view(ctx, await this.service.answer(ctx, input));
  }

  @Requires('assessments.manage')
  @Mutation(() => AssessmentObject, {
    description:
      'Measures the evidence, scores the assessment (unanswered questions count 0), dates it (assessedOn, default today) and freezes it. A finalised assessment never changes (CONFLICT, reason ASSESSMENT_FINALIZED). BAD_USER_INPUT (input.assessedOn) for a day that does not exist, in the future, more than 5 years back, or before the latest finalised assessment; NOT_FOUND for an unknown assessment.',
  })
  async finalizeAssessment(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The assessment and its date.' }) input: FinalizeAssessmentInput,
  ): Promise<AssessmentObject> {
    return this.view(ctx, await this.service.finalize(ctx, input.assessmentId, input.assessedOn));
  }

  private async view(ctx: OrganizationContext, record: AssessmentRecord): Promise<AssessmentObject> {
    return toAssessmentObject(record, await this.service.answersOf(ctx, [record.id]));
  }
}
