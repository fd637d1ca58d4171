// The wording frozen with an issued decision ("Lời văn") cannot be changed behind the app's back: someone who opens
// the office's SQLite file with another tool and edits the decision_wording row is refused by the database itself,
// and the app, opened again on the same file, prints what was signed.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { defaultWording } from '../../../shared/print/wording';
import { addLines, assign, call, draft, issue, line, officeCore } from '../../support/ledger-helpers';

const SIGNED = 'Quyết định này có hiệu lực kể từ ngày ký. Văn phòng HĐND và UBND huyện, các xã có tên tại Điều 1 chịu trách nhiệm thi hành./.';
const FORGED = 'Quyết định này hết hiệu lực. Không ai phải thi hành./.';

describe('a tampered "Lời văn" of an issued decision is refused', () => {
  it('refuses editing, deleting, replacing and moving a wording onto an issued decision with SQL on the real file', () => {
    const core = officeCore();
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 1_000_000_000);
    const signed = draft(core);
    addLines(core, signed, [line('GNBV.DA2', 250_000_000)]);
    call(core, 'documents.saveDecisionWording', { id: signed, wording: { ...defaultWording('phan_bo', 'UBND'), article3: SIGNED } });
    expect(issue(core, signed, '2024-03-15').ok).toBe(true);
    // A draft carrying the forged text: the raw material for moving a wording onto the issued decision.
    const other = draft(core);
    call(core, 'documents.saveDecisionWording', { id: other, wording: { ...defaultWording('phan_bo', 'UBND'), article3: FORGED } });
    const file = core.db.name;
    const dataDir = (core as unknown as { dataDir: string }).dataDir;
    core.close();

    // Another tool on the same file: triggers are part of the schema, so they fire for any connection.
    const raw = new Database(file);
    const frozenBefore = raw.prepare('SELECT wording_json FROM decision_wording WHERE decision_id = ?').get(signed);
    const attempts = {
      edit: () => raw.prepare("UPDATE decision_wording SET wording_json = json_set(wording_json, '$.article3', ?) WHERE decision_id = ?").run(FORGED, signed),
      delete: () => raw.prepare('DELETE FROM decision_wording WHERE decision_id = ?').run(signed),
      replace: () => raw.prepare("INSERT OR REPLACE INTO decision_wording (decision_id, wording_json, updated_at) VALUES (?, json(?), 'now')").run(signed, JSON.stringify({ article3: FORGED })),
      // REPLACE removes the frozen row without firing its delete trigger; the update trigger must look at the new owner.
      moveOnto: () => raw.prepare('UPDATE OR REPLACE decision_wording SET decision_id = ? WHERE decision_id = ?').run(signed, other),
    };
    for (const [name, attempt] of Object.entries(attempts)) expect(attempt, name).toThrow(/ISSUED_DECISION_IMMUTABLE/);
    expect(raw.prepare('SELECT wording_json FROM decision_wording WHERE decision_id = ?').get(signed)).toEqual(frozenBefore);
    // The draft's own wording is still the draft's to change.
    raw.prepare("UPDATE decision_wording SET wording_json = json_set(wording_json, '$.article3', 'x') WHERE decision_id = ?").run(other);
    raw.close();

    const reopened = openCore({ dataDir, actor: 'test', now: () => '2024-03-16T08:00:00.000Z' });
    try {
      expect(call(reopened, 'documents.decisionWording', { id: signed })).toMatchObject({ source: 'frozen', editable: false });
      const article3 = call(reopened, 'print.decision', { id: signed }).body!.articles[2]!.paragraphs.join(' ');
      expect(article3).toContain('các xã có tên tại Điều 1');
      expect(article3).not.toContain('hết hiệu lực');
    } finally {
      reopened.close();
    }
  });
});
