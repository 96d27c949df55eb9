/**
 * Placeholders for operations a connector does not implement yet. The generator's
 * scaffold uses them; the conformance suite recognises them and reports one clear
 * failure per operation still to write.
 */
import type { Connector, OperationName } from './contract';
import { ConnectorError } from './errors';

const NOT_IMPLEMENTED = Symbol.for('socle.connector-sdk.not-implemented');

export interface NotImplementedInfo {
  operation: OperationName;
  /** Where to implement it, relative to the plugin's folder. */
  file: string;
}

export class NotImplementedError extends ConnectorError {
  readonly operation: OperationName;
  readonly file: string;

  constructor(operation: OperationName, file: string) {
    super('UNKNOWN', notImplementedMessage(operation, file));
    this.name = 'NotImplementedError';
    this.operation = operation;
    this.file = file;
  }
}

export function notImplementedMessage(operation: OperationName, file: string): string {
  return `${operation} is not implemented yet: implement it in ${file}`;
}

type Operation<Op extends OperationName> = NonNullable<Connector[Op]>;

/**
 * A stand-in for an operation: calling it rejects with a `NotImplementedError`.
 *
 *     readonly publish = notImplemented('publish', 'src/lib/acme.connector.ts');
 */
export function notImplemented<Op extends OperationName>(operation: Op, file: string): Operation<Op> {
  const placeholder = async (): Promise<never> => {
    throw new NotImplementedError(operation, file);
  };
  const info: NotImplementedInfo = { operation, file };
  Object.defineProperty(placeholder, NOT_IMPLEMENTED, { value: info });
  return placeholder as unknown as Operation<Op>;
}

/** The placeholder's details when `operation` was made by `notImplemented`, else undefined. */
export function notImplementedInfo(operation: unknown): NotImplementedInfo | undefined {
  if (typeof operation !== 'function') return undefined;
  return (operation as unknown as Record<symbol, NotImplementedInfo | undefined>)[NOT_IMPLEMENTED];
}
