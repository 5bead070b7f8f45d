import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { demoLearners } from '../sync-server/demo/demo-school.ts';
import { TeacherSpace } from './pages/teacher-space.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../src/core/imports/fixtures/${name}`, import.meta.url));

test.describe('teacher space: students', () => {
  // The relay is shared by every spec: put the demo class back as it was (a re-import matches its students by
  // name and birth date, re-enables them, and disables the students of the SIECLE sample).
  test.afterAll(async ({ request }) => {
    const login = await request.post('/api/auth/login', { data: { email: 'enseignant@demo.local', password: 'demo-pass-2026' } });
    const { token } = (await login.json()) as { token: string };
    const csv = ['Nom;Prénom;Date de naissance;Classe', ...demoLearners(0).map((l) => `${l.lastName};${l.firstName};${l.birthDate.split('-').reverse().join('/')};${l.className}`)].join('\n');
    const restored = await request.post('/api/learners/import', {
      headers: { authorization: `Bearer ${token}` },
      data: { format: 'csv', fileName: 'demo.csv', content: Buffer.from(csv, 'utf8').toString('base64') },
    });
    expect(restored.status()).toBe(200);
  });

  test('a teacher imports the SIECLE sample, sees the counts and the list, is shown a broken file line by line, prints codes', async ({ page }) => {
    const teacher = new TeacherSpace(page);
    await teacher.signIn();
    await expect(teacher.menu().getByRole('link')).toHaveText(['Campagnes', 'Élèves', 'Équipe', 'Postes']);
    await teacher.openStudents();
    await expect(page.getByRole('table').locator('caption')).toHaveText('25 élèves');
    await expectNoSeriousA11yViolations(page);

    await teacher.recordProgress();
    await teacher.importFile('SIECLE – « Élèves sans adresse » (XML)', fixture('siecle-eleves-sans-adresse.xml'));
    await expect(page.getByRole('status').filter({ hasText: 'Import terminé' })).toHaveText(
      "Import terminé : 3 ajouté(s), 1 mis à jour, 0 inchangé(s), 24 désactivé(s), 1 ignoré(s) (sortis de l'établissement).",
    );
    const progress = await teacher.recordedProgress();
    expect(progress.length).toBeGreaterThan(0);
    expect(Math.max(...progress)).toBeGreaterThanOrEqual(60);
    await expect(page.getByRole('table').locator('caption')).toHaveText('4 élèves');
    expect(await teacher.rows()).toEqual([
      'ÇELIK Emre 1ERE STMG 2 15/12/2009 Non communiqué',
      'GARCÍA LÓPEZ Zoé 1ERE STMG 2 28/06/2009 Non communiqué',
      'LEROY Inès 2NDE C 12/09/2009 Non communiqué',
      "N'DIAYE Moussa 2NDE C 03/02/2010 Non communiqué",
    ]);
    await expect(page.getByText('Dernier import : siecle-eleves-sans-adresse.xml')).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('Classe', { exact: true }).selectOption('2NDE C');
    await expect(page.getByRole('table').locator('caption')).toHaveText('2 élèves');
    await page.getByLabel('Certificabilité').selectOption({ label: 'Certifiable' });
    await expect(page.getByRole('table').locator('caption')).toHaveText('0 élève');
    await page.getByLabel('Certificabilité').selectOption({ label: 'Non communiqué' });
    await expect(page.getByRole('table').locator('caption')).toHaveText('2 élèves');

    // Another school's file: refused by the reader in the worker, errors listed by line and focused; nothing changes.
    await teacher.importFile('SIECLE – « Élèves sans adresse » (XML)', fixture('broken-siecle-wrong-uai.xml'));
    const errors = page.locator('.import-errors');
    await expect(errors.getByRole('heading')).toHaveText("Le fichier contient 1 erreur ; aucun élève n'a été importé.");
    await expect(errors.getByRole('listitem')).toHaveText([
      "Ligne 4 : Ce fichier est celui de l'établissement 0641234X, pas du vôtre (0000000A) : rien n'a été importé.",
    ]);
    await expect(errors).toBeFocused();
    await expectNoSeriousA11yViolations(page);

    // Personal codes for a class, as slips to print.
    const codes = page.getByRole('region', { name: 'Codes personnels' });
    await codes.getByLabel('Classe pour les codes').selectOption('2NDE C');
    await codes.getByRole('button', { name: 'Générer les codes de la classe' }).click();
    await expect(page.getByRole('heading', { name: 'Codes personnels – 2NDE C' })).toBeFocused();
    await expect(page.locator('.slip-code')).toHaveCount(2);
    for (const code of await page.locator('.slip-code').allInnerTexts()) expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await expect(page.getByRole('button', { name: 'Imprimer les coupons' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
