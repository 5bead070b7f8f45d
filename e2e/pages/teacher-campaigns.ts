/** Page model of the teacher's campaigns: the list, the creation form, a campaign's tabs and export, by the words teachers see. */
import { expect } from '@playwright/test';
import type { Download, Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

export class TeacherCampaigns {
  constructor(readonly page: Page) {}

  async openList(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Espace enseignant' }).getByRole('link', { name: 'Campagnes' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Campagnes' })).toBeVisible();
    await expect(this.page.getByRole('table').locator('caption')).toBeVisible();
  }

  /** "Créer une campagne" through the form; answers the new campaign's code, read on its page. */
  async create(input: { name: string; purpose: 'Évaluer les participants' | 'Collecter les profils Pix des participants'; tubes?: { competence: string; titles: string[] }; title: string; landingText: string; multipleSendings?: boolean }): Promise<{ code: string; id: string }> {
    await this.page.getByRole('link', { name: 'Créer une campagne' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Créer une campagne' })).toBeVisible();
    await this.page.getByLabel('Nom de la campagne').fill(input.name);
    await this.page.getByRole('group', { name: 'Objectif de la campagne' }).getByLabel(input.purpose).check();
    if (input.tubes) {
      const target = this.page.getByRole('group', { name: 'Que souhaitez-vous tester ?' });
      await target.getByLabel('Des sujets précis').check();
      const competence = target.getByRole('group', { name: input.tubes.competence });
      for (const title of input.tubes.titles) await competence.getByLabel(title).check();
    }
    await this.page.getByLabel('Titre du parcours').fill(input.title);
    await this.page.getByLabel("Texte de la page d'accueil").fill(input.landingText);
    if (input.multipleSendings) await this.page.getByRole('group', { name: /Envoi multiple/ }).getByLabel('Oui').check();
    await this.page.getByRole('button', { name: 'Créer la campagne' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: input.name })).toBeVisible();
    const code = (await this.page.getByTestId('campaign-code').innerText()).trim();
    const id = /\/enseignant\/campagnes\/([^/?]+)/.exec(this.page.url())?.[1] ?? '';
    return { code, id };
  }

  tab(name: 'Activité' | 'Résultats' | 'Analyse' | 'Paramètres'): Locator {
    return this.page.getByRole('tab', { name });
  }

  async openTab(name: 'Activité' | 'Résultats' | 'Analyse' | 'Paramètres'): Promise<Locator> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
    const panel = this.page.getByRole('tabpanel', { name });
    await expect(panel.getByRole('heading', { level: 2, name })).toBeVisible();
    return panel;
  }

  /** The participants list row of a student ("NOM Prénom"). */
  participantRow(name: string): Locator {
    return this.page.getByRole('tabpanel', { name: 'Activité' }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
  }

  /** "Exporter les résultats (.csv)": the downloaded file's name and text. */
  async exportCsv(): Promise<{ fileName: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: 'Exporter les résultats (.csv)' }).click()]);
    return { fileName: download.suggestedFilename(), text: await readDownload(download) };
  }
}

async function readDownload(download: Download): Promise<string> {
  const path = await download.path();
  return readFile(path, 'utf8');
}
