import { Alert } from '@mantine/core';
import type { CombinedError } from 'urql';

/** The API's error messages (GraphQL errors carry a readable message and a stable code). */
export function ErrorAlert({ error }: { error: CombinedError | undefined }) {
  if (!error) return null;
  return (
    <Alert color="red" role="alert">
      {error.graphQLErrors.length ? error.graphQLErrors.map((e) => e.message).join(' ') : error.message}
    </Alert>
  );
}
