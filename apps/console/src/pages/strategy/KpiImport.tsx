import { Alert, Button, FileInput, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { apiProblems } from '../../components/api-problems';
import { graphql } from '../../gql';
import { useT } from '../../i18n/locale';
import { useOrganization } from './support';

const ImportKpiValuesDocument = graphql(`
  mutation StrategyImportKpiValues($input: ImportKpiValuesInput!) {
    importKpiValues(input: $input) {
      importId
      imported
    }
  }
`);

/** What the API takes at most (see ImportKpiValuesInput.csv): refused here before it is sent. */
const MAX_CHARACTERS = 500_000;

/**
 * Values of one KPI from a CSV file (or pasted): `date,value,note`. The whole file is refused when one line is wrong
 * (nothing stored), each problem listed with its line and column; the number imported is shown once stored.
 */
export function KpiImport({ kpiId, kpiName, onImported }: { kpiId: string; kpiName: string; onImported(): void }) {
  const t = useT();
  const { context } = useOrganization();
  const [opened, setOpened] = useState(false);
  const [csv, setCsv] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const [imported, setImported] = useState<number | null>(null);
  const [result, importValues] = useMutation(ImportKpiValuesDocument);
  const problems = apiProblems(result.error);

  const pick = async (picked: File | null) => {
    setFile(picked);
    setImported(null);
    if (!picked) return;
    // A file larger than the API takes is said here, without reading it all.
    if (picked.size > MAX_CHARACTERS * 4) {
      setTooLarge(true);
      return;
    }
    const text = await picked.text();
    setTooLarge(text.length > MAX_CHARACTERS);
    setCsv(text);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setImported(null);
    if (csv.length > MAX_CHARACTERS) {
      setTooLarge(true);
      return;
    }
    const { data } = await importValues({ input: { kpiId, csv } }, context);
    if (data) {
      setImported(data.importKpiValues.imported);
      setCsv('');
      setFile(null);
      onImported();
    }
  };
  const close = () => {
    setOpened(false);
    setImported(null);
  };
  return (
    <>
      <Button variant="default" mt="sm" onClick={() => setOpened(true)}>
        {t('strategy.import.open')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('strategy.import.title', { name: kpiName })} size="lg">
        <form onSubmit={submit} aria-busy={result.fetching}>
          <Stack>
            <Text size="sm">{t('strategy.import.hint')}</Text>
            {imported !== null && (
              <Alert color="teal" role="status">
                {t('strategy.import.done', { count: imported })}
              </Alert>
            )}
            {problems.length > 0 && (
              <Alert color="red" role="alert" title={t('strategy.import.refused')}>
                <List size="sm">
                  {problems.slice(0, 20).map((p, i) => (
                    <List.Item key={i}>{p.message}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {result.error?.networkError && <Alert color="red">{result.error.message}</Alert>}
            <FileInput
              label={t('strategy.import.file')}
              accept=".csv,text/csv,text/plain"
              clearable
              clearButtonProps={{ 'aria-label': t('strategy.import.clearFile') }}
              value={file}
              onChange={(f) => void pick(f)}
            />
            <Textarea
              label={t('strategy.import.paste')}
              autosize
              minRows={4}
              maxRows={12}
              value={csv}
              onChange={(e) => {
                setCsv(e.currentTarget.value);
                setTooLarge(e.currentTarget.value.length > MAX_CHARACTERS);
              }}
              error={tooLarge ? t('strategy.import.tooLarge') : undefined}
              styles={{ input: { fontFamily: 'monospace' } }}
            />
            <Group>
              <Button type="submit" loading={result.fetching} disabled={csv.trim() === '' || tooLarge}>
                {t('strategy.import.submit')}
              </Button>
              <Button variant="default" onClick={close}>
                {t('strategy.import.close')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
