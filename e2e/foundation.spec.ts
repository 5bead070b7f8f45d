import { chromium, expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { cutNetwork, restoreNetwork, waitForServiceWorkerControl } from './support/offline.ts';

test.describe('foundation: an installable app that keeps working offline', () => {
  test('the home page renders in French with every entry point', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    for (const name of ["J'ai un code", 'Certification', 'Espace enseignant', 'Espace surveillant', 'Inscrire ce poste']) {
      await expect(page.getByRole(name === "J'ai un code" ? 'button' : 'link', { name, exact: true })).toBeVisible();
    }
    await expect(page.locator('[data-engine]')).toHaveAttribute('data-engine', 'ready');
    await expectNoSeriousA11yViolations(page);
  });

  test('the service worker controls the page and a reload works with the network cut', async ({ page, context }) => {
    await page.goto('/');
    await waitForServiceWorkerControl(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);

    await cutNetwork(context);
    expect(await page.evaluate(() => fetch('/api/health').then(() => 'reached', () => 'unreachable'))).toBe('unreachable');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue' })).toBeVisible();
    // A deep link is served offline too (SPA fallback from the precache).
    await page.goto('/campagnes/QWERTY234');
    await expect(page.getByRole('heading', { level: 1, name: 'Parcours QWERTY234' })).toBeVisible();
    await expect(page.locator('[data-engine]')).toHaveAttribute('data-engine', 'ready');
    await restoreNetwork(context);
  });

  test('the manifest is valid and Chromium finds the app installable', async ({ page, request, baseURL }, testInfo) => {
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const manifest = (await (await request.get(href ?? '')).json()) as { name: string; short_name: string; start_url: string; display: string; lang: string; icons: { src: string; sizes: string; type: string }[] };
    expect(manifest).toMatchObject({ short_name: 'Pix Lab', start_url: '/', display: 'standalone', lang: 'fr' });
    for (const size of ['192x192', '512x512']) {
      const icon = manifest.icons.find((i) => i.sizes === size && i.type === 'image/png');
      expect(icon, size).toBeDefined();
      const response = await request.get(icon?.src ?? '');
      expect(response.headers()['content-type']).toBe('image/png');
    }
    // Installability is judged in a real (non-incognito) profile, as on a lab machine.
    const profile = await chromium.launchPersistentContext(testInfo.outputPath('profile'), {
      ...testInfo.project.use.launchOptions,
      baseURL: baseURL ?? '',
      serviceWorkers: 'allow',
    });
    try {
      const installed = profile.pages()[0] ?? (await profile.newPage());
      await installed.goto('/');
      await waitForServiceWorkerControl(installed);
      const cdp = await profile.newCDPSession(installed);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
      expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
    } finally {
      await profile.close();
    }
  });

  test('keyboard only: a student reaches the code field and starts a campaign', async ({ page }) => {
    await page.goto('/');
    const codeButton = page.getByRole('button', { name: "J'ai un code" });
    for (let i = 0; i < 10 && !(await codeButton.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(codeButton).toBeFocused();
    await page.keyboard.press('Enter');
    const field = page.getByLabel('Saisissez le code du parcours');
    await field.focus();
    await page.keyboard.type('qwerty1');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toContainText("Ce code n'est pas valide");
    await field.fill('');
    await page.keyboard.type('qwe rty 234');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Commencer mon parcours' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/campagnes\/QWERTY234$/);
    await expectNoSeriousA11yViolations(page);
  });

  test('a teacher signs in from the teacher space; a wrong password is refused', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Espace enseignant' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Espace enseignant' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Adresse e-mail').fill('enseignant@demo.local');
    await page.getByLabel('Mot de passe').fill('mauvais');
    await page.getByRole('button', { name: 'Je me connecte' }).click();
    await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
    await page.getByLabel('Mot de passe').fill('demo-pass-2026');
    await page.getByRole('button', { name: 'Je me connecte' }).click();
    await expect(page.getByText('Connecté en tant que Émile Enseignant')).toBeVisible();
  });

  test('English is the second language and every screen switches', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Langue').selectOption('en');
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await expect(page.getByRole('button', { name: 'I have a code' })).toBeVisible();
    await page.getByLabel('Language').selectOption('fr');
    await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue' })).toBeVisible();
  });
});

test.describe('foundation: the relay process', () => {
  test('health, demo logins and device enrolment over real HTTP', async ({ request }) => {
    const health = await request.get('/api/health');
    expect(health.status()).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', storage: 'sqlite' });
    const tokens: Record<string, string> = {};
    for (const email of ['admin@demo.local', 'enseignant@demo.local', 'surveillant@demo.local']) {
      const response = await request.post('/api/auth/login', { data: { email, password: 'demo-pass-2026' } });
      expect(response.status(), email).toBe(200);
      tokens[email] = ((await response.json()) as { token: string }).token;
    }
    const wrong = await request.post('/api/auth/login', { data: { email: 'admin@demo.local', password: 'x' } });
    expect(wrong.status()).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_credentials' });
    const enrolled = await request.post('/api/devices', { data: { name: 'Poste 1' }, headers: { authorization: `Bearer ${tokens['enseignant@demo.local']}` } });
    expect(enrolled.status()).toBe(201);
    const anonymous = await request.post('/api/devices', { data: { name: 'Poste 1' } });
    expect(anonymous.status()).toBe(401);
  });
});
