// Personal data out of version control: finding the Git working tree, the .gitignore line, and whether the
// cases folder is ignored (with Git, and without it by reading .gitignore conservatively).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addToGitignore, checkGitExposure } from '../../src/cases/gitCheck';
import { certainlyIgnored, findWorkingTree, type IgnoreFile, ignoreLine, ignoreLineAppendix } from '../../src/cases/model/gitIgnore';

const gitInstalled = (() => {
  try {
    execFileSync('git', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

/**
 * .gitignore files (by folder, '' for the root), a folder, and whether the check without Git calls it ignored;
 * `git` when Git's answer differs (the check is unsure: it never says ignored where Git would commit the folder).
 */
const GIT_RULES: readonly { files: Record<string, string>; folder: string; ours: boolean; git?: boolean; why: string }[] = [
  { files: { '': ' cases' }, folder: 'cases', ours: false, why: 'a leading space is part of the name' },
  { files: { '': '  /cases/' }, folder: 'cases', ours: false, why: 'leading spaces before the /' },
  { files: { '': 'cases\t' }, folder: 'cases', ours: false, why: 'a trailing tab is kept: only spaces are dropped' },
  { files: { '': '/cases//' }, folder: 'cases', ours: false, why: 'a double / matches no folder' },
  { files: { '': '//cases' }, folder: 'cases', ours: false, why: 'two leading /' },
  { files: { '': 'sub//cases' }, folder: 'sub/cases', ours: false, why: '// in the middle' },
  { files: { '': 'cases  ' }, folder: 'cases', ours: true, why: 'trailing spaces are dropped' },
  { files: { '': 'cases\\ ' }, folder: 'cases', ours: false, why: 'an escaped trailing space stays' },
  { files: { '': 'cases\\ ' }, folder: 'cases ', ours: true, why: 'an escaped trailing space matches a space' },
  { files: { '': 'out\r\ncases\r\n' }, folder: 'cases', ours: true, why: 'Windows line ends' },
  { files: { '': '\ufeffcases\n' }, folder: 'cases', ours: true, why: 'a BOM before the first line' },
  { files: { '': '#cases' }, folder: '#cases', ours: false, why: 'a comment' },
  { files: { '': '\\#cases' }, folder: '#cases', ours: true, why: '\\# is a #' },
  { files: { '': ' #cases' }, folder: ' #cases', ours: true, why: '# starts a comment only at the line start' },
  { files: { '': 'cases #x' }, folder: 'cases', ours: false, why: 'no comment after a pattern' },
  { files: { '': '\\!important' }, folder: '!important', ours: true, why: '\\! is a !, not a negation' },
  { files: { '': 'ca\\ses' }, folder: 'cases', ours: true, why: 'an escaped letter is that letter' },
  { files: { '': 'cases\\' }, folder: 'cases', ours: false, why: 'a trailing backslash matches nothing' },
  { files: { '': '/sub/' }, folder: 'sub/cases', ours: true, why: 'a folder above' },
  { files: { '': 'sub\n!sub/cases' }, folder: 'sub/cases', ours: true, why: 'inside an ignored folder, nothing is taken back' },
  { files: { '': 'cases/\n!cases/' }, folder: 'cases', ours: false, why: 'taken back' },
  { files: { '': 'cases/\n!.vscode/settings.json' }, folder: 'cases', ours: true, why: 'the negation of another path' },
  { files: { '': '!cases/\ncases/' }, folder: 'cases', ours: true, why: 'the last line that matches decides' },
  { files: { '': 'cases/\n!*.pdf' }, folder: 'cases', ours: false, git: true, why: 'a negation with a wildcard: unsure' },
  { files: { '': 'ca*s/' }, folder: 'cases', ours: false, git: true, why: 'a wildcard: unsure' },
  { files: { '': 'cases/', sub: '!cases/' }, folder: 'sub/cases', ours: false, why: 'taken back by a deeper .gitignore' },
  { files: { '': 'cases/', sub: '!/cases/' }, folder: 'other/cases', ours: true, why: 'a deeper .gitignore applies below it only' },
  { files: { sub: '/cases/' }, folder: 'sub/cases', ours: true, why: 'anchored at its own folder' },
  { files: { sub: 'sub/cases' }, folder: 'sub/cases', ours: false, why: 'a path is read from its .gitignore’s folder' },
];

const ignoreFiles = (files: Record<string, string>): IgnoreFile[] => Object.entries(files).map(([dir, text]) => ({ dir, text }));

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
    assert.deepEqual(ignoreLine('/repo', '/repo/cases'), { line: '/cases/' });
    assert.deepEqual(ignoreLine('/repo', '/repo/private/debt cases'), { line: '/private/debt cases/' });
    assert.deepEqual(ignoreLine('/repo', '/repo/#cases'), { line: '/#cases/' }, 'after the /, no comment');
    assert.deepEqual(ignoreLine('/repo', '/repo/cases [2026]*'), { line: '/cases \\[2026\\]\\*/' });
    assert.deepEqual(ignoreLine('/repo', '/repo/a\\b?'), { line: '/a\\\\b\\?/' });
    assert.deepEqual(ignoreLine('/repo', '/repo/cases '), { line: '/cases /' }, 'the / after it keeps the space');
    assert.deepEqual(ignoreLine('/repo', '/repo'), { problem: 'notInside' }, 'the root itself is not ignored by a line');
    assert.deepEqual(ignoreLine('/repo', '/elsewhere/cases'), { problem: 'notInside' });
    assert.deepEqual(ignoreLine('/repo', '/repo/two\nlines'), { problem: 'lineBreak' }, 'a .gitignore line cannot hold a line break');
  });

  it('appends the line and keeps every other line as it was, making the file if needed', () => {
    assert.equal(ignoreLineAppendix('', '/cases/'), '/cases/\n', 'an empty or new file');
    assert.equal(ignoreLineAppendix('t', '/cases/'), '\n/cases/\n', 'a last line without its line end');
    assert.equal(ignoreLineAppendix('\n', '/cases/'), '/cases/\n');
  });

  it('without Git, reads each line as Git does: spaces, comments, escapes, // and line ends', () => {
    for (const { files, folder, ours, why } of GIT_RULES) {
      assert.equal(certainlyIgnored(ignoreFiles(files), folder), ours, `${JSON.stringify(files)} for ${JSON.stringify(folder)}: ${why}`);
    }
  });

  it(`agrees with git check-ignore on each of those (${gitInstalled ? 'Git installed' : 'SKIPPED: git is not installed'})`, function () {
    if (!gitInstalled) this.skip();
    const repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tilbago-gitrules-')));
    try {
      execFileSync('git', ['init', '-q'], { cwd: repo });
      for (const { files, folder, ours, git = ours, why } of GIT_RULES) {
        fs.rmSync(path.join(repo, 'sub'), { recursive: true, force: true });
        fs.rmSync(path.join(repo, '.gitignore'), { force: true });
        fs.mkdirSync(path.join(repo, folder), { recursive: true });
        for (const [dir, text] of Object.entries(files)) {
          fs.mkdirSync(path.join(repo, dir), { recursive: true });
          fs.writeFileSync(path.join(repo, dir, '.gitignore'), text);
        }
        assert.equal(checkIgnore(repo, folder), git, `git for ${JSON.stringify(files)}, ${JSON.stringify(folder)} (${why})`);
        if (ours) assert.ok(git, 'never ignored where Git would commit it');
      }
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });

  it(`the line written makes Git ignore that folder and no other (${gitInstalled ? 'Git installed' : 'SKIPPED: git is not installed'})`, function () {
    if (!gitInstalled) this.skip();
    const repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tilbago-gitline-')));
    try {
      execFileSync('git', ['init', '-q'], { cwd: repo });
      for (const name of [
        '#cases',
        '!cases',
        ' lead',
        'trail ',
        'ca*ses',
        'ca?es',
        'cases [2026]',
        'back\\slash',
        'tab\tname',
        'cr\rname',
        'sub/é',
      ]) {
        const sibling = name.replace(/[^/]$/, 'X');
        fs.mkdirSync(path.join(repo, name), { recursive: true });
        fs.mkdirSync(path.join(repo, sibling), { recursive: true });
        const written = ignoreLine(repo, path.join(repo, name));
        assert.ok('line' in written, name);
        fs.writeFileSync(path.join(repo, '.gitignore'), `${written.line}\n`);
        assert.equal(checkIgnore(repo, name), true, `${JSON.stringify(written.line)} ignores ${JSON.stringify(name)}`);
        assert.equal(checkIgnore(repo, sibling), false, `${JSON.stringify(written.line)} leaves ${JSON.stringify(sibling)}`);
        assert.equal(certainlyIgnored([{ dir: '', text: `${written.line}\n` }], name), true, 'and the check without Git agrees');
      }
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });

  it('without Git, counts the folder ignored only when a plain pattern certainly covers it', () => {
    const root = (text: string) => [{ dir: '', text }];
    for (const text of ['cases', '/cases', 'cases/', '/cases/', 'private/', '/private', '# x\nprivate\n', 'x\n!keep\nprivate']) {
      assert.equal(certainlyIgnored(root(text), text.includes('private') ? 'private/cases' : 'cases'), true, text);
    }
    assert.equal(certainlyIgnored(root('cases'), 'private/cases'), true, 'a name matches at any depth');
    assert.equal(certainlyIgnored(root('/cases'), 'private/cases'), false, 'anchored at the root');
    assert.equal(certainlyIgnored(root('private/cases/x'), 'private/cases'), false, 'a file inside is not the folder');
    assert.equal(certainlyIgnored(root('case*'), 'cases'), false, 'wildcards: uncertain');
    assert.equal(certainlyIgnored(root('cases/\n!case?'), 'cases'), false, 'a negation with a wildcard: uncertain');
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
      assert.deepEqual(await addToGitignore(tmp, cases), { kind: 'added', line: '/private/cases/', file: path.join(tmp, '.gitignore') });
      assert.equal(fs.readFileSync(path.join(tmp, '.gitignore'), 'utf8'), 'out\n/private/cases/\n');
      assert.equal((await checkGitExposure(cases, { useGit: false })).state, 'ignored');
      fs.writeFileSync(path.join(tmp, 'private', '.gitignore'), 'x\n!ca*\n');
      assert.equal((await checkGitExposure(cases, { useGit: false })).state, 'exposed', 'a negation with a wildcard makes it uncertain');
    });

    it('without Git: a .gitignore that is a link is not read (Git does not read it); a FIFO leaves it unsure, without waiting', async () => {
      fs.mkdirSync(path.join(tmp, '.git'));
      fs.mkdirSync(path.join(tmp, 'cases'));
      fs.writeFileSync(path.join(tmp, 'patterns'), 'cases/\n');
      fs.symlinkSync(path.join(tmp, 'patterns'), path.join(tmp, '.gitignore'));
      assert.equal((await checkGitExposure(path.join(tmp, 'cases'), { useGit: false })).state, 'exposed');
      fs.rmSync(path.join(tmp, '.gitignore'));
      execFileSync('mkfifo', [path.join(tmp, '.gitignore')]);
      assert.equal((await checkGitExposure(path.join(tmp, 'cases'), { useGit: false })).state, 'exposed');
    });

    it('Add to .gitignore refuses a .gitignore that is a link, and leaves the file it points to as it was', async () => {
      fs.mkdirSync(path.join(tmp, 'repo', '.git'), { recursive: true });
      const repo = path.join(tmp, 'repo');
      const outside = path.join(tmp, 'outside-ignore');
      fs.writeFileSync(outside, 'node_modules\n');
      fs.symlinkSync(outside, path.join(repo, '.gitignore'));
      assert.deepEqual(await addToGitignore(repo, path.join(repo, 'cases')), {
        kind: 'refused',
        file: path.join(repo, '.gitignore'),
        problem: { kind: 'link', file: path.join(repo, '.gitignore'), target: outside },
      });
      assert.equal(fs.readFileSync(outside, 'utf8'), 'node_modules\n', 'the file outside is unchanged');
      fs.rmSync(path.join(repo, '.gitignore'));
      fs.symlinkSync(path.join(tmp, 'made-by-link'), path.join(repo, '.gitignore'));
      assert.equal((await addToGitignore(repo, path.join(repo, 'cases'))).kind, 'refused', 'a dangling link');
      assert.ok(!fs.existsSync(path.join(tmp, 'made-by-link')), 'its target is not made');
    });

    it('Add to .gitignore refuses a FIFO or a folder named .gitignore without waiting, and a folder path with a line break', async () => {
      fs.mkdirSync(path.join(tmp, '.git'));
      const refusal = async (folder = path.join(tmp, 'cases')) => {
        const outcome = await addToGitignore(tmp, folder);
        return outcome.kind === 'refused' ? outcome.problem : outcome;
      };
      execFileSync('mkfifo', [path.join(tmp, '.gitignore')]);
      assert.deepEqual(await refusal(), { kind: 'notAFile', found: 'fifo' });
      fs.rmSync(path.join(tmp, '.gitignore'));
      fs.mkdirSync(path.join(tmp, '.gitignore'));
      assert.deepEqual(await refusal(), { kind: 'notAFile', found: 'directory' });
      fs.rmdirSync(path.join(tmp, '.gitignore'));
      assert.deepEqual(await refusal(path.join(tmp, 'two\nlines')), { kind: 'lineBreak' });
      assert.ok(!fs.existsSync(path.join(tmp, '.gitignore')), 'nothing written');
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

/** Git's own answer: whether it ignores the folder (by its path below the repository). */
function checkIgnore(repo: string, folder: string): boolean {
  try {
    execFileSync('git', ['check-ignore', '-q', '--', folder], { cwd: repo });
    return true;
  } catch (error) {
    if ((error as { status?: number }).status === 1) return false;
    throw error;
  }
}
