import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { count } from '../../support/helpers';
import { addLines, assign, call, draft, issue, ISSUE_TEXT, line, officeCore, SIGNER } from '../../support/ledger-helpers';

function snapshot(core: Core, id: number): string {
  return JSON.stringify({
    decision: core.db.prepare('SELECT * FROM decision WHERE id = ?').get(id),
    lines: core.db.prepare('SELECT * FROM decision_line WHERE decision_id = ? ORDER BY id').all(id),
  });
}

describe('issued decisions are immutable', () => {
  it('no command changes an issued decision or its lines', () => {
    const core = officeCore();
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 1_000_000_000);
    const id = draft(core);
    const [lineId] = addLines(core, id, [line('GNBV.DA2', 1_000_000_000)]);
    expect(issue(core, id, '2024-03-15').ok).toBe(true);
    const before = snapshot(core, id);
    const attempts: [string, unknown][] = [
      ['decisions.update', { id, patch: { summary: 'sửa' } }],
      ['decisions.update', { id, patch: { docDate: '2024-04-01' } }],
      ['decisions.delete', { id }],
      ['decisions.lines.apply', { decisionId: id, changes: [{ op: 'add', line: line('GNBV.DA2', 1) }] }],
      ['decisions.lines.apply', { decisionId: id, changes: [{ op: 'update', id: lineId, patch: { amount: { dong: 1 } } }] }],
      ['decisions.lines.apply', { decisionId: id, changes: [{ op: 'delete', id: lineId }] }],
      ['decisions.rebase', { id }],
      ['decisions.undo', { decisionId: id }],
      ['decisions.redo', { decisionId: id }],
      ['decisions.issue', { id, docDate: '2024-05-01', signerId: SIGNER.ubndChair, ...ISSUE_TEXT }],
      ['decisions.check', { id }],
    ];
    for (const [name, input] of attempts) {
      const result = core.invokeUnknown(name, input);
      expect(result, name).toMatchObject({ ok: false, error: { code: 'DECISION_ISSUED' } });
      if (!result.ok) expect(result.error.message).toContain('01/QĐ-UBND đã ban hành');
    }
    expect(snapshot(core, id)).toBe(before);
    // A correction is a new decision: duplicating gives a draft and leaves the original as it was.
    const copy = call(core, 'decisions.duplicate', { id });
    expect(copy.header).toMatchObject({ status: 'draft', number: null, lineCount: 1 });
    expect(snapshot(core, id)).toBe(before);
  });
});

