import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { badInput, FieldProblem } from './errors';
import { textProblems } from './input-limits';

function flatten(errors: ValidationError[], parent: string): FieldProblem[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field: path, message }));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

class ArgumentProblems extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super('invalid argument');
  }
}

/** Parameter kinds that carry what the client sent: GraphQL arguments (Nest's numeric ARGS), HTTP body, query and path. */
const CLIENT_INPUT = new Set<unknown>([3, 'body', 'query', 'param']);

/**
 * class-validator on every argument; a failure becomes BAD_USER_INPUT listing
 * each offending field by its full path (`input.email`).
 *
 * Before that, every string the client sent in any argument (ids, cursors,
 * list elements, JSON values and their keys; inline or as variables, since
 * both arrive here coerced) is refused when it holds NUL, another control
 * character but tab and line breaks, or an unpaired surrogate: PostgreSQL
 * cannot store NUL, and none of these is text a person means.
 */
@Injectable()
export class SocleValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      stopAtFirstError: false,
      exceptionFactory: (errors) => new ArgumentProblems(flatten(errors, '')),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Parent objects, context and custom decorators carry no client input.
    if (metadata.type === 'custom') return value;
    if (CLIENT_INPUT.has(metadata.type)) {
      const problems = textProblems(value, metadata.data ?? '');
      if (problems.length) throw badInput(problems);
    }
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof ArgumentProblems)) throw error;
      const prefix = metadata.data ? `${metadata.data}.` : '';
      throw badInput(error.problems.map((p) => ({ field: `${prefix}${p.field}`, message: p.message })));
    }
  }
}

export function validationPipe(): SocleValidationPipe {
  return new SocleValidationPipe();
}
