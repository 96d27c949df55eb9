import { graphql } from '../../gql';

/** The content area's operations, every one made inside the client organisation (x-socle-organization). */

export const ContentOrganizationDocument = graphql(`
  query ContentOrganization {
    organization {
      id
      name
      timezone
    }
  }
`);

export const ContentCalendarDocument = graphql(`
  query ContentCalendar($input: ContentCalendarInput!) {
    contentCalendar(input: $input) {
      truncated
      entries {
        at
        itemId
        itemStatus
        title
        network
        networkAccountId
        publicationId
        publicationStatus
        theme
        campaign
        externalUrl
      }
    }
  }
`);

export const RescheduleContentItemDocument = graphql(`
  mutation RescheduleContentItem($input: RescheduleContentItemInput!) {
    rescheduleContentItem(input: $input) {
      id
      dueAt
      status
    }
  }
`);

export const ScheduleContentItemDocument = graphql(`
  mutation ScheduleContentItem($input: ScheduleContentItemInput!) {
    scheduleContentItem(input: $input) {
      id
      dueAt
      status
    }
  }
`);

export const ContentItemsDocument = graphql(`
  query ContentItems($first: Int!, $after: String, $status: ContentStatus, $source: ContentSource) {
    contentItems(first: $first, after: $after, status: $status, source: $source) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          brief
          theme
          campaign
          plannedFor
          status
          source
          revision
          triage
          triageReason
          createdAt
          variants {
            id
            network
          }
        }
      }
    }
  }
`);

export const ContentItemDocument = graphql(`
  query ContentItem($id: ID!) {
    contentItem(id: $id) {
      id
      title
      brief
      theme
      campaign
      objectiveId
      segmentId
      plannedFor
      status
      source
      revision
      variants {
        id
        network
        networkAccountId
        text
        linkUrl
        mediaIds
        options {
          name
          value
        }
        longForm
        blocked
        findings {
          severity
          rule
          message
          spans {
            start
            end
          }
        }
      }
    }
  }
`);

export const EditorChoicesDocument = graphql(`
  query ContentEditorChoices {
    networks {
      id
      displayName
      textMaxLength
      textCounting
      options {
        name
        type
        label
        description
        values
        maxLength
        required
      }
    }
    networkAccounts(first: 100) {
      edges {
        node {
          id
          network
          handle
          displayName
          status
        }
      }
    }
    objectives(first: 100) {
      edges {
        node {
          id
          title
        }
      }
    }
    audienceSegments(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const CreateContentItemDocument = graphql(`
  mutation CreateContentItem($input: CreateContentItemInput!) {
    createContentItem(input: $input) {
      id
    }
  }
`);

export const UpdateContentItemDocument = graphql(`
  mutation UpdateContentItem($input: UpdateContentItemInput!) {
    updateContentItem(input: $input) {
      id
      status
      revision
    }
  }
`);

export const SetVariantDocument = graphql(`
  mutation SetContentVariant($input: SetContentVariantInput!) {
    setVariant(input: $input) {
      id
      longForm
      blocked
    }
  }
`);

export const SubmitContentItemDocument = graphql(`
  mutation SubmitContentItem($input: ContentItemInput!) {
    submitContentItem(input: $input) {
      id
      status
    }
  }
`);

export const MediaAssetsDocument = graphql(`
  query MediaAssets($first: Int!, $after: String) {
    mediaAssets(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          fileName
          contentType
          byteSize
          width
          height
          downloadUrl
          createdAt
        }
      }
    }
  }
`);

export const ApproveContentItemDocument = graphql(`
  mutation ApproveContentItem($input: ApproveContentItemInput!) {
    approveContentItem(input: $input) {
      itemId
      status
      complete
    }
  }
`);

export const RejectContentItemDocument = graphql(`
  mutation RejectContentItem($input: RejectContentItemInput!) {
    rejectContentItem(input: $input) {
      itemId
      status
      complete
    }
  }
`);

export const CreateApprovalLinkDocument = graphql(`
  mutation CreateApprovalLink($input: CreateApprovalLinkInput!) {
    createApprovalLink(input: $input) {
      id
      url
      emailed
      recipientEmail
      expiresAt
      recipientName
    }
  }
`);

export const CrisisPauseDocument = graphql(`
  query CrisisPause {
    crisisPause {
      active
      reason
      pausedAt
      resumedAt
      held {
        id
        itemId
        network
        dueAt
        status
      }
      publishing {
        id
        itemId
        network
        dueAt
        status
      }
    }
  }
`);

export const SetCrisisPauseDocument = graphql(`
  mutation SetCrisisPause($input: SetCrisisPauseInput!) {
    setCrisisPause(input: $input) {
      active
    }
  }
`);

export const ResumeAfterCrisisPauseDocument = graphql(`
  mutation ResumeAfterCrisisPause($input: ResumeAfterCrisisPauseInput!) {
    resumeAfterCrisisPause(input: $input) {
      released {
        id
      }
      crisisPause {
        active
      }
    }
  }
`);

export const SuggestContentIdeaDocument = graphql(`
  mutation SuggestContentIdea($input: SuggestContentIdeaInput!) {
    suggestContentIdea(input: $input) {
      id
    }
  }
`);

export const TriageContentIdeaDocument = graphql(`
  mutation TriageContentIdea($input: TriageContentIdeaInput!) {
    triageContentIdea(input: $input) {
      id
      triage
    }
  }
`);
