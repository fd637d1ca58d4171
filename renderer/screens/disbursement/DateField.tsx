import { formatDateVi, parseDateVi } from '../../../shared/format/date';

/** A date typed as dd/mm/yyyy, taken on Enter or when leaving the field; a wrong one is reported, not taken. */
export function DateField({ label, value, onChange, onInvalid }: { label: string; value: string; onChange: (iso: string) => void; onInvalid: (message: string) => void }) {
  return (
    <input
      key={value}
      aria-label={label}
      size={11}
      defaultValue={formatDateVi(value)}
      onBlur={(e) => {
        const iso = parseDateVi(e.target.value);
        if (!iso) return onInvalid(`Ngày "${e.target.value}" không hợp lệ; nhập dạng dd/mm/yyyy, ví dụ 30/06/${value.slice(0, 4)}.`);
        if (iso !== value) onChange(iso);
      }}
      onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
    />
  );
}
