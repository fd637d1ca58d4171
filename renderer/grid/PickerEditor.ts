import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community';
import { searchRank } from '../../shared/text/fold';

export interface PickerOption {
  value: string;
  label: string;
  /** Extra text searched besides the label (codes, abbreviations). */
  keywords?: string;
}

export interface PickerEditorParams {
  options: PickerOption[];
}

const MAX_SHOWN = 60;

/** Options matching a query, those whose words start with the query's words first. */
export function filterOptions(options: PickerOption[], query: string): PickerOption[] {
  if (query.trim() === '') return options;
  return options
    .map((option) => ({ option, rank: searchRank(`${option.label} ${option.keywords ?? ''}`, query) }))
    .filter((m): m is { option: PickerOption; rank: number } => m.rank !== null)
    .sort((a, b) => a.rank - b.rank)
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
      this.setActive(this.active + (event.key === 'ArrowDown' ? 1 : -1));
    });
    this.list.addEventListener('mousedown', (event) => {
      const item = (event.target as HTMLElement).closest('li[data-index]');
      if (!item) return;
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

  private setActive(index: number): void {
    this.active = Math.max(0, Math.min(Math.min(this.matches.length, MAX_SHOWN) - 1, index));
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
    return this.matches[this.active]?.value ?? this.initialValue;
  }

  isPopup(): boolean {
    return true;
  }
}
