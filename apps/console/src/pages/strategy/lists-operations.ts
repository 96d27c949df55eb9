import { graphql } from '../../gql';

/**
 * The changes of the strategy's lists (audience segments, network plans, competitors) and of the brand voice, and the
 * choices their forms offer; made inside the client organisation like the queries of operations.ts.
 */

export const CreateAudienceSegmentDocument = graphql(`
  mutation StrategyCreateAudienceSegment($input: CreateAudienceSegmentInput!) {
    createAudienceSegment(input: $input) {
      id
    }
  }
`);

export const UpdateAudienceSegmentDocument = graphql(`
  mutation StrategyUpdateAudienceSegment($input: UpdateAudienceSegmentInput!) {
    updateAudienceSegment(input: $input) {
      id
    }
  }
`);

export const DeleteAudienceSegmentDocument = graphql(`
  mutation StrategyDeleteAudienceSegment($input: DeleteAudienceSegmentInput!) {
    deleteAudienceSegment(input: $input) {
      id
    }
  }
`);

export const CreateNetworkPlanDocument = graphql(`
  mutation StrategyCreateNetworkPlan($input: CreateNetworkPlanInput!) {
    createNetworkPlan(input: $input) {
      id
    }
  }
`);

export const UpdateNetworkPlanDocument = graphql(`
  mutation StrategyUpdateNetworkPlan($input: UpdateNetworkPlanInput!) {
    updateNetworkPlan(input: $input) {
      id
    }
  }
`);

export const DeleteNetworkPlanDocument = graphql(`
  mutation StrategyDeleteNetworkPlan($input: DeleteNetworkPlanInput!) {
    deleteNetworkPlan(input: $input) {
      id
    }
  }
`);

export const CreateCompetitorDocument = graphql(`
  mutation StrategyCreateCompetitor($input: CreateCompetitorInput!) {
    createCompetitor(input: $input) {
      id
    }
  }
`);

export const UpdateCompetitorDocument = graphql(`
  mutation StrategyUpdateCompetitor($input: UpdateCompetitorInput!) {
    updateCompetitor(input: $input) {
      id
    }
  }
`);

export const DeleteCompetitorDocument = graphql(`
  mutation StrategyDeleteCompetitor($input: DeleteCompetitorInput!) {
    deleteCompetitor(input: $input) {
      id
    }
  }
`);

export const SetBrandVoiceDocument = graphql(`
  mutation StrategySetBrandVoice($input: SetBrandVoiceInput!) {
    setBrandVoice(input: $input) {
      tone
      addressForm
      wordsToUse
      wordsToAvoid
      updatedAt
    }
  }
`);

/** The networks a plan or a competitor's account can be on (the enabled connectors). */
export const StrategyNetworksDocument = graphql(`
  query StrategyNetworkChoices {
    networks {
      id
      displayName
    }
  }
`);

/** What a network plan's form offers: the networks, and the segments it may address (the first hundred). */
export const PlanChoicesDocument = graphql(`
  query StrategyPlanChoices {
    networks {
      id
      displayName
    }
    audienceSegments(first: 100) {
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);
