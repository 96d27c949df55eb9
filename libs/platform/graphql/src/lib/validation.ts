import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { badInput, FieldProblem } from './errors';

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

/**
 * class-validator on every argument; a failure becomes BAD_USER_INPUT listing
 * each offending field by its full path (`input.email`).
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
