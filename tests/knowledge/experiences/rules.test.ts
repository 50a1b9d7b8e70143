import { describe, expect, it } from 'vitest';
import { auditTrail, recordAudit } from '../../../src/knowledge/experiences/audit.ts';
import { parseTypedTags, STATUSES, tagProblem } from '../../../src/knowledge/experiences/rules.ts';
import { decideStatusChange, nextStatus, STATUS_ACTIONS } from '../../../src/knowledge/experiences/status.ts';
import { can, ROLES, type Actor } from '../../../src/knowledge/experiences/roles.ts';
import { testDatabases } from '../../helpers/db.ts';

const member: Actor = { memberId: 1, role: 'member' };
const curator: Actor = { memberId: 2, role: 'curator' };
const admin: Actor = { memberId: 3, role: 'admin' };

describe('tags: one rule for kb-format and /share', () => {
  it('turns what a member types into tags that kb-format accepts, in any script', () => {
    const tags = parseTypedTags('گمرک، حمل‌ونقل ,Letter of Credit; 清关、 付款，Incoterms_2020, -حمل\u200c- , Café!, گمرک')!;
    expect(tags).toEqual(['گمرک', 'حمل‌ونقل', 'letter-of-credit', '清关', '付款', 'incoterms-2020', 'حمل', 'café']);
    for (const tag of tags) expect(tagProblem(tag)).toBeUndefined();
  });

  it('refuses more than 12 tags or one over 40 characters', () => {
    expect(parseTypedTags(Array.from({ length: 12 }, (_, i) => `t${i}`).join(','))).toHaveLength(12);
    expect(parseTypedTags(Array.from({ length: 13 }, (_, i) => `t${i}`).join(','))).toBeUndefined();
    expect(parseTypedTags('清'.repeat(41))).toBeUndefined();
  });
});

describe('status transitions', () => {
  it('follow draft → pending → published | rejected, published → archived, and a withdrawal back to draft', () => {
    const table = Object.fromEntries(
      STATUS_ACTIONS.map((action) => [action, STATUSES.flatMap((from) => (nextStatus(from, action) ? [`${from}→${nextStatus(from, action)}`] : []))]),
    );
    expect(table).toEqual({
      'experience.submit': ['draft→pending'],
      'experience.withdraw': ['pending→draft'],
      'experience.publish': ['pending→published'],
      'experience.reject': ['pending→rejected'],
      'experience.archive': ['published→archived'],
      'experience.merge': ['pending→archived'],
    });
  });

  it('let a member submit and withdraw their own contribution only, and staff decide on any', () => {
    const own = { status: 'draft' as const, contributorMemberId: member.memberId };
    expect(decideStatusChange(member, 'experience.submit', own)).toEqual({ ok: true, from: 'draft', to: 'pending' });
    expect(decideStatusChange(curator, 'experience.submit', own)).toEqual({ ok: false, reason: 'forbidden', from: 'draft' });
    expect(decideStatusChange(member, 'experience.withdraw', { ...own, status: 'pending' })).toMatchObject({ ok: true, to: 'draft' });
    expect(decideStatusChange(member, 'experience.publish', { ...own, status: 'pending' })).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(decideStatusChange(curator, 'experience.publish', { ...own, status: 'pending' })).toMatchObject({ ok: true, to: 'published' });
    expect(decideStatusChange(admin, 'experience.reject', { status: 'pending' })).toMatchObject({ ok: true, to: 'rejected' });
    expect(decideStatusChange(curator, 'experience.publish', { status: 'rejected' })).toEqual({ ok: false, reason: 'not-now', from: 'rejected' });
    expect(decideStatusChange(curator, 'experience.archive', { status: 'published' })).toMatchObject({ ok: true, to: 'archived' });
  });
});

describe('can', () => {
  it('gives review decisions to curators and admins, roles to admins, and own contributions to their member', () => {
    const who = (action: Parameters<typeof can>[1], subject?: { ownerId?: number }) => ROLES.filter((role) => can({ memberId: 9, role }, action, subject));
    expect(who('experience.publish')).toEqual(['curator', 'admin']);
    expect(who('experience.reject')).toEqual(['curator', 'admin']);
    expect(who('experience.archive')).toEqual(['curator', 'admin']);
    expect(who('member.set-role')).toEqual(['admin']);
    expect(who('experience.submit', { ownerId: 9 })).toEqual(['member', 'curator', 'admin']);
    expect(who('experience.withdraw', { ownerId: 8 })).toEqual([]);
    expect(who('experience.withdraw')).toEqual([]);
  });
});

describe.each(testDatabases())('recordAudit on $name', ({ open }) => {
  it("writes its row in the caller's transaction: kept when it commits, gone when it rolls back", async () => {
    const db = await open();
    try {
      const at = new Date('2025-03-14T10:00:00Z');
      await db.transaction((tx) =>
        recordAudit(tx, {
          actorId: null,
          action: 'experience.publish',
          subject: 'experience:7',
          before: { status: 'pending' },
          after: { status: 'published' },
          at,
        }),
      );
      await expect(
        db.transaction(async (tx) => {
          await recordAudit(tx, { actorId: null, action: 'experience.archive', subject: 'experience:7' });
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await auditTrail(db, 'experience:7')).toEqual([
        { actorId: null, action: 'experience.publish', subject: 'experience:7', before: { status: 'pending' }, after: { status: 'published' }, at },
      ]);
    } finally {
      await db.close();
    }
  });
});
