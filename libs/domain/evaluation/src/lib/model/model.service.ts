import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditRepository } from '@socle/accounts';
import type { AgencyContext } from '@socle/platform-auth';
import { isUuid } from '@socle/platform-database';
import { EvidenceRegistry } from '@socle/platform-evidence';
import { KeysetPage } from '@socle/platform-graphql';
import { badInput, notFound } from '@socle/platform-errors';
import { DEFAULT_MATURITY_MODEL, DEFAULT_MODEL_ID, DEFAULT_MODEL_VERSION, skeletonModel } from './default-model';
import type { MaturityModelVersionStatus } from './entities';
import type { MaturityModelContent } from './model-content';
import { checkModelContent, exportModel, parseModelExport, underPath } from './model-json';
import { MaturityModelRepository } from './model.repository';
import type { ModelProblem } from './validate-content';

/** When the built-in model's current version took effect (shown as its dates). */
export const DEFAULT_MODEL_PUBLISHED_AT = new Date('2026-01-01T00:00:00.000Z');
/** Keyset position of the built-in model: before every agency model. */
export const DEFAULT_MODEL_CURSOR: [Date, string] = [new Date(0), '00000000-0000-0000-0000-000000000000'];

export interface ModelVersionView {
  modelId: string;
  version: number;
  status: MaturityModelVersionStatus;
  content: MaturityModelContent;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  createdBy: string | null;
  publishedBy: string | null;
}

export interface ModelView {
  id: string;
  name: string;
  builtIn: boolean;
  createdAt: Date;
  updatedAt: Date;
  /** Newest first. */
  versions: ModelVersionView[];
}

export function builtInModel(): ModelView {
  return {
    id: DEFAULT_MODEL_ID,
    name: DEFAULT_MATURITY_MODEL.name.en,
    builtIn: true,
    createdAt: DEFAULT_MODEL_PUBLISHED_AT,
    updatedAt: DEFAULT_MODEL_PUBLISHED_AT,
    versions: [
      {
        modelId: DEFAULT_MODEL_ID,
        version: DEFAULT_MODEL_VERSION,
        status: 'PUBLISHED',
        content: DEFAULT_MATURITY_MODEL,
        createdAt: DEFAULT_MODEL_PUBLISHED_AT,
        updatedAt: DEFAULT_MODEL_PUBLISHED_AT,
        publishedAt: DEFAULT_MODEL_PUBLISHED_AT,
        createdBy: null,
        publishedBy: null,
      },
    ],
  };
}

const toFields = (problems: ModelProblem[]) => problems.map((p) => ({ field: p.path, message: p.message }));

/**
 * Maturity models of an agency: the built-in default (read-only, copy it) and
 * the agency's own, edited as a DRAFT version and published into immutable
 * versions; exported and imported in the JSON format the schema describes.
 */
@Injectable()
export class MaturityModelService {
  constructor(
    private readonly models: MaturityModelRepository,
    private readonly evidence: EvidenceRegistry,
    private readonly audit: AuditRepository,
  ) {}

  /** An evidence key a model may use: one a module of this process computes (the registry's keys). */
  readonly knownEvidenceKey = (key: string): boolean => this.evidence.has(key);

  /** The page's models: the built-in first (first page only), then the agency's, oldest first. */
  async page(ctx: AgencyContext, page: KeysetPage): Promise<ModelView[]> {
    const first = !page.after;
    const rows = await this.models.page(ctx, { size: first ? page.size - 1 : page.size, after: page.after });
    const own = await this.withVersions(ctx, rows);
    return first ? [builtInModel(), ...own] : own;
  }

  /** How many models `page` lists over all its pages: the built-in one and the agency's own. */
  async count(ctx: AgencyContext): Promise<number> {
    return 1 + (await this.models.count(ctx));
  }

  async get(ctx: AgencyContext, id: string): Promise<ModelView> {
    if (id === DEFAULT_MODEL_ID) return builtInModel();
    const model = isUuid(id) ? await this.models.find(ctx, id) : null;
    if (!model) throw notFound('Maturity model', id);
    const [view] = await this.withVersions(ctx, [model]);
    return view;
  }

  async create(
    ctx: AgencyContext,
    input: { name: string; fromModelId?: string; fromVersion?: number; content?: Record<string, unknown> },
  ): Promise<ModelView> {
    if (input.content !== undefined && input.fromModelId !== undefined)
      throw badInput('input.content', 'give either fromModelId or content, not both');
    if (input.fromVersion !== undefined && input.fromModelId === undefined) throw badInput('input.fromVersion', 'needs fromModelId');
    let content: MaturityModelContent;
    if (input.content !== undefined) {
      const problems = checkModelContent(input.content, this.knownEvidenceKey);
      if (problems.length) throw badInput(toFields(underPath('input.content', problems)));
      content = input.content as unknown as MaturityModelContent;
    } else if (input.fromModelId !== undefined) {
      // Another agency's model is simply not found (NOT_FOUND), like any unknown id.
      const source = await this.get(ctx, input.fromModelId);
      const version =
        input.fromVersion === undefined
          ? (source.versions.find((v) => v.status === 'PUBLISHED') ?? source.versions[0])
          : source.versions.find((v) => v.version === input.fromVersion);
      if (!version)
        throw badInput(
          'input.fromVersion',
          `is not a version of model ${source.id} (versions: ${source.versions.map((v) => v.version).join(', ')})`,
        );
      content = { ...structuredClone(version.content), name: { en: input.name, fr: input.name } };
    } else {
      content = skeletonModel(input.name);
    }
    const id = await this.insert(ctx, input.name, content);
    await this.record(ctx, 'maturity_model.created', id, {
      name: input.name,
      from: input.fromModelId ?? (input.content ? 'content' : 'skeleton'),
    });
    return this.get(ctx, id);
  }

