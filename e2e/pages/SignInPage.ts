import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../env.ts';

export class SignInPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open() {
    await this.page.goto('/connexion');
    await expect(this.page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  }

  async withPassword(email: string, password = DEMO_PASSWORD) {
    await this.page.getByLabel('Adresse e-mail').fill(email);
    // "Mot de passe" also names the tab panel the field sits in.
    await this.page
      .getByRole('tabpanel', { name: 'Mot de passe' })
      .locator('input[type="password"]')
      .fill(password);
    await this.page.getByRole('button', { name: 'Se connecter' }).click();
  }

  async askForLink(email: string) {
    await this.page.getByRole('tab', { name: 'Lien par e-mail' }).click();
    await this.page.getByLabel('Adresse e-mail').fill(email);
    await this.page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
    await expect(this.page.getByText('Vérifiez votre messagerie')).toBeVisible();
  }
}
