import { describe, expect, it } from 'vitest';
import { componentPickerOptions } from '../../../renderer/grid/component-options';
import { filterOptions } from '../../../renderer/grid/PickerEditor';
import { call, officeCore } from '../../support/ledger-helpers';

describe('the component picker over the real 2024 catalog', () => {
  const core = officeCore();
  const components = call(core, 'catalog.components', { year: 2024 });
  core.close();

  for (const [screen, options] of [
    ['Vốn được giao', componentPickerOptions(components, { withCode: false, skipPrograms: false })],
    ['Quyết định phân bổ', componentPickerOptions(components, { withCode: true, skipPrograms: true })],
  ] as const) {
    it(`${screen}: "nuoc sinh hoat" ranks the leaves that can take money above their parents`, () => {
      const matches = filterOptions(options, 'nuoc sinh hoat');
      expect(matches[0]).toMatchObject({ value: 'DTTS.DA1.ND4', parent: false });
      const firstParent = matches.findIndex((m) => m.parent);
      expect(firstParent).toBeGreaterThan(0);
      expect(matches.slice(firstParent).every((m) => m.parent)).toBe(true);
      expect(matches.find((m) => m.value === 'DTTS.DA1')).toMatchObject({ parent: true });
    });
  }

  it('marks exactly the items with children as parents', () => {
    const options = componentPickerOptions(components, { withCode: true, skipPrograms: false });
    const withChildren = new Set(components.map((c) => c.parentCode).filter(Boolean));
    expect(options.filter((o) => o.parent).map((o) => o.value).sort()).toEqual([...withChildren].sort());
  });
});
