import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AgencyContext, AgencyCtx, Public, Requires } from '@socle/platform-auth';
import { Connection, PageArgs, paginate } from '@socle/platform-graphql';
import { badInput } from '@socle/platform-errors';
import { MATURITY_MODEL_SCHEMA } from './model-json';
import {
  CreateMaturityModelInput,
  ImportMaturityModelInput,
  MaturityModelConnection,
  MaturityModelObject,
  MaturityModelVersionObject,
  MODEL_ID,
  MODEL_ID_MESSAGE,
  PublishMaturityModelVersionInput,
  toModelObject,
  toVersionObject,
  UpdateMaturityModelDraftInput,
} from './model.dto';
import { DEFAULT_MODEL_CURSOR, MaturityModelService } from './model.service';

const SCHEMA_TEXT = `${JSON.stringify(MATURITY_MODEL_SCHEMA, null, 2)}\n`;

function modelIdArg(id: string, field: string): string {
  if (!MODEL_ID.test(id)) throw badInput(field, MODEL_ID_MESSAGE);
  return id;
}

@Resolver(() => MaturityModelObject)
export class MaturityModelResolver {
  constructor(private readonly models: MaturityModelService) {}

  @Requires('maturityModels.read')
  @Query(() => MaturityModelConnection, {
    description: "The agency's maturity models: the built-in default first, then the agency's own, oldest first.",
  })
  async maturityModels(@AgencyCtx() ctx: AgencyContext, @Args() page: PageArgs): Promise<Connection<MaturityModelObject>> {
    return paginate(
      page,
      (keyset) => this.models.page(ctx, keyset),
      (m) => (m.builtIn ? DEFAULT_MODEL_CURSOR : [m.createdAt, m.id]),
      toModelObject,
      () => this.models.count(ctx),
    );
  }

  @Requires('maturityModels.read')
  @Query(() => MaturityModelObject, {
    nullable: true,
    description: 'One maturity model with its versions ("default" for the built-in one). NOT_FOUND for an unknown id.',
  })
  async maturityModel(
    @AgencyCtx() ctx: AgencyContext,
    @Args('id', { type: () => ID, description: 'The model’s id: "default" or a UUID.' }) id: string,
  ): Promise<MaturityModelObject> {
    return toModelObject(await this.models.get(ctx, modelIdArg(id, 'id')));
  }

  @Requires('maturityModels.read')
  @Query(() => String, {
    description:
      'A model version in the export format (JSON text). Without version: the newest published one, else the draft. NOT_FOUND for an unknown model or version.',
  })
  async exportMaturityModel(
    @AgencyCtx() ctx: AgencyContext,
    @Args('modelId', { type: () => ID, description: 'The model’s id: "default" or a UUID.' }) modelId: string,
    @Args('version', {
      type: () => Int,
      nullable: true,
      description: 'The version to export, from 1; absent: the newest published one, else the draft.',
    })
    version?: number,
  ): Promise<string> {
    if (version !== undefined && version !== null && (!Number.isInteger(version) || version < 1))
      throw badInput('version', 'must be a version number (1 or more)');
    return this.models.export(ctx, modelIdArg(modelId, 'modelId'), version ?? undefined);
  }

  @Public()
  @Query(() => String, { description: 'The JSON Schema (draft 2020-12) of the maturity model export format.' })
  maturityModelJsonSchema(): string {
    return SCHEMA_TEXT;
  }

  @Requires('maturityModels.manage')
  @Mutation(() => MaturityModelObject, {
    description:
      'Creates a model with a draft version 1: a copy of another model (fromModelId), the given content, or a minimal skeleton. BAD_USER_INPUT for both fromModelId and content, fromVersion without fromModelId, or content that is not a valid model (every problem with its path under input.content); NOT_FOUND for an unknown model or version.',
  })
  async createMaturityModel(
    @AgencyCtx() ctx: AgencyContext,
    @Args('input', { description: 'The name and where the content comes from.' }) input: CreateMaturityModelInput,
  ): Promise<MaturityModelObject> {
    return toModelObject(await this.models.create(ctx, input));
  }

  @Requires('maturityModels.manage')
  @Mutation(() => MaturityModelVersionObject, {
    description:
      'Replaces the content of the draft version (starting a new draft after the newest version if there is none). Published versions never change. BAD_USER_INPUT for the built-in model or content that is not a valid model (every problem with its path); NOT_FOUND for an unknown model.',
  })
  async updateMaturityModelDraft(
    @AgencyCtx() ctx: AgencyContext,
    @Args('input', { description: 'The model and the draft’s new content.' }) input: UpdateMaturityModelDraftInput,
  ): Promise<MaturityModelVersionObject> {
    return toVersionObject(await this.models.updateDraft(ctx, input.modelId, input.content));
  }

  @Requires('maturityModels.manage')
  @Mutation(() => MaturityModelVersionObject, {
    description:
      'Checks and publishes the draft version; it becomes immutable and usable by assessments. BAD_USER_INPUT when the model has no draft, is the built-in one, or the draft is not valid; NOT_FOUND for an unknown model.',
  })
  async publishMaturityModelVersion(
    @AgencyCtx() ctx: AgencyContext,
    @Args('input', { description: 'The model.' }) input: PublishMaturityModelVersionInput,
  ): Promise<MaturityModelVersionObject> {
    return toVersionObject(await this.models.publish(ctx, input.modelId));
  }

  @Requires('maturityModels.manage')
  @Mutation(() => MaturityModelObject, {
    description:
      'Creates a model from a document in the export format, as its draft version 1. Every problem is reported with its path (BAD_USER_INPUT, fields under input.json); nothing is stored then.',
  })
  async importMaturityModel(
    @AgencyCtx() ctx: AgencyContext,
    @Args('input', { description: 'The name and the document.' }) input: ImportMaturityModelInput,
  ): Promise<MaturityModelObject> {
    return toModelObject(await this.models.import(ctx, input.name, input.json));
  }
}
