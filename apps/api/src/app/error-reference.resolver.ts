import { Field, Int, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { SignedIn } from '@socle/platform-auth';
import { ERROR_CODES, ErrorCode } from '@socle/platform-graphql';

/** The codes of `extensions.code`, as a schema enum: generated clients get them as a type to branch on. */
const ErrorCodeEnum = Object.fromEntries(ERROR_CODES.map((code) => [code, code])) as { [C in ErrorCode]: C };

const CODES: Record<ErrorCode, { status: number; description: string }> = {
  UNAUTHENTICATED: { status: 401, description: 'No valid credentials: sign in again, or check the access token or API key.' },
  FORBIDDEN: { status: 403, description: 'The caller may not do this here (a role, a scope or the organization refuses it).' },
  NOT_FOUND: { status: 404, description: 'The object named (by id, in `field` when it is an argument) does not exist for the caller.' },
  BAD_USER_INPUT: {
    status: 400,
    description: 'The input is wrong: `field` names the first field at fault and `problems` lists every one, each with its message.',
  },
  CONFLICT: {
    status: 409,
    description: 'The change conflicts with what is stored (a name taken, a state moved on): `reason` says which, when there are several.',
  },
  RATE_LIMITED: { status: 429, description: 'Too many requests in the window: wait `Retry-After` seconds (also in `retryAfterSeconds`).' },
  UPSTREAM_UNAVAILABLE: {
    status: 502,
    description: 'A social network or another service the operation needs did not answer: try again later.',
  },
  INTERNAL: { status: 500, description: 'An error of the platform: nothing was changed; quote `requestId` when reporting it.' },
  QUERY_TOO_COMPLEX: {
    status: 400,
    description: 'The operation is too deep, has too many aliases or costs more than the maximum: split it.',
  },
  BAD_REQUEST: { status: 400, description: 'A request GraphQL over HTTP does not accept, such as a batch (a JSON array).' },
};

registerEnumType(ErrorCodeEnum, {
  name: 'ErrorCode',
  description: 'Every value `extensions.code` takes on an error of this API. Branch on it (and on `reason`), never on the message.',
  valuesMap: Object.fromEntries(ERROR_CODES.map((code) => [code, { description: CODES[code].description }])),
});

@ObjectType('FieldProblem', { description: 'One problem of a bad input, as listed in `extensions.problems`.' })
class FieldProblemObject {
  @Field(() => String, { description: 'Path of the field at fault in the operation, e.g. `input.email` or `input.items[2].title`.' })
  field!: string;
  @Field(() => String, { description: 'What is wrong with it, in English.' })
  message!: string;
}

@ObjectType('ErrorExtensions', {
  description:
    'The keys of `extensions` common to every error of this API (generated clients can type errors with it): `code` always, the others ' +
    'when they apply. A refusal may add facts of its own, described on its operation (e.g. `status` and `to` for a refused status move).',
})
class ErrorExtensionsObject {
  @Field(() => ErrorCodeEnum, { description: 'The error code.' })
  code!: ErrorCode;
  @Field(() => String, {
    nullable: true,
    description: 'The field at fault, as a path of the operation (`input.name`), a header or `path`.',
  })
  field!: string | null;
  @Field(() => [FieldProblemObject], { nullable: true, description: 'For BAD_USER_INPUT: every problem of the input at once.' })
  problems!: FieldProblemObject[] | null;
  @Field(() => String, { nullable: true, description: 'A finer, stable reason next to the code, e.g. `ASSESSMENT_FINALIZED`.' })
  reason!: string | null;
  @Field(() => Int, { nullable: true, description: 'For RATE_LIMITED: seconds to wait before trying again.' })
  retryAfterSeconds!: number | null;
  @Field(() => String, { description: 'The request id (also in the X-Request-Id response header), to quote when reporting a problem.' })
  requestId!: string;
}

@ObjectType('ErrorCodeReference', { description: 'One error code, what it means and the HTTP status of a request it refuses whole.' })
class ErrorCodeReferenceObject {
  @Field(() => ErrorCodeEnum, { description: 'The code.' })
  code!: ErrorCode;
  @Field(() => Int, { description: 'HTTP status when the error refuses the whole request (an answer with data is 200).' })
  httpStatus!: number;
  @Field(() => String, { description: 'What it means and what to do.' })
  description!: string;
}

@ObjectType('ErrorReference', { description: 'How this API reports errors: the codes, and the shape of `extensions`.' })
class ErrorReferenceObject {
  @Field(() => [ErrorCodeReferenceObject], { description: 'Every error code.' })
  codes!: ErrorCodeReferenceObject[];
  @Field(() => ErrorExtensionsObject, {
    description: 'An example of `extensions`: a BAD_USER_INPUT with two problems. Its type declares the keys every error may carry.',
  })
  example!: ErrorExtensionsObject;
}

/** The error reference: what `extensions` holds, declared in the schema rather than only described. */
@Resolver(() => ErrorReferenceObject)
export class ErrorReferenceResolver {
  @SignedIn()
  @Query(() => ErrorReferenceObject, {
    description: 'How this API reports errors: every `extensions.code`, its meaning and HTTP status, and the shape of `extensions`.',
  })
  errorReference(): ErrorReferenceObject {
    return {
      codes: ERROR_CODES.map((code) => ({ code, httpStatus: CODES[code].status, description: CODES[code].description })),
      example: {
        code: 'BAD_USER_INPUT',
        field: 'input.email',
        problems: [
          { field: 'input.email', message: 'must be an email address' },
          { field: 'input.password', message: 'must be at least 12 characters long' },
        ],
        reason: null,
        retryAfterSeconds: null,
        requestId: '3f6c1a0e-8f57-4c39-9a43-2b1f0d5e7c21',
      },
    };
  }
}
