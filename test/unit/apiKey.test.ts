import * as assert from 'node:assert/strict';
import { apiKeyHint, checkApiKey } from '../../src/apiKey/rules';

describe('API key rules', () => {
  it('trims the pasted key', () => {
    assert.deepEqual(checkApiKey('  abc123-DEF_456.xyz \r\n'), { ok: true, key: 'abc123-DEF_456.xyz' });
  });

  it('names what is wrong with a bad key', () => {
    const cases: [string, string][] = [
      ['', 'empty'],
      [' \t\n ', 'empty'],
      ['abc def', 'innerWhitespace'],
      ['abc\tdef', 'innerWhitespace'],
      ['abc\u00a0def', 'innerWhitespace'],
      ['abc\u0000def', 'controlCharacters'],
      ['abc\u007fdef', 'controlCharacters'],
      ['abc\u200bdef', 'controlCharacters'],
      ['\u200babc', 'controlCharacters'],
      ['k'.repeat(1025), 'tooLong'],
    ];
    for (const [input, problem] of cases) assert.deepEqual(checkApiKey(input), { ok: false, problem }, JSON.stringify(input));
    assert.equal(checkApiKey('k'.repeat(1024)).ok, true);
  });

  it('hints at most the last 4 characters, and nothing for a short key', () => {
    assert.equal(apiKeyHint('tb-live-4f1c9a2e7d3b8c61'), '8c61');
    assert.equal(apiKeyHint('abcdefghijk'), undefined);
  });
});
