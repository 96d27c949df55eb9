import { adoptConnectorError, ConnectorError } from './errors';

describe('ConnectorError', () => {
  it('keeps its message and the network’s reason as text any store takes', () => {
    const error = new ConnectorError('REJECTED', 'refused: a\u0000b', { networkReason: 'Bad \ud800 text\u0000' });
    expect(error.message).toBe('refused: a\ufffdb');
    expect(error.networkReason).toBe('Bad \ufffd text\ufffd');
  });

  it('does the same for an error of another copy of the SDK', () => {
    const adopted = adoptConnectorError({ name: 'ConnectorError', kind: 'REJECTED', message: 'x\u0000', networkReason: '\udc00y' });
    expect(adopted).toBeInstanceOf(ConnectorError);
    expect(adopted).toMatchObject({ message: 'x\ufffd', networkReason: '\ufffdy' });
  });
});
