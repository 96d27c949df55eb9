import { Alert, Button, Code, CopyButton, Group, Modal, Stack } from '@mantine/core';
import { useT } from '../i18n/locale';

/** The words of a secret's dialog, in the page's own messages. */
export interface SecretOnceWords {
  title: string;
  once: string;
  copy: string;
  done: string;
}

/**
 * A secret shown once (an API key, a webhook's signing secret) with a copy button. It is never shown again: it lives in
 * the caller's state only until the dialog closes.
 */
export function SecretOnceDialog({
  secret,
  words,
  testId,
  onClose,
}: {
  secret: string | null;
  words: SecretOnceWords;
  testId: string;
  onClose(): void;
}) {
  const t = useT();
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('agency.close') }}
      opened={secret !== null}
      onClose={onClose}
      title={words.title}
      closeOnClickOutside={false}
    >
      {secret !== null && (
        <Stack>
          <Alert color="yellow">{words.once}</Alert>
          <Code block data-testid={testId}>
            {secret}
          </Code>
          <Group justify="space-between">
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? t('agency.copied') : words.copy}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{words.done}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