  async import(ctx: AgencyContext, name: string, json: string): Promise<ModelView> {
    const parsed = parseModelExport(json, this.knownEvidenceKey);
    if ('problems' in parsed) throw badInput(toFields(underPath('input.json', parsed.problems)));
    const id = await this.insert(ctx, name, parsed.model);
    await this.record(ctx, 'maturity_model.imported', id, { name });
    return this.get(ctx, id);
  }

  /** Replaces the draft's content; without a draft, starts one as the next version. */
  async updateDraft(ctx: AgencyContext, modelId: string, content: Record<string, unknown>): Promise<ModelVersionView> {
    await this.lockOwn(ctx, modelId, 'input.modelId');
    const problems = checkModelContent(content, this.knownEvidenceKey);
    if (problems.length) throw badInput(toFields(underPath('input.content', problems)));
    const model = content as unknown as MaturityModelContent;
    const [view] = await this.withVersions(ctx, [{ id: modelId, name: '', createdAt: new Date(), updatedAt: new Date() }]);
    const draft = view.versions.find((v) => v.status === 'DRAFT');
    if (draft) await this.models.updateDraft(ctx, modelId, draft.version, model);
    else await this.models.insertDraft(ctx, modelId, (view.versions[0]?.version ?? 0) + 1, model, this.actorId(ctx));
    await this.models.touchModel(ctx, modelId);
    const version = draft?.version ?? (view.versions[0]?.version ?? 0) + 1;
    await this.record(ctx, 'maturity_model.draft_updated', modelId, { version });
    return this.versionView(ctx, modelId, version);
  }

  /** Publishes the draft after checking it again (the evidence keys may have changed since it was saved). */
  async publish(ctx: AgencyContext, modelId: string): Promise<ModelVersionView> {
    await this.lockOwn(ctx, modelId, 'input.modelId');
    const [view] = await this.withVersions(ctx, [{ id: modelId, name: '', createdAt: new Date(), updatedAt: new Date() }]);
    const draft = view.versions.find((v) => v.status === 'DRAFT');
    if (!draft) throw badInput('input.modelId', 'has no draft to publish: change it with updateMaturityModelDraft first');
    const problems = checkModelContent(draft.content, this.knownEvidenceKey);
    if (problems.length) throw badInput(toFields(underPath(`draft(${draft.version}).content`, problems)));
    await this.models.publish(ctx, modelId, draft.version, this.actorId(ctx));
    await this.models.touchModel(ctx, modelId);
    await this.record(ctx, 'maturity_model.published', modelId, { version: draft.version });
    return this.versionView(ctx, modelId, draft.version);
  }

  /** The version as the export format (latest published, or the draft when nothing is published yet). */
  async export(ctx: AgencyContext, modelId: string, version?: number): Promise<string> {
    const model = await this.get(ctx, modelId);
    const chosen =
      version === undefined
        ? (model.versions.find((v) => v.status === 'PUBLISHED') ?? model.versions[0])
        : model.versions.find((v) => v.version === version);
    if (!chosen) throw notFound(`Version ${version} of maturity model`, modelId);
    return exportModel(chosen.content);
  }

  private async insert(ctx: AgencyContext, name: string, content: MaturityModelContent): Promise<string> {
    const id = randomUUID();
    await this.models.insertModel(ctx, { id, name, createdBy: this.actorId(ctx) });
    await this.models.insertDraft(ctx, id, 1, content, this.actorId(ctx));
    return id;
  }

  /** The agency's own model, locked until the transaction ends (one draft change at a time). */
  private async lockOwn(ctx: AgencyContext, modelId: string, field: string): Promise<void> {
    if (modelId === DEFAULT_MODEL_ID)
      throw badInput(field, 'is the built-in model, which cannot change: copy it with createMaturityModel(fromModelId: "default")');
    const model = isUuid(modelId) ? await this.models.find(ctx, modelId, true) : null;
    if (!model) throw notFound('Maturity model', modelId);
  }

  private async versionView(ctx: AgencyContext, modelId: string, version: number): Promise<ModelVersionView> {
    const v = await this.models.version(ctx, modelId, version);
    if (!v) throw notFound(`Version ${version} of maturity model`, modelId);
    return { ...v, modelId: v.modelId };
  }

  private async withVersions(
    ctx: AgencyContext,
    models: { id: string; name: string; createdAt: Date; updatedAt: Date }[],
  ): Promise<ModelView[]> {
    const versions = await this.models.versionsOf(
      ctx,
      models.map((m) => m.id),
    );
    return models.map((m) => ({
      id: m.id,
      name: m.name,
      builtIn: false,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
      versions: versions
        .filter((v) => v.modelId === m.id)
        .map((v) => ({
          modelId: v.modelId,
          version: v.version,
          status: v.status,
          content: v.content,
          createdAt: v.createdAt,
          updatedAt: v.updatedAt,
          publishedAt: v.publishedAt,
          createdBy: v.createdBy,
          publishedBy: v.publishedBy,
        })),
    }));
  }

  private actorId(ctx: AgencyContext): string | null {
    return ctx.actor.type === 'USER' ? ctx.actor.id : null;
  }

  private async record(ctx: AgencyContext, action: string, modelId: string, metadata: Record<string, unknown>): Promise<void> {
    await this.audit.recordInAgency(
      ctx.uow,
      ctx.agencyId,
      ctx.actor,
      { action, targetType: 'MaturityModel', targetId: modelId, metadata },
      ctx.requestId,
    );
  }
}
