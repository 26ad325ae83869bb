import { expect, type Locator, type Page } from '@playwright/test';

/** The programme page of a coordinator: people, rules, cohorts and import tabs. */
export class ProgrammePage {
  readonly rows: Locator;

  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
    this.rows = page.getByTestId('person-row');
  }

  async open(programmeId: string, tab: '' | 'regles' | 'cohortes' | 'import' = '') {
    await this.page.goto(`/programmes/${programmeId}${tab ? `/${tab}` : ''}`);
    await expect(this.page.getByRole('navigation', { name: 'Sections du programme' })).toBeVisible();
  }

  tab(name: string) {
    return this.page.getByRole('navigation', { name: 'Sections du programme' }).getByRole('link', { name });
  }

  row(name: string | RegExp) {
    return this.rows.filter({ has: this.page.getByRole('button', { name }) });
  }

  async filterRole(option: RegExp) {
    await this.page.getByRole('combobox', { name: 'Rôle', exact: true }).click();
    await this.page.getByRole('option', { name: option }).click();
  }

  async search(text: string) {
    await this.page.getByRole('textbox', { name: 'Rechercher' }).fill(text);
  }

  /** Picks an option of a Mantine select by its label. */
  async choose(label: string, option: string | RegExp, scope: Page | Locator = this.page) {
    await scope.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option }).click();
  }
}
