import type { MoneyUnit } from '../../../shared/money/dong';

/** One remembered unit for the decisions list and the editor: the officer chooses it once (triệu by default). */
const UNIT_KEY = 'sovon.decisions.unit';

export function initialDecisionUnit(): MoneyUnit {
  const stored = localStorage.getItem(UNIT_KEY);
  return stored === 'dong' || stored === 'nghin' || stored === 'trieu' ? stored : 'trieu';
}

export function rememberDecisionUnit(unit: MoneyUnit): void {
  localStorage.setItem(UNIT_KEY, unit);
}
