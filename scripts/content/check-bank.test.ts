import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBank } from './check-bank.ts';
import { formatContentError } from './content-error.ts';
import { REPO_ROOT } from './repo-paths.ts';

const FIXTURES = 'scripts/content/fixtures';

/** Each fixture is a tiny bank with exactly one fault, on the line marked `# fault`. */
const BROKEN: { fixture: string; fault: RegExp; file?: string }[] = [
  { fixture: 'broken-qcu-solution', fault: /épreuve fixture-mots-cles-1-a : la solution 4 ne désigne aucune proposition \(1 à 3\)/ },
  { fixture: 'broken-qcu-two-solutions', fault: /solution : \[1,2\] doit être un nombre entier/ },
  { fixture: 'broken-qcm-solution-range', fault: /épreuve fixture-mots-cles-1-b : la solution 5 ne désigne aucune proposition \(1 à 4\)/ },
  { fixture: 'broken-qcm-single-solution', fault: /une QCM a au moins 2 solutions/ },
  { fixture: 'broken-duplicate-proposal', fault: /la proposition 4 répète la proposition 1/ },
  { fixture: 'broken-duplicate-challenge-id', fault: /identifiant d'épreuve « fixture-mots-cles-1-a » en double/ },
  { fixture: 'broken-duplicate-tube-across-files', file: '1.2.yaml', fault: /identifiant de sujet « @fixtureMotsCles » en double \(déjà utilisé : compétence 1.1\)/ },
  { fixture: 'broken-duplicate-level', fault: /le niveau 1 est en double dans le sujet @fixtureMotsCles/ },
  { fixture: 'broken-missing-attachment', fault: /fichier introuvable : scripts\/content\/fixtures\/broken-missing-attachment\/attachments\/1.1\/absent.csv/ },
  { fixture: 'broken-illustration-alt', fault: /l'illustration n'a pas de texte alternatif/ },
  { fixture: 'broken-qroc-field-without-solution', fault: /le champ « mot » n'a aucune solution/ },
  { fixture: 'broken-qrocm-dep-groups', fault: /au moins autant de groupes de solutions que de champs \(1 groupe pour 2 champs\)/ },
  { fixture: 'broken-numeric-solution', fault: /la solution « un » n'est pas un nombre alors que le format est number/ },
  { fixture: 'broken-skill-without-challenge', fault: /l'acquis @fixtureMotsCles3 n'a aucune épreuve/ },
  { fixture: 'broken-tube-without-tutorial', fault: /le sujet @fixtureMotsCles n'a aucun tutoriel/ },
  { fixture: 'broken-empty-tutorial', fault: /le tutoriel tuto-fixture-mots-cles n'a pas de texte/ },
  { fixture: 'broken-tolerance-name', fault: /tolerances n°2 : « T4 » n'est pas permis \(attendu : T1, T2, T3\)/ },
  { fixture: 'broken-timer-range', fault: /le minuteur doit être un nombre entier de secondes entre 10 et 600 \(trouvé : 5\)/ },
  { fixture: 'broken-unknown-type', fault: /type : « QROCX » n'est pas permis \(attendu : QCU, QCM, QROC, QROCM-ind, QROCM-dep\)/ },
  { fixture: 'broken-competence-mismatch', fault: /la compétence « 1.2 » ne correspond pas au nom du fichier 1.1.yaml \(attendu : 1.2.yaml, ou competence: "1.1"\)/ },
  { fixture: 'broken-yaml-syntax', fault: /YAML invalide : Missing closing "quote/ },
];

function faultLine(file: string): number {
  const index = readFileSync(join(REPO_ROOT, file), 'utf8').split('\n').findIndex((line) => line.includes('# fault'));
  if (index < 0) throw new Error(`${file} has no "# fault" marker`);
  return index + 1;
}

function check(fixture: string) {
  return checkBank({ contentDir: join(REPO_ROOT, FIXTURES, fixture), root: REPO_ROOT });
}

describe('checkBank on broken fixtures', () => {
  for (const { fixture, fault, file = '1.1.yaml' } of BROKEN) {
    it(`${fixture}: fails, naming the file, the line and the fault`, () => {
      const path = `${FIXTURES}/${fixture}/competences/${file}`;
      const result = check(fixture);
      expect(result.errors).toHaveLength(1);
      const [first] = result.errors;
      expect(first).toEqual({ file: path, line: faultLine(path), message: expect.stringMatching(fault) as unknown });
      if (first) expect(formatContentError(first)).toMatch(new RegExp(`^${path.replace(/\./g, '\\.')}:${faultLine(path)}: `));
    });
  }

  it('covers at least 12 kinds of fault', () => {
    expect(new Set(BROKEN.map((b) => b.fixture)).size).toBeGreaterThanOrEqual(12);
  });
});

describe('checkBank on the valid fixture', () => {
  it('passes and compiles every challenge', () => {
    const result = check('valid');
    expect(result.errors).toEqual([]);
    expect(result.fileCount).toBe(1);
    expect(result.compiled.pack.challenges.map((c) => c.type)).toEqual(['QCU', 'QCM', 'QROC', 'QROCM-ind', 'QROCM-dep']);
    expect(result.attachmentFiles).toEqual(['1.1/mots.csv', '1.1/requete.svg']);
  });

  it('reports a directory without competence files', () => {
    const result = check('does-not-exist');
    expect(result.errors).toEqual([{ file: `${FIXTURES}/does-not-exist/competences`, line: null, message: 'aucun fichier de compétence (*.yaml)' }]);
  });
});

describe('checkBank with a cache of parsed files', () => {
  it('gives the same results, lines included, when the files come from the cache', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'content-cache-'));
    try {
      for (const fixture of ['valid', 'broken-qcm-solution-range', 'broken-tolerance-name', 'broken-yaml-syntax']) {
        const contentDir = join(REPO_ROOT, FIXTURES, fixture);
        const uncached = checkBank({ contentDir, root: REPO_ROOT });
        const first = checkBank({ contentDir, root: REPO_ROOT, cacheDir });
        const second = checkBank({ contentDir, root: REPO_ROOT, cacheDir });
        expect(first).toEqual(uncached);
        expect(second).toEqual(uncached);
      }
      const cached = JSON.parse(readFileSync(join(cacheDir, 'parsed-yaml.json'), 'utf8')) as Record<string, unknown>;
      // Three readable files were cached; the one with a YAML syntax error never is.
      expect(Object.keys(cached)).toHaveLength(3);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('npm run content:check', () => {
  const run = (fixture: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/content-check.ts', `${FIXTURES}/${fixture}`], { cwd: REPO_ROOT, encoding: 'utf8' });

  it('prints file:line: message and exits 1 on a broken bank', () => {
    const result = run('broken-qrocm-dep-groups');
    const path = `${FIXTURES}/broken-qrocm-dep-groups/competences/1.1.yaml`;
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')[0]).toMatch(new RegExp(`^${path.replace(/\./g, '\\.')}:${faultLine(path)}: épreuve fixture-mots-cles-2-c : `));
    expect(result.stdout).toBe('');
  });

  it('prints a one-line summary and exits 0 on a valid bank', () => {
    const result = run('valid');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(/^Contenu valide : 1 compétence, 1 sujet, 2 acquis, 5 épreuves, 1 tutoriel \(\d+ ms\)\.\n$/);
  });
});
