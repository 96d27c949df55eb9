import { Injectable } from '@nestjs/common';
import type { AgencyContext } from '@socle/platform-auth';
import type { KeysetPage } from '@socle/platform-graphql';
import type { MaturityModelEntity, MaturityModelVersionEntity, MaturityModelVersionStatus } from './entities';
import type { MaturityModelContent } from './model-content';

interface ModelRow {
  agency_id: string;
  id: string;
  name: string;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}
interface VersionRow {
  agency_id: string;
  model_id: string;
  version: number;
  status: MaturityModelVersionStatus;
  content: MaturityModelContent;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
  published_by: string | null;
}

const MODEL_COLUMNS = 'agency_id, id, name, created_by, created_at, updated_at';
const VERSION_COLUMNS = 'agency_id, model_id, version, status, content, created_by, created_at, updated_at, published_at, published_by';

const toModel = (r: ModelRow): MaturityModelEntity => ({
  agencyId: r.agency_id,
  id: r.id,
  name: r.name,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const toVersion = (r: VersionRow): MaturityModelVersionEntity => ({
  agencyId: r.agency_id,
  modelId: r.model_id,
  version: r.version,
  status: r.status,
  content: r.content,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  publishedAt: r.published_at,
  publishedBy: r.published_by,
});

/** The agency's models: the condition of their pages and of their count. */
const IN_AGENCY = 'agency_id = $1';

/** The only place that queries maturity_models and maturity_model_versions; always inside the caller's agency. */
@Injectable()
export class MaturityModelRepository {
  async page(ctx: AgencyContext, page: KeysetPage): Promise<MaturityModelEntity[]> {
    const params: unknown[] = [ctx.agencyId, page.size + 1];
    let where = IN_AGENCY;
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      where += ' AND (created_at, id) > ($3::timestamptz, $4::uuid)';
    }
    const rows = await ctx.uow.query<ModelRow>(
      `SELECT ${MODEL_COLUMNS} FROM maturity_models WHERE ${where} ORDER BY created_at, id LIMIT $2`,
      params,
    );
    return rows.map(toModel);
  }

  /** How many models of its own the agency has: every page of `page` together (the built-in one is not a row). */
  async count(ctx: AgencyContext): Promise<number> {
    const [row] = await ctx.uow.query<{ n: number }>(`SELECT count(*)::int AS n FROM maturity_models WHERE ${IN_AGENCY}`, [ctx.agencyId]);
    return row?.n ?? 0;
  }

  async find(ctx: AgencyContext, id: string, lock = false): Promise<MaturityModelEntity | null> {
    const [row] = await ctx.uow.query<ModelRow>(
      `SELECT ${MODEL_COLUMNS} FROM maturity_models WHERE agency_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [ctx.agencyId, id],
    );
    return row ? toModel(row) : null;
  }

  /** Every version of these models, newest first, in one statement. */
  async versionsOf(ctx: AgencyContext, modelIds: readonly string[]): Promise<MaturityModelVersionEntity[]> {
    if (modelIds.length === 0) return [];
    const rows = await ctx.uow.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM maturity_model_versions WHERE agency_id = $1 AND model_id = ANY($2::uuid[]) ORDER BY model_id, version DESC`,
      [ctx.agencyId, modelIds],
    );
    return rows.map(toVersion);
  }

  async version(ctx: AgencyContext, modelId: string, version: number): Promise<MaturityModelVersionEntity | null> {
    const [row] = await ctx.uow.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM maturity_model_versions WHERE agency_id = $1 AND model_id = $2 AND version = $3`,
      [ctx.agencyId, modelId, version],
    );
    return row ? toVersion(row) : null;
  }

  async insertModel(ctx: AgencyContext, model: { id: string; name: string; createdBy: string | null }): Promise<void> {
    await ctx.uow.execute('INSERT INTO maturity_models (agency_id, id, name, created_by) VALUES ($1, $2, $3, $4)', [
      ctx.agencyId,
      model.id,
      model.name,
      model.createdBy,
    ]);
  }

  async touchModel(ctx: AgencyContext, id: string): Promise<void> {
    await ctx.uow.execute('UPDATE maturity_models SET updated_at = now() WHERE agency_id = $1 AND id = $2', [ctx.agencyId, id]);
  }

  async insertDraft(
    ctx: AgencyContext,
    modelId: string,
    version: number,
    content: MaturityModelContent,
    createdBy: string | null,
  ): Promise<void> {
    await ctx.uow.execute(
      `INSERT INTO maturity_model_versions (agency_id, model_id, version, status, content, created_by) VALUES ($1, $2, $3, 'DRAFT', $4::jsonb, $5)`,
      [ctx.agencyId, modelId, version, JSON.stringify(content), createdBy],
    );
  }

  async updateDraft(ctx: AgencyContext, modelId: string, version: number, content: MaturityModelContent): Promise<number> {
    return ctx.uow.execute(
      `UPDATE maturity_model_versions SET content = $4::jsonb, updated_at = now() WHERE agency_id = $1 AND model_id = $2 AND version = $3 AND status = 'DRAFT'`,
      [ctx.agencyId, modelId, version, JSON.stringify(content)],
    );
  }

  async publish(ctx: AgencyContext, modelId: string, version: number, publishedBy: string | null): Promise<number> {
    return ctx.uow.execute(
      `UPDATE maturity_model_versions SET status = 'PUBLISHED', published_at = now(), published_by = $4, updated_at = now()
        WHERE agency_id = $1 AND model_id = $2 AND version = $3 AND status = 'DRAFT'`,
      [ctx.agencyId, modelId, version, publishedBy],
    );
  }
}
