import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { resolveCasesFolder, storedCasesFolder } from '../../src/settings/casesFolder';

describe('cases folder', () => {
  const workspace = path.resolve('/home/anna/invoicing');
  const home = path.resolve('/home/anna');

  it('is not set when empty or blank', () => {
    assert.deepEqual(resolveCasesFolder('', workspace, home), { kind: 'notSet' });
    assert.deepEqual(resolveCasesFolder('  ', workspace, home), { kind: 'notSet' });
  });

  it('resolves a relative path against the workspace folder', () => {
    assert.deepEqual(resolveCasesFolder('Cas tilbago', workspace, home), { kind: 'resolved', path: path.join(workspace, 'Cas tilbago') });
    assert.deepEqual(resolveCasesFolder('../shared/cases', workspace, home), {
      kind: 'resolved',
      path: path.resolve(workspace, '../shared/cases'),
    });
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

describe('storedCasesFolder', () => {
  const workspace = path.resolve('/home/anna/invoicing');

  it('stores a folder inside the workspace relative to it, with forward slashes', () => {
    assert.equal(storedCasesFolder(path.join(workspace, 'Cas tilbago'), workspace), 'Cas tilbago');
    assert.equal(storedCasesFolder(path.join(workspace, 'a', 'b'), workspace), 'a/b');
    assert.equal(storedCasesFolder(workspace, workspace), '.');
    assert.equal(storedCasesFolder(path.join(workspace, '..cases'), workspace), '..cases');
  });

  it('stores a folder outside the workspace, or with none open, as an absolute path', () => {
    assert.equal(storedCasesFolder(path.resolve('/home/anna/invoicing-2'), workspace), path.resolve('/home/anna/invoicing-2'));
    assert.equal(storedCasesFolder(path.resolve('/srv/cases'), workspace), path.resolve('/srv/cases'));
    assert.equal(storedCasesFolder(path.resolve('/srv/cases'), undefined), path.resolve('/srv/cases'));
  });
});
