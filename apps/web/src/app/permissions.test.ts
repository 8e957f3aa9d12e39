import { describe, expect, it } from 'vitest';
import { canInvite, canManageRoster, canManageWave, canReadEmployeeResults, canWorkFollowUps, hasOwnInboxOnly, manageableAudiences, ownsOnlyOwnContacts, readableAudiences } from './permissions';

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

describe('employee results and the roster', () => {
  it('lets HR, admins and leaders read guarded employee results; HR and admins manage the roster', () => {
    expect(canReadEmployeeResults(['HR'])).toBe(true);
    expect(canReadEmployeeResults(['LEADER'])).toBe(true);
    expect(canReadEmployeeResults(['ADMIN'])).toBe(true);
    expect(canReadEmployeeResults(['CX'])).toBe(false);
    expect(canReadEmployeeResults(['MANAGER'])).toBe(false);
    expect(canManageRoster(['HR'])).toBe(true);
    expect(canManageRoster(['ADMIN'])).toBe(true);
    expect(canManageRoster(['LEADER'])).toBe(false);
    expect(canManageRoster(['CX', 'MANAGER'])).toBe(false);
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
