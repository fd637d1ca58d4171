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

// The 2026–2035 catalog names only some parts of two nội dung thành phần (TT 60/2026/TT-BTC Điều 6 and 17): their one
// listed child does not cover them, so the content itself takes money — the infrastructure of HP1.ND02 is not only
// the operation and maintenance of finished works.
describe('the component picker over the 2026–2035 catalog: open parents take money', () => {
  const core = officeCore('06046');
  const components = call(core, 'catalog.components', { year: 2026 });
  core.close();
  const options = componentPickerOptions(components, { withCode: true, skipPrograms: true });

  it('offers HP1.ND02 and HP2.ND03 as items that take money, though each has a listed child', () => {
    for (const code of ['MTQG2635.HP1.ND02', 'MTQG2635.HP2.ND03']) {
      expect(components.find((c) => c.code === code)).toMatchObject({ openParent: true });
      expect(components.some((c) => c.parentCode === code)).toBe(true);
      expect(options.find((o) => o.value === code)).toMatchObject({ parent: false });
    }
    expect(filterOptions(options, 'ha tang kinh te xa hoi')[0]).toMatchObject({ value: 'MTQG2635.HP1.ND02', parent: false });
  });

  it('keeps the hợp phần, whose contents are all listed, as headings', () => {
    expect(options.find((o) => o.value === 'MTQG2635.HP1')).toMatchObject({ parent: true });
    expect(components.filter((c) => c.openParent).map((c) => c.code).sort()).toEqual(['MTQG2635.HP1.ND02', 'MTQG2635.HP2.ND03']);
  });
});
