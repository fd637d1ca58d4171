import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community';
import { searchRank } from '../../shared/text/fold';

export interface PickerOption {
  value: string;
  label: string;
  /** Extra text searched besides the label (codes, abbreviations). */
  keywords?: string;
  /** A heading that cannot be taken (a catalog item with children: money goes to its leaves); shown, never picked. */
  parent?: boolean;
}

export interface PickerEditorParams {
  options: PickerOption[];
}

const MAX_SHOWN = 60;

/**
 * Options matching a query: those that can be taken before the headings above them ("nuoc sinh hoat" finds
 * the content "Hỗ trợ nước sinh hoạt" before its parent "Dự án 1: … nước sinh hoạt"), then those whose words
 * start with the query's words first.
 */
export function filterOptions(options: PickerOption[], query: string): PickerOption[] {
  if (query.trim() === '') return options;
  return options
    .map((option) => ({ option, rank: searchRank(`${option.label} ${option.keywords ?? ''}`, query) }))
    .filter((m): m is { option: PickerOption; rank: number } => m.rank !== null)
    .sort((a, b) => Number(a.option.parent === true) - Number(b.option.parent === true) || a.rank - b.rank)
    .map((m) => m.option);
}


/**
 * A type-ahead list editor for the grid: typing filters the options diacritics-insensitively
 * ("nha o" finds "Hỗ trợ nhà ở"), ↑/↓ move, Enter or Tab takes the highlighted option, Esc cancels.
 * Plain DOM rather than React so the search box exists and has focus before the next key arrives:
 * fast typists must not lose the second letter.
 */
export class PickerEditor implements ICellEditorComp {
  private gui!: HTMLDivElement;
  private input!: HTMLInputElement;
  private list!: HTMLUListElement;
  private options: PickerOption[] = [];
  private matches: PickerOption[] = [];
  private active = 0;
  private initialValue: string | null = null;

  init(params: ICellEditorParams & PickerEditorParams): void {
    this.options = params.options;
    this.initialValue = params.value === null || params.value === undefined ? null : String(params.value);
    this.gui = document.createElement('div');
    this.gui.className = 'picker';
    this.gui.setAttribute('role', 'combobox');
    this.gui.setAttribute('aria-expanded', 'true');
    this.input = document.createElement('input');
    this.input.className = 'picker-input';
    this.input.setAttribute('aria-label', 'Tìm');
    this.input.placeholder = 'Gõ để tìm…';
    this.input.value = params.eventKey && params.eventKey.length === 1 ? params.eventKey : '';
    this.list = document.createElement('ul');
    this.list.className = 'picker-list';
    this.list.setAttribute('role', 'listbox');
    this.gui.append(this.input, this.list);

    this.input.addEventListener('input', () => this.filter(0));
    this.input.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      event.preventDefault();
      event.stopPropagation();
      this.setActive(this.active + (event.key === 'ArrowDown' ? 1 : -1), event.key === 'ArrowDown' ? 1 : -1);
    });
    this.list.addEventListener('mousedown', (event) => {
      const item = (event.target as HTMLElement).closest('li[data-index]');
      if (!item || item.classList.contains('picker-parent')) return;
      event.preventDefault();
      this.setActive(Number(item.getAttribute('data-index')));
      params.stopEditing();
    });
    const current = this.input.value === '' ? this.options.findIndex((o) => o.value === this.initialValue) : 0;
    this.filter(Math.max(0, current));
  }

  private filter(active: number): void {
    this.matches = filterOptions(this.options, this.input.value);
    this.list.replaceChildren(
      ...this.matches.slice(0, MAX_SHOWN).map((option, index) => {
        const li = document.createElement('li');
        li.setAttribute('role', 'option');
        li.dataset.index = String(index);
        li.textContent = option.label;
        if (option.parent) {
          li.classList.add('picker-parent');
          li.setAttribute('aria-disabled', 'true');
          li.title = 'Hạng mục có hạng mục con: chọn một hạng mục con để nhập tiền';
        }
        return li;
      }),
    );
    if (this.matches.length === 0) {
      const li = document.createElement('li');
      li.className = 'picker-empty';
      li.textContent = `Không tìm thấy “${this.input.value}”`;
      this.list.append(li);
    }
    this.setActive(active);
  }

  /** Highlights an option that can be taken, stepping over headings in the direction of travel. */
  private setActive(index: number, step: 1 | -1 = 1): void {
    const last = Math.min(this.matches.length, MAX_SHOWN) - 1;
    let next = Math.max(0, Math.min(last, index));
    while (next >= 0 && next <= last && this.matches[next]?.parent) next += step;
    if (next < 0 || next > last) {
      next = Math.max(0, Math.min(last, index));
      while (next >= 0 && next <= last && this.matches[next]?.parent) next -= step;
    }
    this.active = next >= 0 && next <= last ? next : -1;
    this.list.querySelectorAll('li[data-index]').forEach((li, i) => {
      const selected = i === this.active;
      li.classList.toggle('active', selected);
      li.setAttribute('aria-selected', String(selected));
      if (selected) li.scrollIntoView?.({ block: 'nearest' });
    });
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  afterGuiAttached(): void {
    this.input.focus();
    const end = this.input.value.length;
    this.input.setSelectionRange(end, end);
  }

  getValue(): string | null {
    const chosen = this.matches[this.active];
    return chosen && !chosen.parent ? chosen.value : this.initialValue;
  }

  isPopup(): boolean {
    return true;
  }
}
