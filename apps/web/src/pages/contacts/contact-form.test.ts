import { describe, expect, it } from 'vitest';
import { contactInput, draftOf, emptyDraft, missingFields, ownerOptions } from './contact-form';

describe('contact form', () => {
  it('starts empty with one segment row, in the given language', () => {
    expect(emptyDraft('pl')).toEqual({ email: '', name: '', language: 'pl', ownerId: '', orgUnitId: '', segments: [{ key: '', value: '' }], annualValue: '' });
  });

  it('fills the form from a contact', () => {
    const draft = draftOf({
      email: 'a@b.test',
      name: 'Anna',
      language: 'pl',
      owner: { id: 'u1' },
      orgUnit: null,
      segments: [{ key: 'region', value: 'EU' }],
      annualValue: 1200.5,
    });
    expect(draft).toEqual({ email: 'a@b.test', name: 'Anna', language: 'pl', ownerId: 'u1', orgUnitId: '', segments: [{ key: 'region', value: 'EU' }], annualValue: '1200.5' });
  });

  it('sends trimmed values, empty choices as null, and no blank segment rows', () => {
    const input = contactInput({
      email: ' anna@firma.test ',
      name: ' Anna ',
      language: 'pl',
      ownerId: '',
      orgUnitId: 'o1',
      segments: [
        { key: ' region ', value: ' EU ' },
        { key: '', value: '' },
        { key: 'product', value: '' },
      ],
      annualValue: ' 12000.50 ',
    });
    expect(input).toEqual({
      email: 'anna@firma.test',
      name: 'Anna',
      language: 'pl',
      ownerId: null,
      orgUnitId: 'o1',
      segments: [
        { key: 'region', value: 'EU' },
        { key: 'product', value: '' },
      ],
      annualValue: 12000.5,
    });
    expect(contactInput({ ...emptyDraft(), annualValue: '' }).annualValue).toBeNull();
  });

  it('names the fields still empty', () => {
    expect(missingFields(emptyDraft())).toEqual(['email', 'name']);
    expect(missingFields({ ...emptyDraft(), email: 'x', name: ' y ' })).toEqual([]);
  });

  it('offers each owner once, by name', () => {
    const marta = { id: 'm', name: 'Marta', email: 'm@x' };
    const jessica = { id: 'j', name: 'Jessica', email: 'j@x' };
    expect(ownerOptions([marta, null, jessica, marta, undefined])).toEqual([jessica, marta]);
  });
});
