import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { resolveCasesFolder } from '../../src/core/casesFolder';

describe('cases folder', () => {
  const workspace = path.resolve('/work/invoices');
  const home = path.resolve('/home/anna');

  it('is not set when empty or blank', () => {
    assert.deepEqual(resolveCasesFolder('', workspace, home), { kind: 'notSet' });
    assert.deepEqual(resolveCasesFolder('  ', workspace, home), { kind: 'notSet' });
  });

  it('resolves a relative path against the workspace folder', () => {
    assert.deepEqual(resolveCasesFolder('Cas tilbago', workspace, home), { kind: 'resolved', path: path.join(workspace, 'Cas tilbago') });
    assert.deepEqual(resolveCasesFolder('../shared/cases', workspace, home), { kind: 'resolved', path: path.resolve(workspace, '../shared/cases') });
  });

  it('needs a workspace folder for a relative path', () => {
    assert.deepEqual(resolveCasesFolder('cases', undefined, home), { kind: 'needsWorkspaceFolder' });
  });

  it('keeps an absolute path and expands ~', () => {
    const absolute = path.resolve('/srv/cases');
    assert.deepEqual(resolveCasesFolder(absolute, undefined, home), { kind: 'resolved', path: absolute });
    assert.deepEqual(resolveCasesFolder('~/tilbago', undefined, home), { kind: 'resolved', path: path.join(home, 'tilbago') });
  });
});