describe('draft editing', () => {
  it('undo and redo walk the edits of a draft, header included; a new edit clears redo', () => {
    const core = officeCore();
    const id = draft(core);
    const [a] = addLines(core, id, [line('GNBV.DA2', 100)]);
    call(core, 'decisions.lines.apply', { decisionId: id, changes: [{ op: 'update', id: a, patch: { amount: { text: '2,5', unit: 'nghin' }, note: 'sửa' } }] });
    call(core, 'decisions.update', { id, patch: { summary: 'Trích yếu mới' } });
    call(core, 'decisions.lines.apply', { decisionId: id, changes: [{ op: 'delete', id: a }] });
    const amounts = () => call(core, 'decisions.get', { id }).lines.map((l) => l.amountDong);

    expect(amounts()).toEqual([]);
    let doc = call(core, 'decisions.undo', { decisionId: id });
    expect(doc.lines.map((l) => [l.id, l.amountDong, l.note])).toEqual([[a, 2500, 'sửa']]);
    expect(doc.history).toMatchObject({ canUndo: true, canRedo: true, undoLabel: 'Sửa thông tin quyết định', redoLabel: 'Xoá dòng' });
    doc = call(core, 'decisions.undo', { decisionId: id });
    expect(doc.header.summary).toBe('');
    doc = call(core, 'decisions.undo', { decisionId: id });
    expect(doc.lines.map((l) => l.amountDong)).toEqual([100]);
    call(core, 'decisions.undo', { decisionId: id });
    expect(amounts()).toEqual([]);
    expect(core.invoke('decisions.undo', { decisionId: id })).toMatchObject({ ok: false, error: { code: 'NOTHING_TO_UNDO' } });

    call(core, 'decisions.redo', { decisionId: id });
    call(core, 'decisions.redo', { decisionId: id });
    expect(amounts()).toEqual([2500]);
    // A new edit after undo drops the steps that could have been redone.
    addLines(core, id, [line('GNBV.DA4.TDA2', 7)]);
    expect(call(core, 'decisions.get', { id }).history.canRedo).toBe(false);
    expect(core.invoke('decisions.redo', { decisionId: id })).toMatchObject({ ok: false, error: { code: 'NOTHING_TO_REDO' } });
    const audited = (core.db.prepare("SELECT command FROM audit_log WHERE entity = 'decision' AND entity_id = ? ORDER BY id").all(id) as { command: string }[]).map((r) => r.command);
    expect(audited.filter((c) => c === 'decisions.undo')).toHaveLength(4);
    expect(audited.filter((c) => c === 'decisions.redo')).toHaveLength(2);
  });

  it('a pasted block is all or nothing, with each bad cell named; partial mode applies the valid ones', () => {
    const core = officeCore();
    const id = draft(core);
    const changes = [
      { op: 'add', line: line('GNBV.DA2', 1) },
      { op: 'add', line: { ...line('GNBV.DA2', 0), amount: { text: '12,3,4', unit: 'trieu' } } },
      { op: 'add', line: line('KHONG.CO', 1) },
      { op: 'add', line: line('GNBV.DA2', 1, { recipient: { kind: 'commune', code: '06274' } }) },
    ];
    const auditBefore = count(core, 'audit_log');
    const refused = core.invoke('decisions.lines.apply', { decisionId: id, changes });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_LINES' } });
    if (!refused.ok) {
      const problems = refused.error.details!.problems as { index: number; field: string; code: string }[];
      expect(problems.map((p) => [p.index, p.field, p.code])).toEqual([
        [1, 'amount', 'INVALID_AMOUNT'],
        [2, 'componentCode', 'UNKNOWN_COMPONENT'],
        [3, 'recipient', 'UNKNOWN_RECIPIENT'],
      ]);
    }
    expect(count(core, 'decision_line')).toBe(0);
    expect(count(core, 'audit_log')).toBe(auditBefore);

    const partial = call(core, 'decisions.lines.apply', { decisionId: id, changes, partial: true });
    expect(partial.changed).toHaveLength(1);
    expect(partial.rejected.map((p) => p.index)).toEqual([1, 2, 3]);
    expect(partial.rejected[2]!.message).toContain('không thuộc Huyện Tràng Định');
  });

  it('adjustment lines take "after" and keep before − decrease + increase; allocations refuse "after"', () => {
    const core = officeCore();
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 1_000_000_000);
    const allocation = draft(core);
    addLines(core, allocation, [line('GNBV.DA2', 1_000_000_000)]);
    expect(issue(core, allocation, '2024-03-15').ok).toBe(true);
    const adjustment = draft(core, { kind: 'dieu_chinh', fromPlan: true, docDate: '2024-06-01' });
    const [only] = call(core, 'decisions.get', { id: adjustment }).lines;
    expect(only).toMatchObject({ beforeDong: 1_000_000_000, amountDong: 0, afterDong: 1_000_000_000 });
    const changed = call(core, 'decisions.lines.apply', { decisionId: adjustment, changes: [{ op: 'update', id: only!.id, patch: { after: { text: '750', unit: 'trieu' } } }] });
    expect(changed.changed[0]).toMatchObject({ amountDong: -250_000_000, decreaseDong: 250_000_000, afterDong: 750_000_000 });
    const fresh = draft(core, { docDate: '2024-07-01' });
    const noAfter = core.invoke('decisions.lines.apply', { decisionId: fresh, changes: [{ op: 'add', line: { ...line('GNBV.DA2', 0), after: { dong: 5 } } }] });
    expect(noAfter).toMatchObject({ ok: false, error: { code: 'INVALID_LINES' } });
  });

  it('a project may only be referenced by an investment (ĐTPT) line', () => {
    const core = officeCore();
    call(core, 'projects.create', { code: 'DA-01', name: 'Đường liên thôn', communeCode: '06001', totalInvestment: { text: '2.500', unit: 'trieu' }, specialMechanism: true });
    expect(call(core, 'projects.list', {})).toMatchObject([{ code: 'DA-01', communeName: 'Xã Đoàn Kết', totalInvestmentDong: 2_500_000_000, specialMechanism: true }]);
    const id = draft(core);
    const sn = core.invoke('decisions.lines.apply', { decisionId: id, changes: [{ op: 'add', line: line('NTM.ND02', 1, { projectCode: 'DA-01' }) }] });
    expect(sn).toMatchObject({ ok: false, error: { code: 'INVALID_LINES' } });
    if (!sn.ok) expect(sn.error.message).toContain('chỉ dòng vốn đầu tư phát triển');
    const dtpt = call(core, 'decisions.lines.apply', { decisionId: id, changes: [{ op: 'add', line: line('NTM.ND02', 1, { projectCode: 'DA-01', capitalType: 'DTPT' }) }] });
    expect(dtpt.changed[0]).toMatchObject({ projectCode: 'DA-01', projectName: 'Đường liên thôn' });
  });

  it('deleting a draft removes it, its lines and its history, and is audited', () => {
    const core = officeCore();
    const id = draft(core);
    addLines(core, id, [line('GNBV.DA2', 1), line('GNBV.DA2', 2)]);
    expect(call(core, 'decisions.delete', { id })).toEqual({ deletedId: id });
    expect([count(core, 'decision'), count(core, 'decision_line'), count(core, 'draft_edit')]).toEqual([0, 0, 0]);
    const audit = core.db.prepare("SELECT before_json FROM audit_log WHERE command = 'decisions.delete'").get() as { before_json: string };
    expect(JSON.parse(audit.before_json).lines).toHaveLength(2);
  });
});

