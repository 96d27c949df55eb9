import { Button, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { toApiLocale } from '../i18n/api-locale';
import { useLocaleChoice, useT } from '../i18n/locale';
import { ErrorAlert } from './ErrorAlert';

const CreateOrganizationDocument = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
      name
    }
  }
`);

const TIME_ZONES = Intl.supportedValuesOf('timeZone');

/** A new client organisation of the agency: its name, time zone and language. */
export function CreateClient({ onCreated }: { onCreated(id: string): void }) {
  const t = useT();
  const { locale } = useLocaleChoice();
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const [timezone, setTimezone] = useState('Europe/Paris');
  const [language, setLanguage] = useState<string>(locale);
  const [result, create] = useMutation(CreateOrganizationDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { data } = await create({ input: { name, timezone, locale: toApiLocale(language === 'en' ? 'en' : 'fr') } });
    if (!data) return;
    setOpened(false);
    setName('');
    onCreated(data.createOrganization.id);
  };
  return (
    <>
      <Button onClick={() => setOpened(true)}>{t('client.create')}</Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('client.create')}>
        <form onSubmit={submit}>
          <Stack>
            <ErrorAlert error={result.error} />
            <TextInput label={t('client.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
            <Select
              label={t('client.timezone')}
              data={TIME_ZONES}
              searchable
              allowDeselect={false}
              value={timezone}
              onChange={(v) => v && setTimezone(v)}
            />
            <Select
              label={t('client.language')}
              allowDeselect={false}
              value={language}
              onChange={(v) => v && setLanguage(v)}
              data={[
                { value: 'fr', label: 'Français' },
                { value: 'en', label: 'English' },
              ]}
            />
            <Button type="submit" loading={result.fetching}>
              {t('client.submit')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
