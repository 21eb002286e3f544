// Personal data out of version control: finding the Git working tree, the .gitignore line, and whether the
// cases folder is ignored (with Git, and without it by reading .gitignore conservatively).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addToGitignore, checkGitExposure } from '../../src/cases/gitCheck';
import { certainlyIgnored, findWorkingTree, ignoreLine, withIgnoreLine } from '../../src/cases/model/gitIgnore';

describe('the cases folder and Git', () => {
  it('finds the working tree by the nearest .git upwards (a folder, or the file of a linked worktree)', async () => {
    const seen: string[] = [];
    const gits = new Set(['/home/anna/invoicing/.git', '/home/.git']);
    const has = (p: string) => (seen.push(p), gits.has(p));
    assert.equal(await findWorkingTree('/home/anna/invoicing/private/cases', has), '/home/anna/invoicing');
    assert.deepEqual(seen, ['/home/anna/invoicing/private/cases/.git', '/home/anna/invoicing/private/.git', '/home/anna/invoicing/.git']);
    assert.equal(await findWorkingTree('/srv/cases', () => false), undefined);
    assert.equal(await findWorkingTree('/srv/cases', async (p) => p === '/srv/cases/.git'), '/srv/cases');
  });

  it('the .gitignore line: anchored at the root, a folder only, pattern characters escaped', () => {
    assert.equal(ignoreLine('/repo', '/repo/cases'), '/cases/');
    assert.equal(ignoreLine('/repo', '/repo/private/debt cases'), '/private/debt cases/');
    assert.equal(ignoreLine('/repo', '/repo/#cases'), '/#cases/', 'after the /, no comment');
    assert.equal(ignoreLine('/repo', '/repo/cases [2026]*'), '/cases \\[2026\\]\\*/');
    assert.equal(ignoreLine('/repo', '/repo/cases '), '/cases\\ /');
    assert.equal(ignoreLine('/repo', '/repo'), undefined, 'the root itself is not ignored by a line');
    assert.equal(ignoreLine('/repo', '/elsewhere/cases'), undefined);
  });

  it('appends the line and keeps every other line as it was, making the file if needed', () => {
    assert.equal(withIgnoreLine(undefined, '/cases/'), '/cases/\n');
    assert.equal(withIgnoreLine('', '/cases/'), '/cases/\n');
    assert.equal(withIgnoreLine('node_modules\r\nout', '/cases/'), 'node_modules\r\nout\n/cases/\n');
    assert.equal(withIgnoreLine('node_modules\n', '/cases/'), 'node_modules\n/cases/\n');
  });

  it('without Git, counts the folder ignored only when a plain pattern certainly covers it', () => {
    const root = (text: string) => [{ dir: '', text }];
    for (const text of ['cases', '/cases', 'cases/', '/cases/', 'private/', '/private', '# x\nprivate\n']) {
      assert.equal(certainlyIgnored(root(text), text.includes('private') ? 'private/cases' : 'cases'), true, text);
    }
    assert.equal(certainlyIgnored(root('cases'), 'private/cases'), true, 'a name matches at any depth');
    assert.equal(certainlyIgnored(root('/cases'), 'private/cases'), false, 'anchored at the root');
    assert.equal(certainlyIgnored(root('private/cases/x'), 'private/cases'), false, 'a file inside is not the folder');
    assert.equal(certainlyIgnored(root('case*'), 'cases'), false, 'wildcards: uncertain');
    assert.equal(certainlyIgnored(root('cases/\n!cases/keep'), 'cases'), false, 'a negation: uncertain');
    assert.equal(certainlyIgnored(root('# cases'), 'cases'), false);
    assert.equal(certainlyIgnored([{ dir: 'private', text: '/cases/' }], 'private/cases'), true, 'anchored at its own folder');
    assert.equal(certainlyIgnored([{ dir: 'other', text: 'cases' }], 'private/cases'), false);
    assert.equal(certainlyIgnored([], 'cases'), false);
  });

  describe('on disk', () => {
    let tmp: string;
    beforeEach(() => {
      tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tilbago-git-')));
    });
    afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));
    const gitInstalled = (() => {
      try {
        execFileSync('git', ['--version']);
        return true;
      } catch {
        return false;
      }
    })();

    it('outside any working tree: noRepository', async () => {
      fs.mkdirSync(path.join(tmp, 'cases'));
      // tmp may itself lie inside a repository on a developer's machine; only ours is checked here.
      const check = await checkGitExposure(path.join(tmp, 'cases'), { useGit: false });
      if (check.root === undefined) assert.deepEqual(check, { state: 'noRepository', byGit: false });
      else assert.ok(!check.root.startsWith(tmp));
    });

    it('without Git: .gitignore read, "exposed" until a plain line covers it; the line added, then ignored', async () => {
      fs.mkdirSync(path.join(tmp, '.git'));
      fs.mkdirSync(path.join(tmp, 'private', 'cases'), { recursive: true });
      const cases = path.join(tmp, 'private', 'cases');
      const noGit = { useGit: true, git: path.join(tmp, 'no-such-git') };
      assert.deepEqual(await checkGitExposure(cases, noGit), { state: 'exposed', root: tmp, byGit: false });
      fs.writeFileSync(path.join(tmp, '.gitignore'), 'out');
      assert.deepEqual(await addToGitignore(tmp, cases), { line: '/private/cases/', file: path.join(tmp, '.gitignore') });
      assert.equal(fs.readFileSync(path.join(tmp, '.gitignore'), 'utf8'), 'out\n/private/cases/\n');
      assert.equal((await checkGitExposure(cases, { useGit: false })).state, 'ignored');
      fs.writeFileSync(path.join(tmp, 'private', '.gitignore'), 'x\n!keep\n');
      assert.equal((await checkGitExposure(cases, { useGit: false })).state, 'exposed', 'a negation makes it uncertain');
    });

    it(`with Git (${gitInstalled ? 'installed' : 'not installed: Git fails, the .gitignore is read'}): git check-ignore decides`, async () => {
      if (gitInstalled) execFileSync('git', ['init', '-q'], { cwd: tmp });
      else fs.mkdirSync(path.join(tmp, '.git'));
      const cases = path.join(tmp, 'cases');
      fs.mkdirSync(cases);
      assert.deepEqual(await checkGitExposure(cases, { useGit: true }), { state: 'exposed', root: tmp, byGit: gitInstalled });
      // A pattern with a wildcard: Git knows it ignores the folder; reading .gitignore alone cannot be sure.
      fs.writeFileSync(path.join(tmp, '.gitignore'), 'ca*s/\n');
      assert.deepEqual(await checkGitExposure(cases, { useGit: true }), {
        state: gitInstalled ? 'ignored' : 'exposed',
        root: tmp,
        byGit: gitInstalled,
      });
      assert.equal((await checkGitExposure(cases, { useGit: false })).state, 'exposed', 'untrusted: Git is not run');
      // A folder not made yet is checked by its path.
      assert.equal((await checkGitExposure(path.join(tmp, 'later'), { useGit: true })).state, 'exposed');
    });
  });
});
