import { graphql } from '../gql';

/**
 * A text checked against the organisation's content rules, its brand voice and, with `network`, that network's
 * limits: what the editor underlines as the person types, and what the rules page's "Try a text" shows.
 */
export const CheckContentDocument = graphql(`
  query CheckContent($input: CheckContentInput!) {
    checkContent(input: $input) {
      blocked
      violations {
        start
        end
        kind
        message
        ruleId
        severity
      }
    }
  }
`);
