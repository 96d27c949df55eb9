import { Controller, Get, Logger, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessProvenBy } from '@socle/platform-auth';
import { badInput, FieldProblem, refuseLinkRequest, sendPrivateJson } from '@socle/platform-errors';
import { textProblem } from '@socle/platform-graphql';
import type { ApprovalVerdict } from './approval-chain';
import { ApprovalsService, ItemApprovals } from './approvals.service';

type RequestWithId = FastifyRequest & { requestId?: string };

const PROOF_REASON =
  'the HMAC-signed, expiring, single-use link names its organisation and link row and is issued only by a member allowed to manage approvals; it is verified before the tenant is entered';

/** What a POST carries: `{ verdict: "APPROVED" | "REJECTED", comment?: string }` (a comment is required to reject). */
export function readDecisionBody(body: unknown): { verdict: ApprovalVerdict; comment: string | null } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badInput('body', 'send a JSON object { "verdict": "APPROVED" | "REJECTED", "comment": "…" }');
  const { verdict, comment, ...rest } = body as Record<string, unknown>;
  const problems: FieldProblem[] = Object.keys(rest)
    .slice(0, 5)
    .map((key) => ({
      field: textProblem(key) || !/^[A-Za-z_$][\w$]{0,39}$/.test(key) ? 'body' : `body.${key}`,
      message: 'has a field a decision does not take',
    }));
  if (verdict !== 'APPROVED' && verdict !== 'REJECTED') problems.push({ field: 'body.verdict', message: 'must be APPROVED or REJECTED' });
  if (comment !== undefined && comment !== null) {
    if (typeof comment !== 'string') problems.push({ field: 'body.comment', message: 'must be a string' });
    else if (comment.length < 1 || comment.length > 2000)
      problems.push({ field: 'body.comment', message: 'must be 1 to 2,000 characters' });
    else {
      const problem = textProblem(comment);
      if (problem) problems.push({ field: 'body.comment', message: problem });
    }
  }
  if (verdict === 'REJECTED' && (typeof comment !== 'string' || !comment.trim()) && !problems.some((p) => p.field === 'body.comment')) {
    problems.push({ field: 'body.comment', message: 'say what must change (required to reject)' });
  }
  if (problems.length) throw badInput(problems);
  return { verdict: verdict as ApprovalVerdict, comment: typeof comment === 'string' ? comment : null };
}

/**
 * `GET /approvals/<link>`: a read-only preview (JSON) of the content an
 * approval link was made for; `POST /approvals/<link>`: the recipient's
 * decision. REST routes do not pass the GraphQL permission guard: the signed
 * link is the permission, and it names its organisation, so everything runs
 * inside that tenant's transaction. 404: not a link of this server (tampered,
 * another tenant's); 410: expired or used; 409: the content moved on; 400: a
 * bad body, naming its field. Errors have the API's REST shape
 * (`{ errors: [{ message, extensions: { code, reason?, field?, requestId } }] }`).
 * The body is read and checked here, whole (unknown fields refused, text checked
 * as the validation pipe would), so its problems are named `body.<field>`.
 */
@Controller('approvals')
export class ApprovalLinkController {
  private readonly logger = new Logger('ApprovalLink');

  constructor(private readonly approvals: ApprovalsService) {}

  @Get(':token')
  @AccessProvenBy('signed link', PROOF_REASON)
  async preview(@Param('token') token: string, @Req() request: RequestWithId, @Res() reply: FastifyReply): Promise<void> {
    try {
      this.send(reply, 200, await this.approvals.previewByLink(token));
    } catch (error) {
      this.refuse(request, reply, error);
    }
  }

  @Post(':token')
  @AccessProvenBy('signed link', PROOF_REASON)
  async decide(@Param('token') token: string, @Req() request: RequestWithId, @Res() reply: FastifyReply): Promise<void> {
    try {
      const { verdict, comment } = readDecisionBody(request.body);
      const result: ItemApprovals = await this.approvals.decideByLink(token, verdict, comment);
      this.send(reply, 200, {
        verdict,
        item: { id: result.item.id, status: result.item.status, revision: result.item.revision },
        complete: result.complete,
      });
    } catch (error) {
      this.refuse(request, reply, error);
    }
  }

  private send(reply: FastifyReply, status: number, payload: unknown): void {
    sendPrivateJson(reply, status, payload);
  }

  private refuse(request: RequestWithId, reply: FastifyReply, error: unknown): void {
    refuseLinkRequest(reply, request.requestId ?? null, error, {
      goneReasons: ['LINK_EXPIRED', 'LINK_USED'],
      failure: 'The decision could not be recorded.',
      what: 'approval link',
      log: (message) => this.logger.error(message),
    });
  }
}
