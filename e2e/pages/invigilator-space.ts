/** Page model of the invigilator space: sign-in, the sessions, a session with its candidates, finalisation. */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export interface CandidateEntry {
  lastName: string;
  firstName: string;
  birthDate: string;
  extraTime?: string;
}

export class InvigilatorSpace {
  constructor(private readonly page: Page) {}

  async signIn(email = 'surveillant@demo.local', password = 'demo-pass-2026'): Promise<void> {
    await this.page.goto('/surveillant');
    await this.page.getByLabel('Adresse e-mail').fill(email);
    await this.page.getByLabel('Mot de passe').fill(password);
    await this.page.getByRole('button', { name: 'Je me connecte' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Connecté en tant que' })).toBeVisible();
    await this.page.getByRole('link', { name: 'Mes sessions de certification' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Sessions de certification' })).toBeVisible();
  }

  sessionLink(day: string, room: string): Locator {
    return this.page.getByRole('link', { name: `Session du ${day}, ${room}` });
  }

  /** The definition shown under a term ("Code d'accès" → "CERT42"). */
  definition(term: string): Locator {
    return this.page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
  }

  candidateRows(): Locator {
    return this.page.getByRole('table').filter({ has: this.page.locator('caption', { hasText: 'inscrit' }) }).locator('tbody tr');
  }

  /** Fills "Ajouter un candidat" and sends it from the keyboard (Enter in the last field). */
  async addCandidate(entry: CandidateEntry): Promise<void> {
    const form = this.page.getByRole('region', { name: 'Ajouter un candidat' });
    await form.getByLabel('Nom', { exact: true }).fill(entry.lastName);
    await form.getByLabel('Prénom').fill(entry.firstName);
    await form.getByLabel('Date de naissance').fill(entry.birthDate);
    await form.getByLabel('Temps majoré (%)').fill(entry.extraTime ?? '0');
    await form.getByRole('button', { name: 'Ajouter', exact: true }).focus();
    await this.page.keyboard.press('Enter');
  }

  async importCandidates(csv: string): Promise<void> {
    await this.page.getByLabel('Fichier CSV des candidats').setInputFiles({ name: 'candidats.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await this.page.getByRole('button', { name: 'Importer les candidats' }).click();
  }
}
