import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** Page model of a lab machine: enrolment and student sign-in, by the words people see. */
export class LabMachine {
  constructor(readonly page: Page) {}

  async enrol(name = 'Salle B12 – poste 3', email = 'enseignant@demo.local', password = 'demo-pass-2026'): Promise<void> {
    await this.page.goto('/');
    await this.page.getByRole('link', { name: 'Inscrire ce poste' }).click();
    await this.page.getByLabel('Adresse e-mail').fill(email);
    await this.page.getByLabel('Mot de passe').fill(password);
    await this.page.getByLabel('Nom du poste').fill(name);
    await this.page.getByRole('button', { name: 'Inscrire ce poste' }).click();
    await expect(this.page.getByText('Poste inscrit', { exact: true })).toBeVisible({ timeout: 20_000 });
  }

  async signInStudent(className: string, name: string, birthDate: string): Promise<void> {
    await this.page.getByRole('button', { name: className, exact: true }).click();
    await this.page.getByRole('button', { name, exact: true }).click();
    await this.page.getByLabel('Date de naissance (jj/mm/aaaa)').fill(birthDate);
    await this.page.getByRole('button', { name: 'Je me connecte' }).click();
  }
}
