import './disbursement.css';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Dashboard } from '../../../shared/api/disbursement';
import { formatDateVi } from '../../../shared/format/date';
import { basisPointsText } from '../../../shared/format/rate';
import { formatAmount } from '../../../shared/money/dong';
import { columnFormatter } from '../../../shared/money/column-decimals';
import { api } from '../../api/client';
import { useScreenYear } from '../../app/working-year';
import { MessageArea } from '../../kit/MessageArea';
import { ChartCard, percentAxis, type ChartOption } from '../../charts/Chart';
import { PeriodPanel } from './PeriodPanel';
import { DateField } from './DateField';
import { useDefaultCutoff } from './dates';

const CAPITAL = { DTPT: 'ĐTPT', SN: 'SN' } as const;
/** One column of a chart's table in triệu, every value with the same decimals. */
const trieuColumn = (values: number[]) => columnFormatter(values, 'trieu');
const COLORS = ['#1f6feb', '#f79009', '#12b76a', '#7a5af8', '#98a2b3'];

/** Bars of rates with the app's own rounded texts as labels. */
function barSeries(name: string, values: (number | null)[], texts: string[], color: string) {
  return { name, type: 'bar', data: values, itemStyle: { color }, label: { show: true, position: 'top', fontSize: 11, formatter: (p: { dataIndex: number }) => texts[p.dataIndex] } };
}

