/** Page model of the teacher space: sign-in, the menu, and the "Élèves" page. */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export class TeacherSpace {
  constructor(private readonly page: Page) {}

  async signIn(email = 'enseignant@demo.local', password = 'demo-pass-2026'): Promise<void> {
    await this.page.goto('/enseignant');
    await this.page.getByLabel('Adresse e-mail').fill(email);
    await this.page.getByLabel('Mot de passe').fill(password);
    await this.page.getByRole('button', { name: 'Je me connecte' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Connecté en tant que' })).toBeVisible();
    await this.page.getByRole('link', { name: "Ouvrir l'espace enseignant" }).click();
  }

  menu(): Locator {
    return this.page.getByRole('navigation', { name: 'Espace enseignant' });
  }

  async openStudents(): Promise<void> {
    await this.menu().getByRole('link', { name: 'Élèves' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Élèves' })).toBeVisible();
    await expect(this.table().locator('caption')).toBeVisible();
  }

  table(): Locator {
    return this.page.getByRole('table');
  }

  /** Rows of the list as "NOM Prénom Classe Date Certificabilité". */
  async rows(): Promise<string[]> {
    return (await this.table().locator('tbody tr').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  /** Chooses the format and the file, then sends it with the keyboard. */
  async importFile(formatLabel: string, path: string): Promise<void> {
    await this.page.getByLabel('Format du fichier').selectOption({ label: formatLabel });
    await this.page.getByLabel('Fichier à importer').setInputFiles(path);
    await this.page.getByRole('button', { name: 'Importer la liste' }).focus();
    await this.page.keyboard.press('Enter');
  }

  /** Starts recording every aria-valuenow the import's progress bar shows (it can come and go within a second). */
  async recordProgress(): Promise<void> {
    await this.page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { importProgress: number[] }).importProgress = seen;
      const note = (): void => {
        const bar = document.querySelector('[role="progressbar"]');
        const value = Number(bar?.getAttribute('aria-valuenow'));
        if (bar && seen.at(-1) !== value) seen.push(value);
      };
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    });
  }

  async recordedProgress(): Promise<number[]> {
    return this.page.evaluate(() => (window as unknown as { importProgress: number[] }).importProgress);
  }
}
