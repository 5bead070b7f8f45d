/** Page models of "Équipe" and "Postes" in the teacher space, and of the invitee's page, by the words people see. */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export class TeamPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Espace enseignant' }).getByRole('link', { name: 'Équipe' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Équipe' })).toBeVisible();
    await expect(this.members().locator('caption')).toBeVisible();
  }

  members(): Locator {
    return this.page.getByRole('table');
  }

  /** Rows as "NOM Prénom adresse Rôle…" (whitespace collapsed). */
  async rows(): Promise<string[]> {
    return (await this.members().locator('tbody tr').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  /** "Inviter un membre": answers the link shown once. */
  async invite(email: string, roleLabel: string): Promise<string> {
    await this.page.getByLabel('Adresse e-mail du membre').fill(email);
    await this.page.getByLabel('Rôle', { exact: true }).selectOption({ label: roleLabel });
    await this.page.getByRole('button', { name: "Créer l'invitation" }).click();
    await expect(this.page.getByRole('status').filter({ hasText: `Invitation créée pour ${email}.` })).toBeVisible();
    return this.page.getByLabel("Lien d'invitation").inputValue();
  }

  pendingInvitations(): Locator {
    return this.page.getByRole('region', { name: 'Invitations en attente' }).getByRole('listitem');
  }
}

export class DevicesPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Espace enseignant' }).getByRole('link', { name: 'Postes' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Postes' })).toBeVisible();
  }

  verdict(): Locator {
    return this.page.locator('.lab-verdict');
  }

  row(machine: string): Locator {
    return this.page.locator(`tr[data-machine="${machine}"]`);
  }

  /** "Synchroniser maintenant" in the teacher space: the list as the machines last reported. */
  async refresh(): Promise<void> {
    await this.page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await expect(this.page.getByRole('button', { name: 'Synchroniser maintenant' })).toBeEnabled();
  }

  /** Refreshes until the machine's row says `text` (a machine reports a little after it syncs). */
  async waitForRow(machine: string, text: string | RegExp): Promise<void> {
    await expect(async () => {
      await this.refresh();
      await expect(this.row(machine)).toContainText(text, { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
  }

  /** The pending count each listed machine reported ('' when it has not). */
  async pendingPerMachine(): Promise<string[]> {
    return this.page.locator('tr[data-machine]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-pending') ?? ''));
  }
}

export class InvitationPage {
  constructor(private readonly page: Page) {}

  async accept(firstName: string, lastName: string, password: string): Promise<void> {
    await this.page.getByLabel('Prénom').fill(firstName);
    await this.page.getByLabel('Nom', { exact: true }).fill(lastName);
    await this.page.getByLabel('Mot de passe', { exact: true }).fill(password);
    await this.page.getByLabel('Confirmez le mot de passe').fill(password);
    await this.page.getByRole('button', { name: 'Créer mon compte' }).click();
  }
}
