import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { RoadmapStepStatus } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { splitErrors, useOrganization } from './support';

const SetRoadmapStepStatusDocument = graphql(`
  mutation StrategySetRoadmapStepStatus($input: SetRoadmapStepStatusInput!) {
    setRoadmapStepStatus(input: $input) {
      key
      status
      note
    }
  }
`);

const STATUSES: RoadmapStepStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'DONE'];

/** Where a step no evidence measures stands (steps 4, 7 and 8), with a note: what was done, or what is missing. */
export function RoadmapStepForm({
  step,
  onSaved,
}: {
  step: { number: number; title: string; status: RoadmapStepStatus; note?: string | null };
  onSaved(): void;
}) {
  const t = useT();
  const { context } = useOrganization();
  const [opened, setOpened] = useState(false);
  const [status, setStatus] = useState<RoadmapStepStatus>(step.status);
  const [note, setNote] = useState(step.note ?? '');
  const [result, save] = useMutation(SetRoadmapStepStatusDocument);
  const { fields, general } = splitErrors(result.error);
  const open = () => {
    setStatus(step.status);
    setNote(step.note ?? '');
    setOpened(true);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { data } = await save({ input: { step: step.number, status, note: note.trim() === '' ? null : note } }, context);
    if (data) {
      setOpened(false);
      onSaved();
    }
  };
  return (
    <>
      <Button size="xs" variant="default" mt="xs" onClick={open} aria-label={t('strategy.roadmap.updateOf', { title: step.title })}>
        {t('strategy.roadmap.update')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('strategy.roadmap.updateTitle', { number: step.number, title: step.title })}
      >
        <form onSubmit={submit} noValidate>
          <Stack>
            {general && (
              <Alert color="red" role="alert">
                {general}
              </Alert>
            )}
            <Text size="sm">{t('strategy.roadmap.updateHint')}</Text>
            <SegmentedControl
              aria-label={t('strategy.roadmap.statusLabel')}
              value={status}
              onChange={(v) => setStatus(v as RoadmapStepStatus)}
              data={STATUSES.map((s) => ({ value: s, label: t(`strategy.roadmap.status.${s}` as MessageKey) }))}
            />
            <Textarea
              label={t('strategy.roadmap.noteLabel')}
              autosize
              minRows={3}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={fields.note ?? fields.status}
              data-autofocus
            />
            <Group>
              <Button type="submit" loading={result.fetching}>
                {t('strategy.roadmap.save')}
              </Button>
              <Button variant="default" onClick={() => setOpened(false)}>
                {t('strategy.roadmap.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
