import { graphql } from '../../gql';

/** The press room's operations, every one made inside the client organisation (x-socle-organization). */

/** What the page shows of the room; every mutation of the room answers with the same selection. */
export const PressRoomFieldsFragment = graphql(`
  fragment PressRoomFields on PressRoom {
    id
    slug
    title
    description
    enabled
    language
    blogDigest
    url
    customDomain {
      id
      host
      status
      recordName
      recordValue
      claimedAt
      verifiedAt
      checkedAt
      checkError
    }
    contacts {
      id
      name
      role
      email
      phone
    }
    mediaKit {
      id
      mediaAssetId
      caption
      credit
      publicUrl
    }
    updatedAt
  }
`);

/** The organisation (its name, time zone and the person's roles in it) and its room, null until first saved. */
export const PressRoomPageDocument = graphql(`
  query PressRoomPage {
    organization {
      id
      name
      timezone
      myRoles
    }
    pressRoom {
      ...PressRoomFields
    }
  }
`);

export const UpdatePressRoomDocument = graphql(`
  mutation UpdatePressRoom($input: UpdatePressRoomInput!) {
    updatePressRoom(input: $input) {
      ...PressRoomFields
    }
  }
`);

export const VerifyPressRoomDomainDocument = graphql(`
  mutation VerifyPressRoomDomain($input: VerifyPressRoomDomainInput!) {
    verifyPressRoomDomain(input: $input) {
      ...PressRoomFields
    }
  }
`);

/** A media kit entry's file, to name it (the entry holds the asset's id only). */
export const PressMediaAssetDocument = graphql(`
  query PressMediaAsset($id: ID!) {
    mediaAsset(id: $id) {
      id
      fileName
      contentType
      width
      height
    }
  }
`);

export const PressReleasesDocument = graphql(`
  query PressReleases($first: Int, $after: String, $status: PressReleaseStatus) {
    pressReleases(first: $first, after: $after, status: $status) {
      totalCount
      edges {
        node {
          id
          itemId
          slug
          title
          summary
          publishAt
          withdrawnAt
          status
          isPublic
          url
          newsletterSentAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The items a release can be made from: approved, scheduled or published (the API checks again). */
export const PressReleaseCandidatesDocument = graphql(`
  query PressReleaseCandidates {
    approved: contentItems(first: 100, status: APPROVED) {
      edges {
        node {
          id
          title
          status
        }
      }
    }
    scheduled: contentItems(first: 100, status: SCHEDULED) {
      edges {
        node {
          id
          title
          status
        }
      }
    }
    published: contentItems(first: 100, status: PUBLISHED) {
      edges {
        node {
          id
          title
          status
        }
      }
    }
  }
`);

export const PublishPressReleaseDocument = graphql(`
  mutation PublishPressRelease($input: PublishPressReleaseInput!) {
    publishPressRelease(input: $input) {
      id
      slug
      title
      status
      url
    }
  }
`);

export const WithdrawPressReleaseDocument = graphql(`
  mutation WithdrawPressRelease($input: WithdrawPressReleaseInput!) {
    withdrawPressRelease(input: $input) {
      id
      status
      withdrawnAt
    }
  }
`);

export const NewsletterSubscribersDocument = graphql(`
  query NewsletterSubscribers($first: Int, $after: String, $state: NewsletterSubscriberState) {
    newsletterSubscriberCounts {
      pending
      confirmed
      unsubscribed
    }
    newsletterSubscribers(first: $first, after: $after, state: $state) {
      totalCount
      edges {
        node {
          id
          email
          name
          state
          lists
          createdAt
          confirmedAt
          unsubscribedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
