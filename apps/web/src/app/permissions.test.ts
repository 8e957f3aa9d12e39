import { describe, expect, it } from 'vitest';
import { canInvite, canManageWave, canWorkFollowUps, hasOwnInboxOnly, manageableAudiences, ownsOnlyOwnContacts, readableAudiences } from './permissions';

describe('waves', () => {
  it('lets CX run identified waves, HR employee waves, ADMIN all', () => {
    expect(manageableAudiences(['CX'])).toEqual(['CUSTOMER', 'CANDIDATE', 'ASSOCIATE']);
    expect(manageableAudiences(['HR'])).toEqual(['EMPLOYEE']);
    expect(manageableAudiences(['ADMIN'])).toEqual(['CUSTOMER', 'CANDIDATE', 'ASSOCIATE', 'EMPLOYEE']);
    expect(manageableAudiences(['MANAGER', 'LEADER'])).toEqual([]);
    expect(canManageWave(['CX'], 'EMPLOYEE')).toBe(false);
    expect(canManageWave(['HR'], 'EMPLOYEE')).toBe(true);
  });

  it('lets managers read identified waves, HR employee waves, leaders all', () => {
    expect(readableAudiences(['MANAGER'])).toEqual(['CUSTOMER', 'CANDIDATE', 'ASSOCIATE']);
    expect(readableAudiences(['HR'])).toEqual(['EMPLOYEE']);
    expect(readableAudiences(['LEADER'])).toHaveLength(4);
  });

  it('lets CX and managers invite contacts, HR and admins the employee roster', () => {
    expect(canInvite(['MANAGER'], 'CUSTOMER')).toBe(true);
    expect(canInvite(['CX'], 'EMPLOYEE')).toBe(false);
    expect(canInvite(['MANAGER'], 'EMPLOYEE')).toBe(false);
    expect(canInvite(['HR'], 'EMPLOYEE')).toBe(true);
    expect(canInvite(['HR'], 'CUSTOMER')).toBe(false);
    expect(canInvite(['ADMIN'], 'EMPLOYEE')).toBe(true);
    expect(canInvite(['LEADER'], 'CUSTOMER')).toBe(false);
  });
});

describe('follow-ups and contacts', () => {
  it('gives a plain manager an own inbox and own contacts', () => {
    expect(hasOwnInboxOnly(['MANAGER'])).toBe(true);
    expect(hasOwnInboxOnly(['MANAGER', 'CX'])).toBe(false);
    expect(ownsOnlyOwnContacts(['MANAGER'])).toBe(true);
    expect(ownsOnlyOwnContacts(['MANAGER', 'ADMIN'])).toBe(false);
  });

  it('lets leaders read follow-ups only', () => {
    expect(canWorkFollowUps(['LEADER'])).toBe(false);
    expect(canWorkFollowUps(['MANAGER'])).toBe(true);
  });
});
