import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/cli';
import { count, tempDir, testCore } from '../../support/helpers';
import { call, officeCore } from '../../support/ledger-helpers';
import { cliRun } from '../../support/cli-capture';

const NOTICE = {
  number: '…/TB-UBND',
  noticeDate: '2024-07-11',
  issuer: 'UBND tỉnh Lạng Sơn',
  signer: 'TL. Chủ tịch - Chánh Văn phòng',
  tasks: [
    { item: '2.5', text: 'Khởi công các công trình trong tháng 7/2024', owner: 'UBND huyện', deadline: '2024-07-31' },
    { item: '2.6', text: 'Ban hành văn bản hướng dẫn tháo gỡ khó khăn', owner: 'Các sở, ngành', deadline: '2024-07-15' },
  ],
};

describe('follow-up: notices and tasks', () => {
  it('a task is overdue after its deadline unless done; a deadline before the notice is refused and nothing is written', () => {
    const core = officeCore();
    const notice = call(core, 'notices.create', NOTICE);
    expect(notice.tasks.map((t) => t.item)).toEqual(['2.5', '2.6']);
    const on = (asOf: string) => call(core, 'tasks.list', { asOf }).find((t) => t.item === '2.6')!;
    expect(on('2024-07-15').overdue).toBe(false);
    expect(on('2024-07-16').overdue).toBe(true);
    call(core, 'tasks.update', { id: on('2024-07-16').id, patch: { status: 'hoan_thanh', evidence: 'Công văn 123/SKHĐT' } });
    expect(on('2024-07-16').overdue).toBe(false);
    // A task links to the obstacle it answers and the decision that carries it out; unknown ones are refused.
    const o = call(core, 'obstacles.create', { description: 'x', category: 'khac', raisedOn: '2024-07-01', resolvingLevel: 'tinh' });
    expect(call(core, 'tasks.update', { id: on('2024-07-16').id, patch: { obstacleId: o.id } })).toMatchObject({ obstacleId: o.id });
    expect(core.invoke('tasks.update', { id: on('2024-07-16').id, patch: { decisionId: 999 } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const before = [count(core, 'notice'), count(core, 'notice_task'), count(core, 'audit_log')];
    const bad = core.invoke('notices.create', { ...NOTICE, tasks: [NOTICE.tasks[0]!, { ...NOTICE.tasks[1]!, deadline: '2024-07-10' }] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'DEADLINE_BEFORE_NOTICE' } });
    if (!bad.ok) expect(bad.error.message).toContain('Nhiệm vụ 2.6: hạn 10/07/2024 đứng trước ngày thông báo 11/07/2024');
    expect([count(core, 'notice'), count(core, 'notice_task'), count(core, 'audit_log')]).toEqual(before);
  });
});

describe('follow-up: obstacles', () => {
  const base = { description: 'Chưa có định mức hỗ trợ phát triển sản xuất', category: 'phap_ly', raisedOn: '2024-05-10', resolvingLevel: 'tinh', dueDate: '2024-07-15', programCode: 'GNBV' } as const;

  it('escalated to tỉnh with a document, answered; overdue only while open', () => {
    const core = officeCore();
    const o = call(core, 'obstacles.create', { ...base, amountAtRisk: { text: '540', unit: 'trieu' } });
    expect(o).toMatchObject({ status: 'moi', amountAtRiskDong: 540_000_000 });
    const escalated = call(core, 'obstacles.escalate', { id: o.id, toLevel: 'tinh', toBody: 'Sở Tài chính', document: 'CV 45/UBND', sentOn: '2024-06-05' });
    expect(escalated).toMatchObject({ status: 'da_de_xuat', resolvingLevel: 'tinh', escalations: [{ toLevel: 'tinh', toBody: 'Sở Tài chính', reply: null }] });
    const answered = call(core, 'obstacles.reply', { escalationId: escalated.escalations[0]!.id, reply: 'Đã ban hành định mức', replyOn: '2024-07-20', resolved: true });
    expect(answered).toMatchObject({ status: 'da_giai_quyet', overdue: false, escalations: [{ reply: 'Đã ban hành định mức', replyOn: '2024-07-20' }] });
    const open = call(core, 'obstacles.create', { ...base, description: 'Khác' });
    expect(call(core, 'obstacles.list', { asOf: '2024-07-16' }).find((x) => x.id === open.id)!.overdue).toBe(true);
    expect(call(core, 'obstacles.list', { status: 'da_giai_quyet' }).map((x) => x.id)).toEqual([o.id]);
    expect(call(core, 'obstacles.list', { search: 'định mức' })).toHaveLength(1);
  });

  it('refuses an escalation without a target level, or downwards, and a reply dated before the escalation — writing nothing', () => {
    const core = officeCore();
    const o = call(core, 'obstacles.create', base);
    const audit = count(core, 'audit_log');
    const noLevel = core.invoke('obstacles.escalate', { id: o.id, toBody: 'Sở Tài chính', sentOn: '2024-06-05' });
    expect(noLevel).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!noLevel.ok) expect(noLevel.error.message).toContain('Chọn cấp nhận đề xuất');
    const up = call(core, 'obstacles.escalate', { id: o.id, toLevel: 'trung_uong', toBody: 'Bộ Tài chính', sentOn: '2024-06-05' });
    expect(core.invoke('obstacles.escalate', { id: o.id, toLevel: 'huyen', toBody: 'UBND huyện', sentOn: '2024-06-06' })).toMatchObject({ ok: false, error: { code: 'ESCALATION_LEVEL' } });
    expect(core.invoke('obstacles.reply', { escalationId: up.escalations[0]!.id, reply: 'x', replyOn: '2024-06-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_DATE' } });
    expect(core.invoke('obstacles.create', { ...base, dueDate: '2024-05-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_DATE' } });
    expect(count(core, 'obstacle_escalation')).toBe(1);
    expect(count(core, 'audit_log')).toBe(audit + 1);
  });

  it('summary: open, closed and overdue per resolving level, money at risk of the open ones, tasks per status', () => {
    const core = testCore();
    call(core, 'demo.seed', {});
    const summary = call(core, 'followup.summary', { asOf: '2024-07-16' });
    expect(summary.byLevel).toEqual([
      { level: 'xa', open: 1, closed: 0, overdue: 0, amountAtRiskDong: 150_000_000 },
      { level: 'huyen', open: 1, closed: 1, overdue: 0, amountAtRiskDong: 1_200_000_000 },
      { level: 'tinh', open: 1, closed: 0, overdue: 1, amountAtRiskDong: 540_000_000 },
      { level: 'trung_uong', open: 1, closed: 0, overdue: 0, amountAtRiskDong: 300_000_000 },
    ]);
    expect(summary.tasks.find((t) => t.status === 'chua_thuc_hien')).toEqual({ status: 'chua_thuc_hien', count: 6, overdue: 1 });
  });
});

describe('CLI follow-up lists', () => {
  const cli = cliRun;

  it('obstacles list [--status] --json and tasks list --json after seed-demo', () => {
    const data = tempDir();
    expect(cli(['seed-demo', '--data', data]).code).toBe(EXIT.ok);
    const all = JSON.parse(cli(['obstacles', 'list', '--json', '--data', data]).out) as { resolvingLevel: string }[];
    expect(new Set(all.map((o) => o.resolvingLevel))).toEqual(new Set(['xa', 'huyen', 'tinh', 'trung_uong']));
    expect(JSON.parse(cli(['obstacles', 'list', '--status', 'da_giai_quyet', '--json', '--data', data]).out)).toHaveLength(1);
    const tasks = JSON.parse(cli(['tasks', 'list', '--json', '--data', data]).out) as { item: string; deadline: string }[];
    expect(tasks.map((t) => t.item)).toEqual(['2.1', '2.2', '2.3', '2.4', '2.5', '2.6']);
    expect(tasks.find((t) => t.item === '2.6')!.deadline).toBe('2024-07-15');
    // Tasks keep the deadlines their notice gives: 2.1, 2.2 and 2.4 give none, so none is invented (not 31/12).
    expect(Object.fromEntries(tasks.map((t) => [t.item, t.deadline]))).toEqual({ '2.1': null, '2.2': null, '2.3': '2024-09-30', '2.4': null, '2.5': '2024-07-31', '2.6': '2024-07-15' });
    const text = cli(['tasks', 'list', '--data', data]).out;
    expect(text).toMatch(/2\.1 — Chưa thực hiện \(không ghi thời hạn\)/);
    expect(text).not.toContain('31/12/2024');
    expect(cli(['obstacles', 'list', '--status', 'xong', '--data', data]).code).toBe(EXIT.usage);
    expect(cli(['tasks', 'list', '--data', data]).out).toContain('2.6 — Chưa thực hiện — QUÁ HẠN (hạn 15/07/2024)');
  });
});

describe('follow-up: inspection plan', () => {
  it('visits per commune and month; findings become obstacles linked to the visit', () => {
    const core = officeCore();
    const visit = call(core, 'inspections.create', { communeCode: '06043', month: '2024-08', team: 'Phòng TC-KH, Phòng Dân tộc', checklist: 'Hồ sơ hỗ trợ nhà ở; tiến độ công trình' });
    expect(visit).toMatchObject({ communeName: 'Xã Đào Viên', month: '2024-08', status: 'ke_hoach', obstacleIds: [] });
    call(core, 'inspections.update', { id: visit.id, patch: { findings: '3 hộ chưa khởi công làm nhà', status: 'da_kiem_tra' } });
    const o = call(core, 'obstacles.create', { description: '3 hộ chưa khởi công làm nhà', category: 'doi_tuong', raisedOn: '2024-08-20', resolvingLevel: 'xa', inspectionId: visit.id });
    expect(o.inspectionId).toBe(visit.id);
    expect(call(core, 'inspections.list', {})).toMatchObject([{ id: visit.id, status: 'da_kiem_tra', findings: '3 hộ chưa khởi công làm nhà', obstacleIds: [o.id] }]);
    expect(core.invoke('inspections.create', { communeCode: '06043', month: '2024-13' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(core.invoke('inspections.create', { communeCode: '06274', month: '2024-08' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_RECIPIENT' } });
    expect(core.invoke('obstacles.create', { description: 'x', category: 'khac', raisedOn: '2024-08-20', resolvingLevel: 'xa', inspectionId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
