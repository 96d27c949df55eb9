import { fieldOfVariableError, withoutEchoedValue } from './graphql-plugins';

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
