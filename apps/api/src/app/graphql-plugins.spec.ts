import { fieldOfVariableError, scalarRefusalMessage, withoutEchoedValue } from './graphql-plugins';

describe('variable errors never echo the value back', () => {
  it('keeps the path and the reason but not a secret sent next to an unknown field', () => {
    const message =
      'Variable "$input" got invalid value { accessToken: "canary-secret", nope: 1 }; Field "nope" is not defined by type "ConnectInput".';
    expect(withoutEchoedValue(message)).toBe('Variable "$input" got an invalid value; Field "nope" is not defined by type "ConnectInput".');
    const nested = 'Variable "$input" got invalid value "x" at "input.first"; Int cannot represent non-integer value: "x"';
    expect(withoutEchoedValue(nested)).toBe(
      'Variable "$input" got an invalid value at "input.first"; Int cannot represent non-integer value: "x"',
    );
    expect(withoutEchoedValue('Cannot query field "nope" on type "Query".')).toBe('Cannot query field "nope" on type "Query".');
  });
});

describe('variable errors name their field', () => {
  it('reads the path graphql-js gives, or the variable, or the missing field inside it', () => {
    expect(
      fieldOfVariableError('Variable "$input" got an invalid value at "input.rules[0]"; JSONObject is nested deeper than 32 levels.'),
    ).toBe('input.rules[0]');
    expect(fieldOfVariableError('Variable "$first" got an invalid value; Int cannot represent non-integer value: "ten"')).toBe('first');
    expect(
      fieldOfVariableError('Variable "$input" got an invalid value; Field "password" of required type "String!" was not provided.'),
    ).toBe('input.password');
    expect(fieldOfVariableError('Variable "$id" of required type "ID!" was not provided.')).toBe('id');
    expect(
      fieldOfVariableError(
        'Variable "$input" got an invalid value; Field "emial" is not defined by type "SignUpInput". Did you mean "email"?',
      ),
    ).toBe('input.emial');
    expect(fieldOfVariableError('Cannot query field "nope" on type "Query".')).toBeUndefined();
  });
});

describe('a value a scalar refused', () => {
  const reason = 'Expected a calendar day written YYYY-MM-DD (such as 2026-10-01), got "2026-02-30": that day does not exist.';

  it('keeps the path and the scalar’s reason, never the value as graphql-js quotes it, whatever the value holds', () => {
    const tricky = `"x; at \\"input.y\\"; Expected type \\"Date\\". ${'z'.repeat(1000)}"`;
    expect(
      scalarRefusalMessage(`Variable "$input" got invalid value ${tricky} at "input.days[1]"; Expected type "Date". ${reason}`, reason),
    ).toBe(`Variable "$input" got an invalid value at "input.days[1]"; Expected type "Date". ${reason}`);
    expect(scalarRefusalMessage(`Variable "$day" got invalid value ${tricky}; Expected type "Date". ${reason}`, reason)).toBe(
      `Variable "$day" got an invalid value; Expected type "Date". ${reason}`,
    );
  });

  it('drops the literal graphql-js quotes after "found"', () => {
    expect(scalarRefusalMessage(`Expected value of type "Date!", found "${'9'.repeat(5000)}"; ${reason}`, reason)).toBe(
      `Expected value of type "Date!"; ${reason}`,
    );
  });
});
