/**
 * The invigilator's certification sessions in a real Chromium against the real relay (src/core/certification/SPEC.md
 * [CERT-2] … [CERT-5], [CERT-7], [CERT-13]): the demo invigilator finds today's session with its certifiable
 * candidates, adds one, fills the session to 20 and is refused a 21st; creates and finalises a session; the public
 * verification page answers for an unknown code. axe on each screen.
 */
import { expect, test } from '@playwright/test';
import { InvigilatorSpace } from './pages/invigilator-space.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';

/** Today as the relay seeded it: the day in Paris, dd/mm/yyyy. */
function todayInParis(): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(new Date()).map((p) => [p.type, p.value]));
  return `${parts.day ?? ''}/${parts.month ?? ''}/${parts.year ?? ''}`;
}

/** Learners 8 to 20 of the demo class (sync-server/demo/demo-school.ts), as an invigilator's CSV. */
const THIRTEEN_MORE = [
  'Nom;Prénom;Date de naissance',
  'DURAND;Enzo;03/04/2010',
  'LEROY;Inès;12/12/2010',
  'MOREAU;Louis;21/06/2010',
  'SIMON;Jade;08/08/2010',
  'LAURENT;Gabriel;15/10/2010',
  'LEFEBVRE;Louise;01/03/2010',
  'MICHEL;Raphaël;24/12/2009',
  'GARCIA;Zoé;11/01/2010',
  'DAVID;Arthur;29/07/2010',
  'BERTRAND;Emma;06/05/2010',
  'ROUX;Jules;17/02/2010',
  'VINCENT;Lina;02/11/2010',
  'FOURNIER;Adam;23/08/2010',
].join('\n');

test.describe('invigilator: certification sessions', () => {
  test("the demo invigilator sees today's session, adds a candidate, fills it to 20 and is refused a 21st", async ({ page }) => {
    const space = new InvigilatorSpace(page);
    await space.signIn();
    const today = space.sessionLink(todayInParis(), 'Salle informatique B12');
    await expect(today).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await today.click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Session du ${todayInParis()}`);
    await expect(space.definition("Code d'accès")).toHaveText('CERT42');
    await expect(space.definition('Mot de passe surveillant')).toHaveText('SURV23');
    await expect(space.candidateRows()).toHaveCount(6);
    // Certifiable from the answers the demo learners gave, as the relay computed it.
    await expect(space.candidateRows().filter({ hasText: 'MARTIN' })).toContainText('Certifiable');
    await expectNoSeriousA11yViolations(page);

    await space.addCandidate({ lastName: 'PETIT', firstName: 'Manon', birthDate: '27/09/2010', extraTime: '33' });
    await expect(page.getByRole('status').filter({ hasText: 'Candidat ajouté.' })).toBeVisible();
    await expect(space.candidateRows()).toHaveCount(7);
    await expect(space.candidateRows().filter({ hasText: 'PETIT' })).toContainText('Non certifiable');

    await space.importCandidates(THIRTEEN_MORE);
    await expect(page.getByRole('status').filter({ hasText: 'Candidats importés.' })).toBeVisible();
    await expect(space.candidateRows()).toHaveCount(20);

    await space.addCandidate({ lastName: 'MOREL', firstName: 'Alice', birthDate: '26/04/2010' });
    await expect(page.getByRole('alert')).toContainText('20 candidats');
    await expect(space.candidateRows()).toHaveCount(20);
    await expectNoSeriousA11yViolations(page);
  });

  test('an invigilator creates a session, refuses an unknown candidate, finalises it; the verification page answers', async ({ page }) => {
    const space = new InvigilatorSpace(page);
    await space.signIn();
    await page.getByRole('link', { name: 'Créer une session' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Créer une session' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Salle').fill('Salle 7');
    await page.getByLabel('Adresse').fill('2 place du Marché');
    await page.getByLabel('Date').fill('2026-12-20');
    await page.getByLabel('Heure').fill('10:30');
    await page.getByLabel('Description').fill('Seconde session');
    await page.getByRole('button', { name: 'Créer la session' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Session du 20/12/2026 à 10:30, Salle 7');
    await expect(space.definition("Code d'accès")).toHaveText(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);

    await page.getByRole('button', { name: 'Modifier la session' }).click();
    await page.getByLabel('Salle').fill('Salle 8');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Salle 8');
    await expect(page.getByRole('status').filter({ hasText: 'Session enregistrée.' })).toBeVisible();

    await space.addCandidate({ lastName: 'INCONNU', firstName: 'Personne', birthDate: '01/01/2010' });
    await expect(page.getByRole('alert')).toContainText("n'est pas un élève de l'établissement");

    await page.getByRole('link', { name: 'Finaliser la session' }).click();
    await expect(page.getByRole('heading', { level: 1, name: "Finaliser la session (PV d'incident)" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Commentaire global').fill('Aucun candidat présent.');
    await page.getByLabel('Un incident a eu lieu pendant la session').check();
    await page.getByRole('button', { name: 'Finaliser la session' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Résultats' })).toBeVisible();
    await expect(space.definition('État')).toHaveText('Résultats disponibles');
    await expectNoSeriousA11yViolations(page);

    await page.goto('/verification/P-ZZZZZZZZ');
    await expect(page.getByRole('alert')).toHaveText('Aucune attestation ne correspond à ce code.');
    await expectNoSeriousA11yViolations(page);
  });
});
