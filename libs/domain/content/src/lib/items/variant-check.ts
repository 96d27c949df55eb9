import { Inject, Injectable } from '@nestjs/common';
import { ConnectorManifest, validateVariant, Variant, Violation } from '@socle/connector-sdk';
import { DomainError } from '@socle/platform-errors';
import { check, CompiledContentPolicy, ContentRulesService, NetworkTextLimits } from '@socle/policies';
import { NETWORK_TARGETS, NetworkTarget, NetworkTargets } from '../network-targets';
import type { VariantFinding } from './content-item.entity';
import type { ContentCtx } from './content-item.repository';

/** What a check needs of an attached media asset. */
export interface MediaFacts {
  contentType: string;
  byteSize: number;
  /** Pixel dimensions, as the media library measured them. */
  width?: number;
  height?: number;
}

export interface VariantDraft {
  text: string;
  linkUrl: string | null;
  /** The attached assets, in order. */
  media: readonly MediaFacts[];
  /** The network's own settings (checked against the manifest's `options`: a required one missing blocks). */
  options?: Variant['options'];
}

/**
 * The text a network receives for a variant: its text, then its link on a line
 * of its own (unless the text already carries it). Lengths are measured on it;
 * spans up to `text.length` are positions in the variant's text.
 */
export function publishedText(variant: Pick<VariantDraft, 'text' | 'linkUrl'>): string {
  if (!variant.linkUrl || variant.text.includes(variant.linkUrl)) return variant.text;
  return variant.text ? `${variant.text}\n\n${variant.linkUrl}` : variant.linkUrl;
}

function limitsOf(manifest: ConnectorManifest): NetworkTextLimits {
  return {
    network: manifest.id,
    displayName: manifest.displayName,
    maxLength: manifest.text.maxLength,
    counting: manifest.text.counting,
    maxBytes: manifest.text.maxBytes,
  };
}

/**
 * The manifest's limits, judged by this platform's SDK, and the connector's own check (rules only its code knows), its
 * media described from the library (sizes and dimensions, no bytes). A connector whose check throws (a plugin's bug)
 * adds nothing. What both say (same rule and path) is said once. A connector built against an SDK older than described
 * media reads their size as 0: its `media.empty` is dropped, the manifest's check says when a file really is empty.
 */
function connectorViolations(
  manifest: ConnectorManifest,
  validate: NetworkTarget['validate'] | undefined,
  variant: Pick<Variant, 'text' | 'options'>,
  media: readonly MediaFacts[],
): Violation[] {
  const described: Variant = {
    ...variant,
    media: media.map((m) => ({ mimeType: m.contentType, data: new Uint8Array(0), byteSize: m.byteSize, width: m.width, height: m.height })),
  };
  const limits = validateVariant(manifest, described);
  if (!validate) return limits;
  let own: Violation[];
  try {
    own = validate(described);
  } catch {
    return limits;
  }
  const said = new Set(limits.map((v) => `${v.rule}\u0000${v.path}`));
  return [...limits, ...own.filter((v) => v.rule !== 'media.empty' && !said.has(`${v.rule}\u0000${v.path}`))];
}

/**
 * Every finding of a variant for a network: the connector's own check (BLOCK:
 * the network would refuse the post) and the organisation's content rules
 * (their own severity, with the spans of text they are about).
 */
export function findingsOf(
  target: (Pick<NetworkTarget, 'network' | 'manifest'> & Partial<Pick<NetworkTarget, 'validate'>>) | null,
  policy: CompiledContentPolicy,
  variant: VariantDraft,
): VariantFinding[] {
  const findings: VariantFinding[] = [];
  const text = publishedText(variant);
  if (!target) {
    findings.push({
      severity: 'BLOCK',
      rule: 'account.disconnected',
      message: 'The network account of this variant was disconnected: choose another account.',
      spans: [],
    });
  } else if (!target.manifest) {
    findings.push({
      severity: 'BLOCK',
      rule: 'network.unavailable',
      message: `The ${target.network} connector is not enabled on this platform: this variant cannot be published.`,
      spans: [],
    });
  }
  const manifest = target?.manifest ?? null;
  // A listening-only connector publishes nothing (one finding says so): no text limit to measure against.
  const violations = check(policy, text, { network: manifest?.capabilities.publish ? limitsOf(manifest) : undefined });
  const networkBlocked = violations.some((v) => v.kind === 'NETWORK_LIMITS' && v.severity === 'BLOCK');
  if (manifest) {
    for (const v of connectorViolations(manifest, target?.validate, { text, options: variant.options ?? {} }, variant.media)) {
      // The rules' NETWORK_LIMITS finding says the same with a span: keep one.
      if (networkBlocked && (v.rule === 'text.too-long' || v.rule === 'text.too-many-bytes')) continue;
      findings.push({ severity: 'BLOCK', rule: v.rule, message: v.message, spans: [] });
    }
  }
  for (const v of violations) {
    findings.push({
      severity: v.severity,
      rule: v.ruleId,
      message: v.message,
      spans: v.end > v.start ? [{ start: v.start, end: v.end }] : [],
    });
  }
  return findings;
}

/** Looks network accounts up through the community module's port, and checks variants against them and the content rules. */
@Injectable()
export class VariantChecker {
  constructor(
    @Inject(NETWORK_TARGETS) private readonly targets: NetworkTargets,
    private readonly rules: ContentRulesService,
  ) {}

  /** The organisation's account, or NOT_FOUND naming `field` (another tenant's account is simply absent). */
  async target(ctx: ContentCtx, networkAccountId: string, field: string): Promise<NetworkTarget> {
    const target = (await this.targets.describe(ctx.uow, [networkAccountId])).get(networkAccountId);
    if (!target) throw new DomainError('NOT_FOUND', `Network account ${networkAccountId} was not found.`, { field });
    return target;
  }

  describe(ctx: ContentCtx, ids: readonly string[]): Promise<Map<string, NetworkTarget>> {
    return this.targets.describe(ctx.uow, ids);
  }

  policy(ctx: ContentCtx): Promise<CompiledContentPolicy> {
    return this.rules.compiled(ctx);
  }
}