describe('issuing', () => {
  it('numbers per issuer and calendar year, zero-padded; a taken number is refused with the next free one', () => {
    const core = officeCore();
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 1_000);
    const make = (issuer: 'UBND' | 'HDND' = 'UBND') => {
      const id = draft(core, { issuer });
      addLines(core, id, [line('GNBV.DA2', 1)]);
      return id;
    };
    expect(call(core, 'decisions.nextNumber', { issuer: 'UBND', docDate: '2024-03-15' })).toEqual({ number: 1, numberText: '01/QĐ-UBND' });
    expect(issue(core, make(), '2024-03-15').ok).toBe(true);
    expect(issue(core, make(), '2024-03-16', SIGNER.ubndChair, 9).ok).toBe(true);
    expect(call(core, 'decisions.nextNumber', { issuer: 'UBND', docDate: '2024-12-31' }).numberText).toBe('10/QĐ-UBND');
    const taken = issue(core, make(), '2024-04-01', SIGNER.ubndChair, 9);
    expect(taken).toMatchObject({ ok: false, error: { code: 'DECISION_NUMBER_TAKEN', details: { suggested: 10 } } });
    if (!taken.ok) expect(taken.error.message).toContain('Số tiếp theo còn trống là 10/QĐ-UBND');
    expect(call(core, 'decisions.nextNumber', { issuer: 'HDND', docDate: '2024-12-31' }).numberText).toBe('01/NQ-HĐND');
    expect(call(core, 'decisions.nextNumber', { issuer: 'UBND', docDate: '2025-01-02' }).numberText).toBe('01/QĐ-UBND');
  });

  it('refuses an empty draft and an unknown signer, writing nothing', () => {
    const core = officeCore();
    const id = draft(core);
    expect(issue(core, id, '2024-03-15')).toMatchObject({ ok: false, error: { code: 'DECISION_EMPTY' } });
    addLines(core, id, [line('GNBV.DA2', 0)]);
    expect(issue(core, id, '2024-03-15', 99)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_SIGNER' } });
    expect(call(core, 'decisions.get', { id }).header.status).toBe('draft');
  });

  it('lists recipients valid on a date: a merged commune is shown as not valid', () => {
    const core = officeCore();
    const before = call(core, 'recipients.list', { date: '2024-11-15' });
    const after = call(core, 'recipients.list', { date: '2024-12-15' });
    expect(before.find((r) => r.code === '06007')).toMatchObject({ name: 'Xã Vĩnh Tiến', validOnDate: true });
    expect(after.find((r) => r.code === '06007')).toMatchObject({ validOnDate: false });
    expect(after[0]).toMatchObject({ kind: 'district', code: '180' });
  });
});
