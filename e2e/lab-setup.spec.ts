import { expect, test } from '@playwright/test';
import { LabMachine } from './pages/lab-machine.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { cutNetwork, restoreNetwork, waitForServiceWorkerControl } from './support/offline.ts';

test.describe('lab machine set-up and student sign-in', () => {
  test('a teacher enrols the machine; a student then signs in with no network at all', async ({ page, context }) => {
    const lab = new LabMachine(page);
    await page.goto('/poste');
    await expectNoSeriousA11yViolations(page);
    await lab.enrol();
    await expect(page.getByText('Ce poste est inscrit sous le nom « Salle B12 – poste 3 ».')).toBeVisible();
    await expect(page.locator('[data-sync-state]')).toHaveAttribute('data-sync-state', 'ok');
    await expect(page.getByRole('status').filter({ hasText: 'Toutes les réponses sont envoyées' })).toBeVisible();
    await waitForServiceWorkerControl(page);

    await cutNetwork(context);
    await page.goto('/campagnes/QWERTY234');
    await expect(page.getByRole('heading', { level: 2, name: 'Je me connecte' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await lab.signInStudent('2NDE A', 'MARTIN Camille', '15/03/2010');
    await expect(page.getByRole('alert')).toHaveText('La date de naissance ne correspond pas. Vérifiez-la ou demandez à votre enseignant.');
    await page.getByLabel('Date de naissance (jj/mm/aaaa)').fill('14/03/2010');
    await page.getByRole('button', { name: 'Je me connecte' }).click();
    await expect(page.getByText('Connecté : Camille MARTIN')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    // The indicator tells that the relay cannot be reached.
    await expect(page.locator('[data-sync-state]')).toHaveAttribute('data-sync-state', 'offline', { timeout: 15_000 });
    await expect(page.getByText(/Relais injoignable depuis \d\d:\d\d/)).toBeVisible();

    await restoreNetwork(context);
    await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await expect(page.locator('[data-sync-state]')).toHaveAttribute('data-sync-state', 'ok', { timeout: 20_000 });
  });

  test('a student signs in offline with the personal code a teacher gave them', async ({ page, context, request }) => {
    const login = await request.post('/api/auth/login', { data: { email: 'enseignant@demo.local', password: 'demo-pass-2026' } });
    const { token } = (await login.json()) as { token: string };
    const issued = await request.post('/api/learners/demo-learner-02/personal-code', { headers: { authorization: `Bearer ${token}` } });
    expect(issued.status()).toBe(201);
    const { code } = (await issued.json()) as { code: string };

    const lab = new LabMachine(page);
    await lab.enrol('Salle B12 – poste 4');
    await waitForServiceWorkerControl(page);
    await cutNetwork(context);
    await page.goto('/campagnes/QWERTY234');
    await page.getByRole('button', { name: '2NDE A', exact: true }).click();
    await page.getByRole('button', { name: 'BERNARD Lucas', exact: true }).click();
    await page.getByRole('button', { name: "J'utilise mon code personnel" }).click();
    await page.getByLabel('Code personnel').fill('ABCD-EFGH');
    await page.getByRole('button', { name: 'Je me connecte' }).click();
    await expect(page.getByRole('alert')).toHaveText('Ce code personnel ne correspond pas. Vérifiez-le ou demandez à votre enseignant.');
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Code personnel').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Je me connecte' }).click();
    await expect(page.getByText('Connecté : Lucas BERNARD')).toBeVisible();
    await restoreNetwork(context);
  });

  test('enrolment is refused to an invigilator and with a wrong password, with a clear message', async ({ page }) => {
    await page.goto('/poste');
    await page.getByLabel('Adresse e-mail').fill('surveillant@demo.local');
    await page.getByLabel('Mot de passe').fill('demo-pass-2026');
    await page.getByLabel('Nom du poste').fill('Poste 9');
    await page.getByRole('button', { name: 'Inscrire ce poste' }).click();
    await expect(page.getByRole('alert')).toHaveText('Seuls les enseignants et les administrateurs peuvent inscrire un poste.');
    await page.getByLabel('Adresse e-mail').fill('enseignant@demo.local');
    await page.getByLabel('Mot de passe').fill('faux');
    await page.getByRole('button', { name: 'Inscrire ce poste' }).click();
    await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
  });
});
