import { graphql } from '../../gql';

/** Every operation of the strategy pages, made inside the client organisation (x-socle-organization). */

export const RoadmapDocument = graphql(`
  query StrategyRoadmap {
    roadmap {
      doneCount
      progress
      steps {
        number
        key
        title
        description
        status
        manual
        note
        updatedAt
        evidence {
          key
          explanation
          measured
          score
        }
      }
    }
  }
`);

export const ObjectivesDocument = graphql(`
  query StrategyObjectives($first: Int, $after: String) {
    objectives(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          title
          description
          metric
          baseline
          target
          unit
          deadline
          createdAt
          kpis {
            id
            objectiveId
            name
            metric
            measure
            frequency
            target
            unit
          }
        }
      }
    }
  }
`);

export const CreateObjectiveDocument = graphql(`
  mutation StrategyCreateObjective($input: CreateObjectiveInput!) {
    createObjective(input: $input) {
      id
    }
  }
`);

export const UpdateObjectiveDocument = graphql(`
  mutation StrategyUpdateObjective($input: UpdateObjectiveInput!) {
    updateObjective(input: $input) {
      id
    }
  }
`);

export const CreateKpiDocument = graphql(`
  mutation StrategyCreateKpi($input: CreateKpiInput!) {
    createKpi(input: $input) {
      id
    }
  }
`);

export const UpdateKpiDocument = graphql(`
  mutation StrategyUpdateKpi($input: UpdateKpiInput!) {
    updateKpi(input: $input) {
      id
    }
  }
`);

export const RecordKpiValueDocument = graphql(`
  mutation StrategyRecordKpiValue($input: RecordKpiValueInput!) {
    recordKpiValue(input: $input) {
      id
    }
  }
`);

export const KpiProgressDocument = graphql(`
  query StrategyKpiProgress($kpiId: ID!, $from: DateTime!, $to: DateTime!) {
    kpiProgress(kpiId: $kpiId, from: $from, to: $to) {
      kpiId
      status
      reason
      target
      baseline
      periods {
        start
        end
        value
        target
        progress
        onTrack
        origin
      }
    }
  }
`);

export const KpiValuesDocument = graphql(`
  query StrategyKpiValues($kpiId: ID!, $first: Int, $after: String) {
    kpiValues(kpiId: $kpiId, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          date
          value
          note
          source
          current
          createdAt
        }
      }
    }
  }
`);

export const AudienceSegmentsDocument = graphql(`
  query StrategyAudienceSegments($first: Int, $after: String) {
    audienceSegments(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          description
          needs
          usages
        }
      }
    }
  }
`);

export const NetworkPlansDocument = graphql(`
  query StrategyNetworkPlans($first: Int, $after: String) {
    networkPlans(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          network
          postsPerWeek
          rationale
          reservedHandle
          segments {
            id
            name
          }
        }
      }
    }
  }
`);

export const CompetitorsDocument = graphql(`
  query StrategyCompetitors($first: Int, $after: String) {
    competitors(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          notes
          handles {
            network
            handle
          }
        }
      }
    }
  }
`);

export const BrandVoiceDocument = graphql(`
  query StrategyBrandVoice {
    brandVoice {
      tone
      addressForm
      wordsToUse
      wordsToAvoid
      updatedAt
    }
  }
`);

export const TaskForceDocument = graphql(`
  query StrategyTaskForce {
    taskForcePeople {
      name
      department
      userId
      memberIds
      roles
      roleLabels
    }
    nextWeeklyMeeting {
      ritualId
      localDate
      time
      timezone
      startsAt
      endsAt
      durationMinutes
      isoWeek
      brainstormTheme
      agenda {
        kind
        title
        name
        roles
        theme
        startsAt
        endsAt
        startOffsetMinutes
        endOffsetMinutes
      }
    }
  }
`);

export const StrategyDocumentDocument = graphql(`
  query StrategyDocumentView {
    strategyDocument {
      organizationName
      language
      generatedAt
      markdown
    }
    approvedStrategy {
      changedSinceApproval
      version {
        id
        number
        approvedAt
        approverName
        approvalComment
        markdown
      }
    }
  }
`);
