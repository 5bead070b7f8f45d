import { expect, test } from '@playwright/test';
import { correctAnswer, wrongAnswer } from '../test/bank.ts';
import { LabMachine } from './pages/lab-machine.ts';
import { StudentCampaign } from './pages/student-campaign.ts';
import { callEngine, challengeById, engineWorkerUrl, shippedPack } from './support/engine-worker.ts';
import { cutNetwork, restoreNetwork, waitForServiceWorkerControl } from './support/offline.ts';
import { TeacherApi } from './support/relay-api.ts';

test('debug', async ({ page, context, request }) => {
  test.setTimeout(180_000);
  const api = new TeacherApi(request);
  const full = challengeById(shippedPack());
  const campaign = await api.createCampaign({ name: 'Dbg', title: 'Dbg', target: { competenceIds: ['1.1'] } });
  const student = new StudentCampaign(page);
  await new LabMachine(page).enrol('Dbg');
  await waitForServiceWorkerControl(page);
  await page.goto(`/campagnes/${campaign.code}`);
  await new LabMachine(page).signInStudent('2NDE A', 'SIMON Jade', '08/08/2010');
  await cutNetwork(context);
  await page.getByRole('button', { name: 'Je commence' }).click();
  await student.readRules();
  const assessmentId = await student.assessmentId();
  let reloaded = false;
  for (let n = 0; n < 30; n++) {
    if (n === 2 && !reloaded) { reloaded = true; await page.reload(); await page.getByRole('button', { name: 'Reprendre' }).click(); }
    const step = await student.step();
    if (step === 'end') break;
    if (step === 'checkpoint') { await page.getByRole('button', { name: /Continuer mon parcours|Voir mes résultats/ }).click(); continue; }
    const c = full(await student.challengeId());
    if (c.timer !== undefined) await page.getByRole('button', { name: 'Commencer', exact: true }).click();
    await student.answer(c, n % 3 === 2 ? wrongAnswer(c) : correctAnswer(c));
  }
  await page.getByRole('button', { name: "J'envoie mes résultats" }).click();
  await expect(page.getByText(/Vos résultats sont envoyés/)).toBeVisible();
  const url = engineWorkerUrl();
  await callEngine(page, url, 'signInLearner', { learnerId: 'demo-learner-11', birthDate: '08/08/2010' });
  console.log('BEFORE ONLINE', JSON.stringify(await callEngine(page, url, 'myAssessments', undefined as never)));
  await restoreNetwork(context);
  await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  await page.waitForTimeout(8000);
  console.log('AFTER ONLINE', JSON.stringify(await callEngine(page, url, 'myAssessments', undefined as never)));
  await page.goto(`/campagnes/${campaign.code}`);
  await page.waitForTimeout(3000);
  console.log('AFTER GOTO', (await page.locator('main').innerText()).replace(/\n/g, ' | '));
  console.log('AFTER GOTO ENGINE', JSON.stringify(await callEngine(page, url, 'myAssessments', undefined as never)));
  const relay = (await api.pull<{ id: string; state: string }>('assessments')).filter((a) => a.id === assessmentId);
  console.log('RELAY', JSON.stringify(relay));
});
