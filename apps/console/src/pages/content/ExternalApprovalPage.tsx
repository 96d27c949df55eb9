import { Alert, Badge, Button, Card, Group, Image, Loader, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { AuthFrame } from '../../components/AuthFrame';
import { useT } from '../../i18n/locale';

/** What `GET /approvals/<token>` answers: the content the link was made for. */
interface Preview {
  recipientName: string;
  step: number;
  stepCount: number;
  expiresAt: string;
  item: { id: string; title: string; brief: string; status: string; revision: number };
  variants: {
    id: string;
    network: string;
    text: string;
    linkUrl: string | null;
    mediaIds: string[];
    /** Each file at a public address of the API, for a couple of hours. */
    media: { id: string; contentType: string; url: string }[];
    warnings: { rule: string; message: string }[];
  }[];
}
interface RestError {
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

const route = (token: string) => `/approvals/${encodeURIComponent(token)}`;
const problemOf = (body: RestError | null, status: number) => body?.errors?.map((e) => e.message).join(' ') || `HTTP ${status}`;

/**
 * The external approver's page, opened from the signed link without an account: the content to review and the
 * decision (a reason is required to reject). The link itself is the permission; no session is used.
 */
export function ExternalApprovalPage() {
  const t = useT();
  const intl = useIntl();
  const { token = '' } = useParams();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [decided, setDecided] = useState<'APPROVED' | 'REJECTED' | null>(null);

  useEffect(() => {
    let cancelled = false;
    void fetch(route(token), { headers: { accept: 'application/json' } }).then(async (response) => {
      const body = (await response.json().catch(() => null)) as (Preview & RestError) | null;
      if (cancelled) return;
      if (response.ok && body) setPreview(body);
      else setRefused(problemOf(body, response.status));
    });
    return () => {
      cancelled = true;
    };
  }, [token]);

  const decide = async (verdict: 'APPROVED' | 'REJECTED', event?: FormEvent) => {
    event?.preventDefault();
    setSending(true);
    setCommentError(null);
    setRefused(null);
    const response = await fetch(route(token), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ verdict, ...(comment.trim() ? { comment } : {}) }),
    });
    setSending(false);
    const body = (await response.json().catch(() => null)) as RestError | null;
    if (response.ok) {
      setDecided(verdict);
      return;
    }
    const onComment = body?.errors?.find((e) => e.extensions?.field === 'body.comment');
    if (onComment) setCommentError(onComment.message.replace(/^Invalid input\.\s*body\.comment:\s*/, ''));
    else setRefused(problemOf(body, response.status));
  };

  return (
    <div>
      <AuthFrame title={t('content.link.title')}>
        {!preview && !refused && <Loader />}
        {refused && (
          <Alert color="red" role="alert">
            {refused}
          </Alert>
        )}
        {decided && (
          <Alert color="teal" role="status">
            {decided === 'APPROVED' ? t('content.link.approved') : t('content.link.rejected')}
          </Alert>
        )}
        {preview && !decided && (
          <Stack>
            <Text>
              {t('content.link.intro', {
                name: preview.recipientName,
                step: preview.step,
                count: preview.stepCount,
                until: intl.formatDate(preview.expiresAt, { dateStyle: 'medium', timeStyle: 'short' }),
              })}
            </Text>
            <Title order={3}>{preview.item.title}</Title>
            {preview.item.brief && <Text c="dimmed">{preview.item.brief}</Text>}
            {preview.variants.map((v) => (
              <Card key={v.id} withBorder p="sm">
                <Badge variant="outline" mb={4}>
                  {v.network}
                </Badge>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{v.text}</Text>
                {v.linkUrl && (
                  <Text size="sm" c="dimmed">
                    {v.linkUrl}
                  </Text>
                )}
                {v.mediaIds.length > 0 && (
                  <Text size="sm" c="dimmed">
                    {t('content.media.attached', { count: v.mediaIds.length })}
                  </Text>
                )}
                {(v.media ?? []).length > 0 && (
                  <Group gap="xs" data-testid="approval-media">
                    {(v.media ?? []).map((m, i) =>
                      // Read from this origin: the console is served by the API that made the address.
                      m.contentType.startsWith('video/') ? (
                        <video key={m.id} src={new URL(m.url).pathname} controls preload="metadata" style={{ maxWidth: 240 }} />
                      ) : (
                        <Image
                          key={m.id}
                          src={new URL(m.url).pathname}
                          alt={t('content.media.preview', { index: i + 1, network: v.network })}
                          w={160}
                          radius="sm"
                        />
                      ),
                    )}
                  </Group>
                )}
                {v.warnings.map((w, i) => (
                  <Text key={`${w.rule}-${i}`} size="sm" c="orange">
                    {w.message}
                  </Text>
                ))}
              </Card>
            ))}
            <form onSubmit={(event) => void decide('APPROVED', event)}>
              <Stack>
                <Textarea
                  label={t('content.link.comment')}
                  description={t('content.link.commentHint')}
                  value={comment}
                  onChange={(e) => setComment(e.currentTarget.value)}
                  error={commentError}
                />
                <Group>
                  <Button type="submit" color="teal" loading={sending}>
                    {t('content.approvals.approve')}
                  </Button>
                  <Button color="red" variant="light" onClick={() => void decide('REJECTED')} loading={sending}>
                    {t('content.approvals.reject')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Stack>
        )}
      </AuthFrame>
    </div>
  );
}