/** Tổng quan: what the office is judged on, as of a date, with the alerts that need an officer. */
export function DashboardScreen() {
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const year = useScreenYear();
  // Without a date in the URL the dashboard is read at the latest cut-off reported: past it the line would run flat.
  const asOf = useDefaultCutoff(year, search.get('asOf'));
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setData(null);
    if (!asOf) return;
    void api.invoke('disbursement.dashboard', { year, asOf }).then((r) => (r.ok ? (setData(r.value), setError(null)) : setError(r.error.message)));
  }, [year, asOf]);

  const charts = useMemo(() => {
    if (!data) return null;
    const pc = data.byProgramCapital;
    const byProgram: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 40 },
      xAxis: { type: 'category', data: pc.map((r) => `${r.programCode} · ${CAPITAL[r.capitalType]}`), axisLabel: { interval: 0, fontSize: 11 } },
      yAxis: percentAxis(pc.flatMap((r) => [r.allocationRate, r.disbursement.rate])),
      series: [
        barSeries('Phân bổ', pc.map((r) => r.allocationRate), pc.map((r) => r.allocationRateText), COLORS[0]!),
        barSeries('Giải ngân', pc.map((r) => r.disbursement.rate), pc.map((r) => r.disbursement.rateText), COLORS[1]!),
      ],
    };
    const programs = [...new Map(pc.map((r) => [r.programCode, r.programName])).keys()];
    const side = (t: 'SN' | 'DTPT') => programs.map((p) => pc.find((r) => r.programCode === p && r.capitalType === t)?.disbursement ?? null);
    const sideBySide: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: programs },
      yAxis: percentAxis([...side('SN'), ...side('DTPT')].map((f) => f?.rate)),
      series: [
        barSeries('Chi thường xuyên (SN)', side('SN').map((f) => f?.rate ?? null), side('SN').map((f) => f?.rateText ?? ''), COLORS[2]!),
        barSeries('Đầu tư phát triển (ĐTPT)', side('DTPT').map((f) => f?.rate ?? null), side('DTPT').map((f) => f?.rateText ?? ''), COLORS[0]!),
      ],
    };
    const comparisons = [...data.comparisons, ...(data.pilotComparison ? [data.pilotComparison.pilot, data.pilotComparison.others] : [])];
    // Horizontal bars, top to bottom as listed: the district first.
    const listed = [...comparisons].reverse();
    const compare: ChartOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 190, right: 50, top: 10, bottom: 24 },
      xAxis: percentAxis(comparisons.map((c) => c.rate)),
      yAxis: { type: 'category', data: listed.map((c) => c.label), axisLabel: { fontSize: 11, width: 180, overflow: 'truncate' } },
      series: [
        {
          ...barSeries('Tỷ lệ giải ngân', listed.map((c) => c.rate), listed.map((c) => c.rateText), COLORS[0]!),
          label: { show: true, position: 'right', fontSize: 11, formatter: (p: { dataIndex: number }) => listed[p.dataIndex]!.rateText },
          data: listed.map((c) => ({ value: c.rate, itemStyle: { color: c === comparisons[0] ? COLORS[1] : data.comparisons.includes(c) ? COLORS[0] : COLORS[3] } })),
        },
      ],
    };
    const communes = [...data.communes].reverse();
    const byCommune: ChartOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 150, right: 50, top: 10, bottom: 24 },
      xAxis: percentAxis(data.communes.map((c) => c.rate)),
      yAxis: { type: 'category', data: communes.map((c) => c.communeName) },
      series: [{ ...barSeries('Giải ngân', communes.map((c) => c.rate), communes.map((c) => c.rateText), COLORS[2]!), label: { show: true, position: 'right', fontSize: 11, formatter: (p: { dataIndex: number }) => communes[p.dataIndex]!.rateText } }],
    };
    const months = data.pacing.months;
    const pacing: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: months.map((m) => `T${m.month}`) },
      yAxis: percentAxis(months.flatMap((m) => [m.actual?.rate, m.targetBp === null ? null : m.targetBp / 10_000])),
      series: [
        { name: `Mục tiêu${data.pacing.source ? ` (${data.pacing.source})` : ''}`, type: 'line', data: months.map((m) => (m.targetBp === null ? null : m.targetBp / 10_000)), lineStyle: { type: 'dashed' }, itemStyle: { color: COLORS[4] } },
        { name: 'Thực hiện', type: 'line', data: months.map((m) => m.actual?.rate ?? null), itemStyle: { color: COLORS[1] }, label: { show: true, formatter: (p: { dataIndex: number }) => months[p.dataIndex]!.actual?.rateText ?? '' } },
      ],
    };
    return { byProgram, sideBySide, compare, byCommune, pacing, comparisons, programs, side };
  }, [data]);

  return (
    <section className="screen dashboard">
      <header className="screen-header">
        <h1>Tổng quan</h1>
        <div className="toolbar">
          <label>
            Số liệu đến ngày{' '}
            {asOf ? <DateField label="Số liệu đến ngày" value={asOf} onChange={(iso) => (setError(null), setSearch({ asOf: iso }))} onInvalid={setError} /> : null}
          </label>
          <button type="button" onClick={() => navigate(`/giai-ngan/${year}?asOf=${asOf}`)}>
            Số liệu giải ngân
          </button>
          <button type="button" onClick={() => navigate(`/in-giai-ngan/${year}?asOf=${asOf}`)}>
            In báo cáo…
          </button>
        </div>
      </header>
      <MessageArea error={error} />
      {!data || !charts ? (
        error ? null : <p className="muted">Đang tính…</p>
      ) : (
        <>
          <div className="kpis">
            <div className="kpi">
              <div className="kpi-label">Kế hoạch vốn năm {year}</div>
              <div className="kpi-value" data-testid="kpi-plan">{formatAmount(data.assignedDong, 'trieu')}</div>
              <div className="kpi-note">triệu đồng (vốn năm {year}; vốn kéo dài tính riêng)</div>
            </div>
            <div className="kpi">
              <div className="kpi-label">Đã phân bổ chi tiết</div>
              <div className="kpi-value" data-testid="kpi-allocation">{data.allocationRateText}</div>
              <div className="kpi-note">{formatAmount(data.allocatedDong, 'trieu')} triệu đồng ÷ kế hoạch</div>
            </div>
            <div className="kpi">
              <div className="kpi-label">Giải ngân đến {formatDateVi(data.asOf)}</div>
              <div className="kpi-value" data-testid="kpi-disbursement">{data.disbursement.rateText}</div>
              <div className="kpi-note">Mẫu số: {data.disbursement.denominator.label}</div>
            </div>
            <div className="kpi">
              <div className="kpi-label">Giải ngân vốn NSTW</div>
              <div className="kpi-value" data-testid="kpi-disbursement-ttg">{data.disbursementTtg.rateText}</div>
              <div className="kpi-note">Mẫu số: {data.disbursementTtg.denominator.label}</div>
            </div>
          </div>
          <PeriodPanel periods={data.byPeriod} />
          {data.alerts.length > 0 ? (
            <ul className="alerts" aria-label="Cảnh báo">
              {data.alerts.map((a, i) => (
                <li key={i} className={`alert alert-${a.severity}`}>
                  <span className="alert-tag">{a.severity === 'E' ? 'Lỗi' : a.severity === 'W' ? 'Cảnh báo' : 'Lưu ý'}</span> {a.message}{' '}
                  <button type="button" className="link-button" onClick={() => navigate(a.link)}>
                    Xem
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="findings-ok">Không có cảnh báo.</p>
          )}
          <div className="chart-grid">
            <ChartCard
              title="Phân bổ và giải ngân theo chương trình, loại vốn"
              option={charts.byProgram}
              note={`Giải ngân: ${data.disbursement.denominator.label}`}
              table={{
                columns: ['Chương trình · loại vốn', 'Kế hoạch (tr.đ)', 'Đã phân bổ (tr.đ)', 'Tỷ lệ phân bổ', 'Đã giải ngân (tr.đ)', 'Tỷ lệ giải ngân'],
                rows: ((a, b, c) => data.byProgramCapital.map((r) => [`${r.programCode} · ${CAPITAL[r.capitalType]}`, a(r.assignedDong), b(r.allocatedDong), r.allocationRateText, c(r.disbursement.disbursedDong), r.disbursement.rateText]))(
                  trieuColumn(data.byProgramCapital.map((r) => r.assignedDong)),
                  trieuColumn(data.byProgramCapital.map((r) => r.allocatedDong)),
                  trieuColumn(data.byProgramCapital.map((r) => r.disbursement.disbursedDong)),
                ),
              }}
            />
            <ChartCard
              title="Chi thường xuyên và đầu tư phát triển"
              option={charts.sideBySide}
              table={{
                columns: ['Chương trình', 'SN: kế hoạch (tr.đ)', 'SN: giải ngân', 'ĐTPT: kế hoạch (tr.đ)', 'ĐTPT: giải ngân'],
                rows: ((sn, dtpt) => charts.programs.map((p, i) => [p, sn(charts.side('SN')[i]?.planDong ?? 0), charts.side('SN')[i]?.rateText ?? '—', dtpt(charts.side('DTPT')[i]?.planDong ?? 0), charts.side('DTPT')[i]?.rateText ?? '—']))(
                  trieuColumn(charts.side('SN').map((f) => f?.planDong ?? 0)),
                  trieuColumn(charts.side('DTPT').map((f) => f?.planDong ?? 0)),
                ),
              }}
            />
            <ChartCard
              title="So với cùng kỳ, bình quân tỉnh, cả nước và các đơn vị khác"
              option={charts.compare}
              table={{ columns: ['So sánh', 'Tỷ lệ', 'Nguồn số liệu'], rows: charts.comparisons.map((c) => [c.label, c.rateText, c.source]) }}
              note={
                data.pilotComparison ? (
                  <>Huyện thí điểm: {data.pilotComparison.pilot.rateText}; các huyện còn lại: {data.pilotComparison.others.rateText} ({data.pilotComparison.districts.map((d) => `${d.districtName ?? d.districtCode} ${d.rateText}`).join(', ')}).</>
                ) : (
                  'Chưa có số liệu tổng hợp của các huyện khác để so sánh huyện thí điểm với các huyện còn lại.'
                )
              }
            />
            <ChartCard
              title="Tiến độ giải ngân theo tháng so với mục tiêu"
              option={charts.pacing}
              table={{
                columns: ['Tháng', 'Mục tiêu', 'Thực hiện', 'Số liệu đến ngày'],
                rows: data.pacing.months.map((m) => [`Tháng ${m.month}`, m.targetBp === null ? '—' : basisPointsText(m.targetBp), m.actual?.rateText ?? '—', m.cutoff ? formatDateVi(m.cutoff) : '']),
              }}
            />
            <ChartCard
              title="Giải ngân theo xã"
              option={charts.byCommune}
              height={Math.max(200, data.communes.length * 28 + 40)}
              table={{ columns: ['Xã', 'Kế hoạch (tr.đ)', 'Đã giải ngân (tr.đ)', 'Tỷ lệ'], rows: ((a, b) => data.communes.map((c) => [c.communeName, a(c.planDong), b(c.disbursedDong), c.rateText]))(trieuColumn(data.communes.map((c) => c.planDong)), trieuColumn(data.communes.map((c) => c.disbursedDong))) }}
            />
          </div>
        </>
      )}
    </section>
  );
}
