import { Alert, Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { RadarChart } from '@mantine/charts';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { inOrganization } from '../client';
import { OrgDate, useScore } from '../components/format';
import { useWorkspace } from '../components/workspace';
import { graphql } from '../gql';
import { useT } from '../i18n/locale';

const OrganizationDocument = graphql(`
  query OrganizationOverview {
    organization {
      id
      name
      timezone
      createdAt
    }
    maturityRadar {
      source
      at
      overallScore
      levelName
      axes {
        dimensionKey
        title
        score
      }
    }
  }
`);

/** One client organisation, every query made inside it (x-socle-organization). */
export function OrganizationPage() {
  const t = useT();
  const score = useScore();
  const { organizationId = '' } = useParams();
  const workspace = useWorkspace();
  const context = useMemo(() => inOrganization(organizationId), [organizationId]);
  const [result] = useQuery({ query: OrganizationDocument, context });
  const organization = result.data?.organization;
  const radar = result.data?.maturityRadar;
  const name = organization?.name ?? workspace.organization(organizationId)?.name ?? '';
  return (
    <Stack>
      <Title order={2}>{name}</Title>
      {result.error && <Alert color="red">{t('error.generic', { message: result.error.message })}</Alert>}
      {result.fetching && <Loader />}
      {organization && (
        <Group>
          <Text>{t('organization.timezone', { zone: organization.timezone })}</Text>
          <Text>
            {t('organization.created')} <OrgDate value={organization.createdAt} timeZone={organization.timezone} />
          </Text>
        </Group>
      )}
      {result.data && (
        <Card withBorder maw={560}>
          <Title order={4}>{t('organization.radarTitle')}</Title>
          {!radar && <Text>{t('organization.noScores')}</Text>}
          {radar && (
            <>
              <Group gap="xs" mt="xs">
                <Badge variant="light">{score(radar.overallScore)}</Badge>
                {radar.levelName && <Badge variant="light">{radar.levelName}</Badge>}
              </Group>
              <RadarChart
                h={320}
                data={radar.axes.map((axis) => ({ dimension: axis.title, [name]: axis.score ?? 0 }))}
                dataKey="dimension"
                series={[{ name, color: 'blue.6', opacity: 0.3 }]}
              />
            </>
          )}
        </Card>
      )}
    </Stack>
  );
}
