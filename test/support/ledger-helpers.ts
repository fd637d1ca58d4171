import { expect } from 'vitest';
import type { SyncCommandName } from '../../shared/api/command-kinds';
import type { CommandOutput } from '../../shared/api/contract';
import type { LineInput } from '../../shared/api/decisions';
import type { DecisionIssuer, DecisionKind } from '../../shared/api/decisions';
import type { Result } from '../../shared/api/result';
import type { Core } from '../../electron/core/core';
import { testCore } from './helpers';

/** Unwraps an ok Result, failing the test with the core's message otherwise. */
export function must<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function call<K extends SyncCommandName>(core: Core, name: K, input: unknown): CommandOutput<K> {
  return must(core.invoke(name, input));
}

/** A core with the office of a district and three signers: UBND chair (1), vice chair (2), HĐND chair (3). */
export function officeCore(district = '180'): Core {
  const core = testCore();
  call(core, 'office.setup', {
    districtCode: district,
    signers: [
      { name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện' },
      { name: 'Nông Thị Lan', title: 'Phó Chủ tịch UBND huyện' },
      { name: 'Lương Văn Hải', title: 'Chủ tịch HĐND huyện' },
    ],
  });
  return core;
}

export const SIGNER = { ubndChair: 1, ubndVice: 2, hdndChair: 3 } as const;

export function assign(core: Core, year: number, componentCode: string, sourceCode: string, capitalType: 'DTPT' | 'SN', dong: number, originYear = year): void {
  call(core, 'assignments.create', { year, componentCode, sourceCode, capitalType, originYear, amount: { dong } });
}

export function draft(core: Core, options: { year?: number; kind?: DecisionKind; issuer?: DecisionIssuer; docDate?: string; fromPlan?: boolean } = {}): number {
  return call(core, 'decisions.create', {
    year: options.year ?? 2024,
    kind: options.kind ?? 'phan_bo',
    issuer: options.issuer ?? 'UBND',
    docDate: options.docDate ?? '2024-03-15',
    ...(options.fromPlan ? { fromPlan: true } : {}),
  }).header.id;
}

/** A line with defaults: NSTW, SN, origin year = decision year, commune Đoàn Kết of Tràng Định. */
export function line(componentCode: string, dong: number, extra: Partial<LineInput> = {}): LineInput {
  return { componentCode, recipient: { kind: 'commune', code: '06001' }, sourceCode: 'NSTW', capitalType: 'SN', amount: { dong }, ...extra };
}

export function addLines(core: Core, decisionId: number, lines: LineInput[]): number[] {
  const result = call(core, 'decisions.lines.apply', { decisionId, changes: lines.map((l) => ({ op: 'add', line: l })) });
  return result.changed.map((l) => l.id);
}

/** What an officer types in the issue dialog besides the number, date and signer (issuing requires both). */
export const ISSUE_TEXT = { summary: 'Về việc phân bổ kế hoạch vốn (kiểm thử)', basis: ['Quyết định số 2390/QĐ-UBND ngày 12/12/2023 của UBND tỉnh Lạng Sơn'] };

export function issue(core: Core, id: number, docDate: string, signerId: number = SIGNER.ubndChair, number?: number) {
  return core.invoke('decisions.issue', { id, docDate, signerId, ...ISSUE_TEXT, ...(number ? { number } : {}) });
}

export function findings(core: Core, id: number) {
  return call(core, 'decisions.check', { id }).findings;
}

export function ruleIds(core: Core, id: number, severity: 'E' | 'W' | 'I' = 'E'): number[] {
  return [...new Set(findings(core, id).filter((f) => f.severity === severity).map((f) => f.ruleId))].sort((a, b) => a - b);
}

export function expectOk<T>(result: Result<T>): T {
  expect(result.ok, result.ok ? '' : `${result.error.code}: ${result.error.message}`).toBe(true);
  return (result as { ok: true; value: T }).value;
}
