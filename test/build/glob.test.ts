import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { globProblem, matchesGlob } from '../../src/build/glob';

const cases: [pattern: string, matches: string[], misses: string[]][] = [
  ['README.md', ['README.md'], ['guide/README.md', 'README.mdx', 'readme.md', 'README-md']],
  ['**/README.md', ['README.md', 'a/README.md', 'a/b/c/README.md'], ['a/README.md.bak', 'a/xREADME.md']],
  ['*.md', ['a.md', '.hidden.md', '..md'], ['a/b.md', 'a.mdx']],
  ['**/_template*.md', ['_template.md', 'a/_template.md', 'a/b/_template-faq.md'], ['a/template.md', 'a/_template.md/x']],
  ['drafts/**', ['drafts', 'drafts/a.md', 'drafts/x/y/z.png'], ['drafts.md', 'my-drafts/a.md', 'a/drafts/b.md']],
  ['drafts', ['drafts'], ['drafts/a.md', 'a/drafts']],
  ['drafts/', ['drafts'], ['drafts/a.md']],
  ['./notes/*.md', ['notes/a.md'], ['notes/a/b.md', 'a/notes/a.md']],
  ['**/*.draft.md', ['a.draft.md', 'x/y/a.draft.md'], ['a.md', 'a.draft.mdx', 'adraft.md']],
  ['a/**/b.md', ['a/b.md', 'a/x/b.md', 'a/x/y/b.md'], ['b.md', 'ab.md', 'a/x/bb.md']],
  ['a/**/**/b.md', ['a/b.md', 'a/x/y/b.md'], ['b.md']],
  ['**', ['a', 'a/b/c.md'], []],
  ['a?.md', ['ab.md', 'a..md'], ['a.md', 'abc.md', 'a/.md']],
  ['v[0-9].md', ['v1.md', 'v9.md'], ['va.md', 'v10.md']],
  ['v[!0-9].md', ['va.md'], ['v1.md', 'v/.md']],
  ['v[^ab].md', ['vc.md'], ['va.md', 'vb.md']],
  ['[]]x', [']x'], ['x']],
  ['v[a-].md', ['va.md', 'v-.md'], ['vb.md']],
  ['a\\*b', ['a*b'], ['axb']],
  ['what\\?.md', ['what?.md'], ['whatx.md']],
  ['(1) notes+more.md', ['(1) notes+more.md'], ['1 notesmore.md']],
  ['über/*.md', ['über/ä.md'], ['uber/a.md']],
  ['a*b*c', ['abc', 'a-b-c', 'axxbyyc'], ['a/b/c', 'ab']],
];

describe('exclude globs', () => {
  for (const [pattern, matches, misses] of cases) {
    it(`"${pattern}"`, () => {
      assert.equal(globProblem(pattern), undefined);
      for (const path of matches) assert.ok(matchesGlob(path, pattern), `"${pattern}" should match "${path}"`);
      for (const path of misses) assert.ok(!matchesGlob(path, pattern), `"${pattern}" should not match "${path}"`);
    });
  }

  it('says what is wrong with a pattern it cannot use', () => {
    const problems: [string, RegExp][] = [
      ['', /empty/],
      ['   ', /empty/],
      ['/drafts/**', /absolute/],
      ['\\\\server\\share\\drafts', /absolute/],
      ['\\drafts', /escapes nothing/],
      ['C:\\content\\drafts', /absolute/],
      ['c:/drafts', /absolute/],
      ['../other/**', /outside the content folder/],
      ['a/../../b', /outside the content folder/],
      ['a//b', /empty folder name/],
      ['!README.md', /negation is not supported/],
      ['*.{md,txt}', /alternatives are not supported/],
      ['[abc.md', /not closed/],
      ['drafts\\old', /use "\/" between folder names/],
      ['drafts\\', /escapes nothing/],
    ];
    for (const [pattern, problem] of problems) assert.match(globProblem(pattern) ?? 'accepted', problem, JSON.stringify(pattern));
    assert.equal(globProblem('\\!important.md'), undefined);
    assert.ok(matchesGlob('!important.md', '\\!important.md'));
    assert.equal(globProblem('a/.. b/c'), undefined, 'only a whole ".." name goes up');
  });
});
