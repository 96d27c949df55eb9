import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  JsonInput,
  List,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { OrgDate } from '../../components/format';
import { graphql } from '../../gql';
import { useT } from '../../i18n/locale';
import { downloadText, fieldProblems, PAGE_SIZE, Pager, ProblemsAlert, useCursorPages } from './common';

const MaturityModelsDocument = graphql(`
  query MaturityModels($first: Int, $after: String) {
    maturityModels(first: $first, after: $after) {
      edges {
        node {
          id
          name
          builtIn
          latestPublishedVersion
          draftVersion
          updatedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const MaturityModelDocument = graphql(`
  query MaturityModel($id: ID!) {
    maturityModel(id: $id) {
      id
      name
      builtIn
      latestPublishedVersion
      draftVersion
      versions {
        version
        status
        createdAt
        publishedAt
        content
      }
    }
  }
`);

const ExportMaturityModelDocument = graphql(`
  query ExportMaturityModel($modelId: ID!, $version: Int) {
    exportMaturityModel(modelId: $modelId, version: $version)
  }
`);

const CreateMaturityModelDocument = graphql(`
  mutation CreateMaturityModel($input: CreateMaturityModelInput!) {
    createMaturityModel(input: $input) {
      id
    }
  }
`);

const ImportMaturityModelDocument = graphql(`
  mutation ImportMaturityModel($input: ImportMaturityModelInput!) {
    importMaturityModel(input: $input) {
      id
    }
  }
`);

const UpdateMaturityModelDraftDocument = graphql(`
  mutation UpdateMaturityModelDraft($input: UpdateMaturityModelDraftInput!) {
    updateMaturityModelDraft(input: $input) {
      version
      status
    }
  }
`);

const PublishMaturityModelVersionDocument = graphql(`
  mutation PublishMaturityModelVersion($input: PublishMaturityModelVersionInput!) {
    publishMaturityModelVersion(input: $input) {
      version
      status
    }
  }
`);

const fileNameOf = (name: string, version: number | null | undefined) =>
  `${name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'model'}${version ? `-v${version}` : ''}.json`;

/** Downloads a model version in the export format. */
function useExport() {
  const client = useClient();
  const [error, setError] = useState<string | null>(null);
  const run = async (modelId: string, name: string, version?: number | null) => {
    setError(null);
    const result = await client.query(ExportMaturityModelDocument, { modelId, version: version ?? undefined }).toPromise();
    if (result.error || !result.data) {
      setError(result.error?.graphQLErrors.map((e) => e.message).join(' ') || result.error?.message || '');
      return;
    }
    downloadText(fileNameOf(name, version), result.data.exportMaturityModel);
  };
  return { run, error };
}

/** The agency's maturity models, the built-in one first: copy it into a draft, import, export. */
export function ModelsPage() {
  const t = useT();
  const navigate = useNavigate();
  const pages = useCursorPages();
  const [models] = useQuery({ query: MaturityModelsDocument, variables: { first: PAGE_SIZE, after: pages.after } });
  const [copied, copy] = useMutation(CreateMaturityModelDocument);
  const [imported, importModel] = useMutation(ImportMaturityModelDocument);
  const exporter = useExport();
  const [copying, setCopying] = useState(false);
  const [copyName, setCopyName] = useState('');
  const [importing, setImporting] = useState(false);
  const [importName, setImportName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const copyProblems = fieldProblems(copied.error, ['input.name']);
  const importProblems = fieldProblems(imported.error, ['input.name', 'input.json']);
  const rows = models.data?.maturityModels.edges.map((e) => e.node) ?? [];

  const submitCopy = async (event: FormEvent) => {
    event.preventDefault();
    const { data } = await copy({ input: { name: copyName, fromModelId: 'default' } });
    if (data) navigate(`/agency/models/${data.createMaturityModel.id}`);
  };
  const submitImport = async (event: FormEvent) => {
    event.preventDefault();
    const json = file ? await file.text() : '';
    const { data } = await importModel({ input: { name: importName, json } });
    if (data) navigate(`/agency/models/${data.importMaturityModel.id}`);
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('agency.models.title')}</Title>
          <Text c="gray.7">{t('agency.models.subtitle')}</Text>
        </div>
        <Group>
          <Button onClick={() => setCopying(true)}>{t('agency.models.copyBuiltIn')}</Button>
          <Button variant="default" onClick={() => setImporting(true)}>
            {t('agency.models.import')}
          </Button>
        </Group>
      </Group>
      {models.error && <ProblemsAlert problems={fieldProblems(models.error).rest} />}
      {exporter.error && <Alert color="red.9">{exporter.error}</Alert>}
      {models.fetching && rows.length === 0 && <Loader aria-label={t('agency.loading')} />}
      {rows.length > 0 && (
        <Table aria-label={t('agency.models.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('agency.models.name')}</Table.Th>
              <Table.Th>{t('agency.models.published')}</Table.Th>
              <Table.Th>{t('agency.models.draft')}</Table.Th>
              <Table.Th>{t('agency.models.updated')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('agency.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((m) => (
              <Table.Tr key={m.id} data-testid="model-row">
                <Table.Td>
                  <Group gap="xs">
                    <Anchor component={Link} to={`/agency/models/${encodeURIComponent(m.id)}`}>
                      {m.name}
                    </Anchor>
                    {m.builtIn && (
                      <Badge variant="light" color="blue.9">
                        {t('agency.models.builtIn')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {m.latestPublishedVersion ? t('agency.models.versionValue', { version: m.latestPublishedVersion }) : '—'}
                </Table.Td>
                <Table.Td>{m.draftVersion ? t('agency.models.versionValue', { version: m.draftVersion }) : '—'}</Table.Td>
                <Table.Td>
                  <OrgDate value={m.updatedAt} timeZone={undefined} />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    aria-label={t('agency.models.exportOf', { name: m.name })}
                    onClick={() => void exporter.run(m.id, m.name)}
                  >
                    {t('agency.models.export')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Pager
        page={pages.page}
        hasNextPage={models.data?.maturityModels.pageInfo.hasNextPage ?? false}
        onPrevious={pages.previous}
        onNext={() => pages.next(models.data?.maturityModels.pageInfo.endCursor)}
      />
      {models.data && rows.length <= 1 && <Text c="gray.7">{t('agency.models.emptyOwn')}</Text>}

      <Modal
        closeButtonProps={{ 'aria-label': t('agency.close') }}
        opened={copying}
        onClose={() => setCopying(false)}
        title={t('agency.models.copyBuiltIn')}
      >
        <form onSubmit={submitCopy}>
          <Stack>
            <ProblemsAlert problems={copyProblems.rest} />
            <TextInput
              label={t('agency.models.newName')}
              required
              value={copyName}
              onChange={(e) => setCopyName(e.currentTarget.value)}
              error={copyProblems.at('input.name')}
              data-autofocus
            />
            <Button type="submit" loading={copied.fetching}>
              {t('agency.models.copySubmit')}
            </Button>
          </Stack>
        </form>
      </Modal>

      <Modal
        closeButtonProps={{ 'aria-label': t('agency.close') }}
        opened={importing}
        onClose={() => setImporting(false)}
        title={t('agency.models.import')}
      >
        <form onSubmit={submitImport}>
          <Stack>
            <ProblemsAlert problems={importProblems.rest} />
            <TextInput
              label={t('agency.models.newName')}
              required
              value={importName}
              onChange={(e) => setImportName(e.currentTarget.value)}
              error={importProblems.at('input.name')}
              data-autofocus
            />
            <FileInput
              label={t('agency.models.file')}
              accept="application/json,.json"
              required
              value={file}
              onChange={setFile}
              error={importProblems.at('input.json')}
              clearable
            />
            <PathProblems problems={importProblems.under('input.json.')} prefix="input.json." />
            <Button type="submit" loading={imported.fetching}>
              {t('agency.models.importSubmit')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}

/** Problems of a JSON document, each at its path inside it. */
function PathProblems({ problems, prefix }: { problems: { field?: string; message: string }[]; prefix: string }) {
  const t = useT();
  if (!problems.length) return null;
  return (
    <Alert color="red.9" variant="outline" role="alert" title={t('agency.models.problems')}>
      <List size="sm" c="dark.9" data-testid="json-problems">
        {problems.map((p, i) => (
          <List.Item key={i}>
            <code>{p.field?.slice(prefix.length)}</code>: {p.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** One model: its versions, the draft in a JSON editor (saved and checked by the API), publication and export. */
export function ModelPage() {
  const t = useT();
  const { modelId = '' } = useParams();
  const [model, refetch] = useQuery({ query: MaturityModelDocument, variables: { id: modelId } });
  const [saved, save] = useMutation(UpdateMaturityModelDraftDocument);
  const [published, publish] = useMutation(PublishMaturityModelVersionDocument);
  const exporter = useExport();
  const data = model.data?.maturityModel;
  const draft = data?.versions.find((v) => v.status === 'DRAFT');
  const base = draft ?? data?.versions[0];
  const [text, setText] = useState('');
  const [loadedFrom, setLoadedFrom] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [parseError, setParseError] = useState<string | null>(null);

  useEffect(() => {
    const key = base ? `${modelId}:${base.version}:${base.status}` : null;
    if (base && key !== loadedFrom) {
      setText(JSON.stringify(base.content, null, 2));
      setLoadedFrom(key);
    }
  }, [base, modelId, loadedFrom]);

  const saveProblems = fieldProblems(saved.error, ['input.content', 'input.modelId']);
  const publishProblems = fieldProblems(published.error, ['input.modelId']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    let content: Record<string, unknown>;
    try {
      content = JSON.parse(text) as Record<string, unknown>;
      setParseError(null);
    } catch (error) {
      setParseError(t('agency.models.notJson', { message: (error as Error).message }));
      return;
    }
    const result = await save({ input: { modelId, content } });
    if (result.data) {
      setNotice(t('agency.models.saved', { version: result.data.updateMaturityModelDraft.version }));
      refetch();
    }
  };
  const doPublish = async () => {
    setNotice(null);
    const result = await publish({ input: { modelId } });
    if (result.data) {
      setNotice(t('agency.models.publishedNotice', { version: result.data.publishMaturityModelVersion.version }));
      refetch();
    }
  };

  if (model.error) return <ProblemsAlert problems={fieldProblems(model.error).rest} />;
  if (!data) return <Loader aria-label={t('agency.loading')} />;
  return (
    <Stack>
      <Anchor component={Link} to="/agency/models">
        {t('agency.models.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={2}>{data.name}</Title>
            {data.builtIn && (
              <Badge variant="light" color="blue.9">
                {t('agency.models.builtIn')}
              </Badge>
            )}
          </Group>
          <Text c="gray.7">{data.builtIn ? t('agency.models.builtInHelp') : t('agency.models.editHelp')}</Text>
        </div>
        <Button variant="default" onClick={() => void exporter.run(data.id, data.name)}>
          {t('agency.models.export')}
        </Button>
      </Group>
      {exporter.error && <Alert color="red.9">{exporter.error}</Alert>}
      {notice && (
        <Alert color="teal.9" role="status">
          {notice}
        </Alert>
      )}

      <Table aria-label={t('agency.models.versions')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('agency.models.version')}</Table.Th>
            <Table.Th>{t('agency.models.status')}</Table.Th>
            <Table.Th>{t('agency.models.publishedAt')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('agency.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.versions.map((v) => (
            <Table.Tr key={v.version} data-testid="version-row">
              <Table.Td>{t('agency.models.versionValue', { version: v.version })}</Table.Td>
              <Table.Td>
                <Badge color={v.status === 'DRAFT' ? 'orange.9' : 'teal.9'} variant="light">
                  {t(v.status === 'DRAFT' ? 'agency.models.statusDraft' : 'agency.models.statusPublished')}
                </Badge>
              </Table.Td>
              <Table.Td>{v.publishedAt ? <OrgDate value={v.publishedAt} timeZone={undefined} /> : '—'}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="subtle"
                  aria-label={t('agency.models.exportVersion', { version: v.version })}
                  onClick={() => void exporter.run(data.id, data.name, v.version)}
                >
                  {t('agency.models.export')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      {!data.builtIn && (
        <form onSubmit={submit}>
          <Stack>
            <Title order={3}>{draft ? t('agency.models.editDraft', { version: draft.version }) : t('agency.models.newDraft')}</Title>
            <ProblemsAlert problems={[...saveProblems.rest, ...publishProblems.rest]} />
            <JsonInput
              label={t('agency.models.content')}
              description={t('agency.models.contentHelp')}
              value={text}
              onChange={setText}
              rows={24}
              formatOnBlur
              validationError={t('agency.models.invalidJson')}
              error={parseError ?? saveProblems.at('input.content')}
              styles={{ input: { fontFamily: 'monospace', fontSize: 13 }, description: { color: 'var(--mantine-color-gray-7)' } }}
            />
            <PathProblems problems={saveProblems.under('input.content.')} prefix="input.content." />
            <PathProblems problems={publishProblems.under('draft(')} prefix="" />
            <Group>
              <Button type="submit" loading={saved.fetching}>
                {t('agency.models.saveDraft')}
              </Button>
              <Button color="teal.9" disabled={!draft} loading={published.fetching} onClick={() => void doPublish()}>
                {draft ? t('agency.models.publish', { version: draft.version }) : t('agency.models.nothingToPublish')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
