import type { MoneyUnit } from '../../shared/money/dong';

/** The unit amounts are entered and shown in (stored in đồng whatever is chosen). */
export function UnitSelect({ value, onChange, label = 'Đơn vị tính' }: { value: MoneyUnit; onChange: (unit: MoneyUnit) => void; label?: string }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as MoneyUnit)}>
      <option value="trieu">triệu đồng</option>
      <option value="nghin">nghìn đồng</option>
      <option value="dong">đồng</option>
    </select>
  );
}
