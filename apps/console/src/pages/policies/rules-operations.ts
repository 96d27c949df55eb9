import { graphql } from '../../gql';

export const CommentRulesDocument = graphql(`
  query PoliciesCommentRules {
    commentHandlingRules {
      updatedAt
      rules {
        channel
        severity
        responseMinutes
        businessHours
        responsibleRole
        escalate
        replyTemplates {
          language
          text
        }
      }
    }
  }
`);

export const SetCommentRulesDocument = graphql(`
  mutation PoliciesSetCommentRules($input: SetCommentHandlingRulesInput!) {
    setCommentHandlingRules(input: $input) {
      updatedAt
      rules {
        channel
        severity
        responseMinutes
        businessHours
        responsibleRole
        escalate
        replyTemplates {
          language
          text
        }
      }
    }
  }
`);

export const ContentRulesDocument = graphql(`
  query PoliciesContentRules {
    contentRules {
      version
      updatedAt
      rules
      brandVoiceRules
    }
  }
`);

export const SetContentRulesDocument = graphql(`
  mutation PoliciesSetContentRules($input: SetContentRulesInput!) {
    setContentRules(input: $input) {
      version
      updatedAt
      rules
      brandVoiceRules
    }
  }
`);

/** The networks a rule can name (the enabled connectors). */
export const RuleNetworksDocument = graphql(`
  query PoliciesRuleNetworks {
    networks {
      id
      displayName
    }
  }
`);
