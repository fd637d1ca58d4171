import type { ComponentOption } from '../../shared/api/reference';
import type { PickerOption } from './PickerEditor';

/**
 * The catalog as picker options: indented by depth, searchable by code, and every item that has children
 * marked as a heading (money goes to the leaves, so a picker never takes a parent) — except an open parent, whose
 * listed children do not cover it and which takes money itself.
 */
export function componentPickerOptions(components: ComponentOption[], options: { withCode: boolean; skipPrograms: boolean }): PickerOption[] {
  const parents = new Set(components.map((c) => c.parentCode).filter((p): p is string => p !== null));
  return components
    .filter((c) => !options.skipPrograms || c.depth > 0)
    .map((c) => ({
      value: c.code,
      label: `${'  '.repeat(options.skipPrograms ? c.depth - 1 : c.depth)}${options.withCode ? `${c.code} — ` : ''}${c.name}`,
      keywords: `${options.withCode ? '' : `${c.code} `}${c.code.replace(/\./g, ' ')} ${c.levelLabel}`,
      parent: parents.has(c.code) && !c.openParent,
    }));
}
