import { describe, expect, it } from 'vitest';
import { budgetClassificationOf, defaultFinanceSettings, isFinanceUnconfirmed, submissionDayOf, validateFinanceSettings } from '../../../src/settings/finance';
import { freshStore } from '../db/helpers';

describe('finance settings', () => {
  it('ship the budget title/article 59.11 and submission day 10 as defaults to confirm', () => {
    const shipped = defaultFinanceSettings();
    expect(isFinanceUnconfirmed(shipped)).toBe(true);
    expect(budgetClassificationOf(shipped)).toEqual({ chapter: '68.02', subchapter: '', titleArticle: '59.11', titleArticleLabel: 'Asociații și fundații', isDefault: true });
    expect(submissionDayOf(shipped)).toBe(10);
  });

  it('name what is wrong: title/article format, submission day range, a confirmation without its date', () => {
    const { errors } = validateFinanceSettings({ ...defaultFinanceSettings(), budgetTitleArticle: '5911', submissionDay: '31', confirmedBy: 'Ioana Pop' });
    expect(errors).toEqual({
      budgetTitleArticle: 'Titlul/articolul bugetar se scrie „59.11”.',
      submissionDay: 'Ziua de depunere a decontului trebuie să fie între 1 și 28.',
      confirmedOn: 'Indicați data la care valorile au fost confirmate.',
    });
  });

  it('are stored with an audit entry, the confirmation date as ISO, and a stale version refused', async () => {
    const store = await freshStore();
    const { value, version } = await store.settings.getFinanceVersioned();
    expect(version).toBe(0);
    const saved = await store.settings.saveFinance({ ...value, confirmedBy: 'Ioana Pop', confirmedOn: '10.01.2027' }, version);
    expect(saved.confirmedOn).toBe('2027-01-10');
    expect(budgetClassificationOf(await store.settings.getFinance()).isDefault).toBe(false);
    await expect(store.settings.saveFinance(saved, version)).rejects.toThrow(/modificate între timp/);
    const audit = await store.db.audit.where('entity').equals('settings').toArray();
    expect(audit.filter((a) => a.entityId === 'finance')).toHaveLength(1);
  });
});
